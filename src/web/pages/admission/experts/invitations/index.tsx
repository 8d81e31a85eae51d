import { UserAddOutlined } from "@ant-design/icons";
import { App, Button, Input, Popconfirm, Select, Space, type TableProps, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  INVITATION_VIEW_STATUSES,
  type Invitation,
  ZInvitationQuery,
} from "../../../../../schemas/admission/experts";
import { useInvitationAction, useInvitationList } from "../../../../api/admission/experts";
import { formatDateTime } from "../../../../components/format";
import { FieldTags } from "../../../../components/labels";
import { FilterBar } from "../../../../components/list/FilterBar";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { errorMessage } from "../../../../components/serverErrors";
import { ExpertTabs } from "../components/ExpertTabs";
import { InviteDialog } from "../components/InviteDialog";
import { InvitationStatusTag } from "../components/labels";

/** 邀请记录: every invitation with its status and expiry; resend or withdraw the open ones. */
export default function InvitationListPage() {
  const { t } = useTranslation();
  const { state, update } = useUrlQuery(ZInvitationQuery);
  const list = useInvitationList(state);
  const [inviting, setInviting] = useState(false);
  const columns = useColumns();
  return (
    <>
      <PageHeader
        title={t("experts.invitationsTitle")}
        extra={
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setInviting(true)}>
            {t("experts.invite")}
          </Button>
        }
      />
      <ExpertTabs current="invitations" />
      <FilterBar<Pick<typeof state, "q" | "status">>
        name="invitationFilters"
        label={t("organization.filter.label")}
        value={{ q: state.q, status: state.status }}
        onSearch={update}
        fields={[
          {
            name: "q",
            label: t("experts.keyword"),
            primary: true,
            control: <Input allowClear maxLength={50} />,
          },
          {
            name: "status",
            label: t("experts.status"),
            primary: true,
            control: (
              <Select
                allowClear
                placeholder={t("experts.allStatuses")}
                style={{ minWidth: 120 }}
                options={INVITATION_VIEW_STATUSES.map((s) => ({
                  value: s,
                  label: t(`experts.invitationStatus.${s}`),
                }))}
              />
            ),
          },
        ]}
      />
      <ListResults
        result={list}
        state={state}
        onChange={update}
        columns={columns}
        renderCard={(i) => <InvitationCard invitation={i} />}
        empty={t("experts.invitationsEmpty")}
      />
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
    </>
  );
}

function Actions({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useInvitationAction();
  if (invitation.status !== "sent" && invitation.status !== "expired") return null;
  const run = async (kind: "resend" | "revoke") => {
    try {
      await action.mutateAsync({ id: invitation.id, action: kind });
      message.success(kind === "resend" ? t("experts.resent") : t("experts.revoked"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Space size={4} wrap>
      <Popconfirm title={t("experts.resendConfirm")} onConfirm={() => run("resend")}>
        <Button size="small">{t("experts.resend")}</Button>
      </Popconfirm>
      <Popconfirm title={t("experts.revokeConfirm")} onConfirm={() => run("revoke")}>
        <Button size="small" danger>
          {t("experts.revoke")}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function useColumns(): NonNullable<TableProps<Invitation>["columns"]> {
  const { t } = useTranslation();
  return [
    { key: "name", title: t("experts.name"), render: (_, i) => i.name },
    {
      key: "contact",
      title: `${t("experts.mobile")} / ${t("experts.email")}`,
      render: (_, i) => (
        <span style={{ fontSize: 13 }}>
          {i.mobile ?? "—"}
          <br />
          {i.email ?? "—"}
        </span>
      ),
    },
    { key: "fields", title: t("experts.fields"), render: (_, i) => <FieldTags fields={i.fields} /> },
    {
      key: "status",
      title: t("experts.status"),
      width: 100,
      render: (_, i) => <InvitationStatusTag status={i.status} />,
    },
    {
      key: "expiresAt",
      title: t("experts.expiresAt"),
      width: 160,
      render: (_, i) => formatDateTime(i.expiresAt),
    },
    { key: "by", title: t("experts.invitedBy"), width: 110, render: (_, i) => i.createdByName ?? "—" },
    { key: "actions", title: "", width: 170, render: (_, i) => <Actions invitation={i} /> },
  ];
}

function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: "grid", gap: 6 }}>
      <Space size={8} wrap>
        <Typography.Text strong>{invitation.name}</Typography.Text>
        <InvitationStatusTag status={invitation.status} />
      </Space>
      <span style={{ fontSize: 13 }}>
        {[invitation.mobile, invitation.email].filter(Boolean).join(" · ")}
      </span>
      <span style={{ fontSize: 13 }}>
        {t("experts.expiresAt")} {formatDateTime(invitation.expiresAt)}
      </span>
      <Actions invitation={invitation} />
    </div>
  );
}

import { SendOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  InputNumber,
  List,
  Modal,
  Skeleton,
  Space,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  type ExpertDetail,
  SIGN_IN_LINK_HOURS_DEFAULT,
  SIGN_IN_LINK_HOURS_MAX,
} from "../../../../../schemas/admission/experts";
import { useExpert, useRecordConflict, useSendSignInLink } from "../../../../api/admission/experts";
import { formatDateTime } from "../../../../components/format";
import { FieldTags } from "../../../../components/labels";
import { OrganizationSelect } from "../../../../components/OrganizationSelect";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";
import { ConflictForm } from "../components/ConflictForm";
import { ConflictList } from "../components/ConflictList";
import { InvitationStatusTag } from "../components/labels";

/** 专家详情: the profile, the invitations, every conflict (stored and detected), and staff's acts. */
export default function ExpertDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const expert = useExpert(id);
  if (expert.isError) return <QueryError error={expert.error} onRetry={() => void expert.refetch()} />;
  if (!expert.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const d = expert.data;
  return (
    <>
      <PageHeader
        title={d.expert.displayName}
        subTitle={t("experts.detailTitle")}
        backTo="/experts"
        extra={<SendLinkButton detail={d} />}
      />
      <div style={{ display: "grid", gap: 16 }}>
        <ProfileCard detail={d} />
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("experts.conflicts")}</h2>}>
          <ConflictList conflicts={d.conflicts} />
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t("experts.recordConflict")}
          </Typography.Title>
          <RecordConflict expertId={d.expert.id} />
        </Card>
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("experts.invitations")}</h2>}>
          {d.invitations.length === 0 ? (
            <Typography.Text type="secondary">{t("experts.invitationsEmpty")}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={d.invitations}
              renderItem={(i) => (
                <List.Item>
                  <Space wrap>
                    <InvitationStatusTag status={i.status} />
                    <span>{formatDateTime(i.createdAt)}</span>
                    {i.createdByName && <Typography.Text type="secondary">{i.createdByName}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
    </>
  );
}

function ProfileCard({ detail }: { detail: ExpertDetail }) {
  const { t } = useTranslation();
  const e = detail.expert;
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("experts.profile")}</h2>}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t("experts.mobile")}>{e.mobile ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("experts.email")}>{e.email ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("experts.affiliation")}>{e.affiliation ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("experts.title")}>{e.title ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("experts.fields")}>
          <FieldTags fields={e.fields} />
        </Descriptions.Item>
        <Descriptions.Item label={t("experts.ownOrganization")}>
          {detail.organizationName ?? "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("experts.status")}>
          {e.status === "active" ? t("experts.statusActive") : t("experts.statusDisabled")}
        </Descriptions.Item>
        <Descriptions.Item label={t("experts.lastLogin")}>
          {e.lastLoginAt ? formatDateTime(e.lastLoginAt) : t("experts.never")}
        </Descriptions.Item>
        <Descriptions.Item label={t("experts.bio")} span={2}>
          <span style={{ whiteSpace: "pre-wrap" }}>{detail.bio ?? "—"}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function RecordConflict({ expertId }: { expertId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordConflict(expertId);
  return (
    <ConflictForm
      name="recordConflict"
      busy={record.isPending}
      submitLabel={t("experts.recordConflict")}
      picker={<OrganizationSelect placeholder={t("experts.searchOrganization")} style={{ width: "100%" }} />}
      onSubmit={(values, reset) =>
        record.mutate(values, {
          onSuccess: () => {
            message.success(t("experts.conflictRecorded"));
            reset();
          },
          onError: (error) => message.error(errorMessage(error)),
        })
      }
    />
  );
}

interface LinkValues {
  hours: number;
  channels: ("sms" | "email")[];
}

function SendLinkButton({ detail }: { detail: ExpertDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LinkValues>();
  const send = useSendSignInLink(detail.expert.id);
  const submit = (values: LinkValues) =>
    send.mutate(
      {
        hours: values.hours,
        channels: { sms: values.channels.includes("sms"), email: values.channels.includes("email") },
      },
      {
        onSuccess: (sent) => {
          const ways = [sent.sentBySms && t("experts.bySms"), sent.sentByEmail && t("experts.byEmail")]
            .filter(Boolean)
            .join(t("common.listSeparator"));
          message.success(t("experts.linkSent", { ways, until: formatDateTime(sent.expiresAt) }));
          setOpen(false);
        },
        onError: (error) => message.error(errorMessage(error)),
      },
    );
  return (
    <>
      <Button
        icon={<SendOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        disabled={detail.expert.status !== "active"}
      >
        {t("experts.sendLink")}
      </Button>
      <Modal
        open={open}
        title={t("experts.sendLinkTitle")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("experts.sendLink")}
        confirmLoading={send.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("experts.sendLinkHint")}</Typography.Paragraph>
        <Form<LinkValues>
          form={form}
          name="signInLink"
          layout="vertical"
          initialValues={{
            hours: SIGN_IN_LINK_HOURS_DEFAULT,
            channels: [detail.expert.mobile && "sms", detail.expert.email && "email"].filter(Boolean),
          }}
          onFinish={submit}
        >
          <Form.Item name="hours" label={t("experts.hours")}>
            <InputNumber min={1} max={SIGN_IN_LINK_HOURS_MAX} precision={0} />
          </Form.Item>
          <Form.Item
            name="channels"
            label={t("experts.channels")}
            rules={[{ required: true, type: "array", min: 1 }]}
          >
            <Checkbox.Group
              options={[
                {
                  value: "sms",
                  label: `${t("experts.bySms")} ${detail.expert.mobile ?? ""}`,
                  disabled: !detail.expert.mobile,
                },
                {
                  value: "email",
                  label: `${t("experts.byEmail")} ${detail.expert.email ?? ""}`,
                  disabled: !detail.expert.email,
                },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { UserAddOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space, type TableProps, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EXPERT_STATUSES, type ExpertRow, ZExpertQuery } from "../../../../../schemas/admission/experts";
import { useExpertList } from "../../../../api/admission/experts";
import { formatDateTime } from "../../../../components/format";
import { FieldTags } from "../../../../components/labels";
import { FilterBar } from "../../../../components/list/FilterBar";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { useFieldOptions } from "../../../../components/options";
import { PageHeader } from "../../../../components/PageHeader";
import { ExpertTabs } from "../components/ExpertTabs";
import { InviteDialog } from "../components/InviteDialog";
import { ExpertStatusTag } from "../components/labels";

/** 评审专家: the base's experts (keyword, field, status), and the way to invite more. */
export default function ExpertListPage() {
  const { t } = useTranslation();
  const { state, update } = useUrlQuery(ZExpertQuery);
  const list = useExpertList(state);
  const [inviting, setInviting] = useState(false);
  const fieldOptions = useFieldOptions();
  const columns = useColumns();

  return (
    <>
      <PageHeader
        title={t("experts.listTitle")}
        extra={
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setInviting(true)}>
            {t("experts.invite")}
          </Button>
        }
      />
      <ExpertTabs current="experts" />
      <FilterBar<Pick<typeof state, "q" | "field" | "status">>
        name="expertFilters"
        label={t("organization.filter.label")}
        value={{ q: state.q, field: state.field, status: state.status }}
        onSearch={update}
        fields={[
          {
            name: "q",
            label: t("experts.keyword"),
            primary: true,
            control: <Input allowClear placeholder={t("experts.searchPlaceholder")} maxLength={50} />,
          },
          {
            name: "field",
            label: t("experts.field"),
            primary: true,
            control: (
              <Select
                allowClear
                placeholder={t("experts.allFields")}
                options={fieldOptions}
                style={{ minWidth: 160 }}
              />
            ),
          },
          {
            name: "status",
            label: t("experts.status"),
            control: (
              <Select
                allowClear
                placeholder={t("experts.allStatuses")}
                style={{ minWidth: 120 }}
                options={EXPERT_STATUSES.map((s) => ({
                  value: s,
                  label: s === "active" ? t("experts.statusActive") : t("experts.statusDisabled"),
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
        renderCard={(expert) => <ExpertCard expert={expert} />}
        empty={t("experts.empty")}
      />
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
    </>
  );
}

function StatusTag({ status }: { status: ExpertRow["status"] }) {
  return <ExpertStatusTag active={status === "active"} />;
}

function useColumns(): NonNullable<TableProps<ExpertRow>["columns"]> {
  const { t } = useTranslation();
  return [
    {
      key: "name",
      title: t("experts.name"),
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/experts/${e.id}`}>{e.displayName}</Link>
          {(e.affiliation || e.title) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[e.affiliation, e.title].filter(Boolean).join(" · ")}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: "fields", title: t("experts.fields"), render: (_, e) => <FieldTags fields={e.fields} /> },
    {
      key: "contact",
      title: `${t("experts.mobile")} / ${t("experts.email")}`,
      render: (_, e) => (
        <span style={{ fontSize: 13 }}>
          {e.mobile ?? "—"}
          <br />
          {e.email ?? "—"}
        </span>
      ),
    },
    {
      key: "conflicts",
      title: t("experts.storedConflicts"),
      width: 100,
      render: (_, e) => t("experts.conflictCount", { count: e.conflictCount }),
    },
    {
      key: "status",
      title: t("experts.status"),
      width: 90,
      render: (_, e) => <StatusTag status={e.status} />,
    },
    {
      key: "lastLogin",
      title: t("experts.lastLogin"),
      width: 160,
      render: (_, e) => (e.lastLoginAt ? formatDateTime(e.lastLoginAt) : t("experts.never")),
    },
  ];
}

function ExpertCard({ expert }: { expert: ExpertRow }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: "grid", gap: 6 }}>
      <Space size={8} wrap>
        <Link to={`/experts/${expert.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
          {expert.displayName}
        </Link>
        <StatusTag status={expert.status} />
      </Space>
      {(expert.affiliation || expert.title) && (
        <Typography.Text type="secondary">
          {[expert.affiliation, expert.title].filter(Boolean).join(" · ")}
        </Typography.Text>
      )}
      <FieldTags fields={expert.fields} />
      <span style={{ fontSize: 13 }}>
        {[expert.mobile, expert.email].filter(Boolean).join(" · ")} · {t("experts.storedConflicts")}{" "}
        {t("experts.conflictCount", { count: expert.conflictCount })}
      </span>
    </div>
  );
}

import { Card, Empty, Pagination, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Organization } from "../../../../../schemas/organizations";
import { formatDateTime } from "../../../../components/format";
import { FieldTags, RegistrationTag, ResidencyTag } from "../../../../components/labels";
import type { ListQuery } from "../useListQuery";

interface Props {
  items: Organization[];
  total: number;
  loading: boolean;
  query: ListQuery;
  onChange: (patch: Partial<ListQuery>) => void;
}

/** At phone width a wide table is hard to read: one compact card per organization instead. */
export function OrganizationCards({ items, total, loading, query, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Card>
          <Empty />
        </Card>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 12 }}>
          {items.map((org) => (
            <li key={org.id}>
              <Card size="small">
                <Link to={`/organizations/${org.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
                  {org.name}
                </Link>
                <div style={{ display: "flex", flexWrap: "wrap", gap: 4, margin: "8px 0" }}>
                  <RegistrationTag status={org.registrationStatus} />
                  <ResidencyTag residency={org.residency} />
                </div>
                <dl
                  style={{
                    margin: 0,
                    display: "grid",
                    gridTemplateColumns: "auto 1fr",
                    gap: "4px 12px",
                    fontSize: 13,
                  }}
                >
                  <dt style={{ color: "rgba(0,0,0,0.68)" }}>{t("organization.column.town")}</dt>
                  <dd style={{ margin: 0 }}>{org.townName ?? t("common.empty")}</dd>
                  <dt style={{ color: "rgba(0,0,0,0.68)" }}>{t("organization.column.fields")}</dt>
                  <dd style={{ margin: 0 }}>
                    <FieldTags fields={org.fields} />
                  </dd>
                  <dt style={{ color: "rgba(0,0,0,0.68)" }}>{t("organization.attr.contactName")}</dt>
                  <dd style={{ margin: 0 }}>
                    {[org.contactName, org.contactPhone].filter(Boolean).join(" ") || t("common.empty")}
                  </dd>
                  <dt style={{ color: "rgba(0,0,0,0.68)" }}>{t("organization.column.updatedAt")}</dt>
                  <dd style={{ margin: 0 }}>{formatDateTime(org.updatedAt)}</dd>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        style={{ marginTop: 16, justifyContent: "center" }}
        size="small"
        current={query.page}
        pageSize={query.pageSize}
        total={total}
        showSizeChanger={false}
        showTotal={(count) => t("common.total", { count })}
        onChange={(page) => {
          onChange({ page });
          window.scrollTo({ top: 0 });
        }}
      />
    </Spin>
  );
}

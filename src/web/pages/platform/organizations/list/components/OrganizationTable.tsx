import { Table, type TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ORGANIZATION_SORTS } from "../../../../../../domain/organization";
import type { Organization } from "../../../../../../schemas/platform/organizations";
import { formatDateTime } from "../../../../../components/format";
import { FieldTags, RegistrationTag, ResidencyTag } from "../../../../../components/labels";
import type { ListQuery, Sort } from "../useListQuery";

export const COLUMN_KEYS = [
  "name",
  "registrationStatus",
  "creditCode",
  "town",
  "fields",
  "residency",
  "contact",
  "staffCount",
  "foundedOn",
  "updatedAt",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

interface Props {
  items: Organization[];
  total: number;
  loading: boolean;
  query: ListQuery;
  visible: readonly ColumnKey[];
  onChange: (patch: Partial<ListQuery>) => void;
}

/** Server-side paged and sorted: the table only reports what the user asked for. */
export function OrganizationTable({ items, total, loading, query, visible, onChange }: Props) {
  const { t } = useTranslation();
  const sortOrder = (key: Sort) =>
    query.sort === key ? (query.order === "asc" ? "ascend" : "descend") : null;

  const columns: NonNullable<TableProps<Organization>["columns"]> = [
    {
      key: "name",
      title: t("organization.attr.name"),
      dataIndex: "name",
      fixed: "left",
      width: 200,
      sorter: true,
      sortOrder: sortOrder("name"),
      render: (name: string, record) => <Link to={`/organizations/${record.id}`}>{name}</Link>,
    },
    {
      key: "registrationStatus",
      title: t("organization.attr.registrationStatus"),
      dataIndex: "registrationStatus",
      width: 150,
      render: (_: unknown, record) => <RegistrationTag status={record.registrationStatus} />,
    },
    {
      key: "creditCode",
      title: t("organization.attr.creditCode"),
      dataIndex: "creditCode",
      width: 180,
      render: (code: string | null) => (
        <span style={{ fontFamily: "monospace" }}>{code ?? t("common.empty")}</span>
      ),
    },
    {
      key: "town",
      title: t("organization.column.town"),
      dataIndex: "townName",
      width: 110,
      render: (name: string | null) => name ?? t("common.empty"),
    },
    {
      key: "fields",
      title: t("organization.column.fields"),
      dataIndex: "fields",
      width: 160,
      render: (_: unknown, record) => <FieldTags fields={record.fields} />,
    },
    {
      key: "residency",
      title: t("organization.attr.residency"),
      dataIndex: "residency",
      width: 100,
      render: (_: unknown, record) => <ResidencyTag residency={record.residency} />,
    },
    {
      key: "contact",
      title: t("organization.column.contact"),
      width: 120,
      render: (_: unknown, record) => (
        <span>
          {record.contactName ?? (record.contactPhone ? null : t("common.empty"))}
          {record.contactPhone && (
            <span style={{ display: "block", fontVariantNumeric: "tabular-nums" }}>
              {record.contactPhone}
            </span>
          )}
        </span>
      ),
    },
    {
      key: "staffCount",
      title: t("organization.attr.staffCount"),
      dataIndex: "staffCount",
      width: 120,
      align: "right",
      sorter: true,
      sortOrder: sortOrder("staffCount"),
      render: (n: number | null) => n ?? t("common.empty"),
    },
    {
      key: "foundedOn",
      title: t("organization.attr.foundedOn"),
      dataIndex: "foundedOn",
      width: 120,
      sorter: true,
      sortOrder: sortOrder("foundedOn"),
      render: (d: string | null) => d ?? t("common.empty"),
    },
    {
      key: "updatedAt",
      title: t("organization.column.updatedAt"),
      dataIndex: "updatedAt",
      width: 140,
      sorter: true,
      sortOrder: sortOrder("updatedAt"),
      render: (at: string) => formatDateTime(at),
    },
  ];

  const shown = columns.filter((column) => visible.includes(column.key as ColumnKey));

  return (
    <Table<Organization>
      rowKey="id"
      size="middle"
      columns={shown}
      dataSource={items}
      loading={loading}
      scroll={{ x: "max-content" }}
      sortDirections={["ascend", "descend"]}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (count) => t("common.total", { count }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === "sort") {
          const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Organization> | undefined;
          const key = ORGANIZATION_SORTS.find((s) => s === one?.columnKey);
          onChange({
            sort: one?.order && key ? key : "updatedAt",
            order: one?.order === "ascend" ? "asc" : "desc",
            page: 1,
          });
          return;
        }
        onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
      }}
    />
  );
}

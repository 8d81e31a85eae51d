import type { TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Organization } from "../../../../../../schemas/platform/organizations";
import { formatDateTime } from "../../../../../components/format";
import { FieldTags, RegistrationTag, ResidencyTag } from "../../../../../components/labels";

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

/** The table's columns that the user chose to see (column settings); sorting comes from the list kit. */
export function useOrganizationColumns(visible: readonly ColumnKey[]) {
  const { t } = useTranslation();
  const columns: NonNullable<TableProps<Organization>["columns"]> = [
    {
      key: "name",
      title: t("organization.attr.name"),
      dataIndex: "name",
      fixed: "left",
      width: 200,
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
      render: (n: number | null) => n ?? t("common.empty"),
    },
    {
      key: "foundedOn",
      title: t("organization.attr.foundedOn"),
      dataIndex: "foundedOn",
      width: 120,
      render: (d: string | null) => d ?? t("common.empty"),
    },
    {
      key: "updatedAt",
      title: t("organization.column.updatedAt"),
      dataIndex: "updatedAt",
      width: 140,
      render: (at: string) => formatDateTime(at),
    },
  ];

  return columns.filter((column) => visible.includes(column.key as ColumnKey));
}

import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { organizationAttrLabel } from "../../../../components/organizationLabels";

export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** The row errors of a refused import, from the 400's details.errors. */
export function rowErrorsOf(details: Record<string, unknown> | undefined): RowError[] {
  const errors = details?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is RowError =>
      !!e &&
      typeof e === "object" &&
      typeof e.row === "number" &&
      typeof e.field === "string" &&
      typeof e.message === "string",
  );
}

export function ImportErrorTable({ rows }: { rows: RowError[] }) {
  const { t } = useTranslation();
  const fieldLabel = (field: string) => organizationAttrLabel(field, t);
  return (
    <Table<RowError & { key: string }>
      size="small"
      bordered
      scroll={{ x: "max-content" }}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={rows.map((row, index) => ({ ...row, key: `${row.row}-${row.field}-${index}` }))}
      columns={[
        { key: "row", title: t("organization.importPage.row"), dataIndex: "row", width: 80 },
        {
          key: "field",
          title: t("organization.importPage.column"),
          dataIndex: "field",
          width: 180,
          render: fieldLabel,
        },
        { key: "message", title: t("organization.importPage.message"), dataIndex: "message" },
      ]}
    />
  );
}

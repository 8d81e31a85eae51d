import { Table } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../../../schemas/platform/audit";
import { ToneTag } from "../../../../../components/labels";
import { attrLabel, valueText } from "./auditValues";

interface Row {
  key: string;
  label: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The entry's before/after as one row per field, changed fields marked, unchanged ones dimmed. */
function diffRows(entry: AuditEntry, t: TFunction): Row[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (!before && !after) {
    if (entry.before === null && entry.after === null) return [];
    return [{ key: "value", label: "—", before: entry.before, after: entry.after, changed: true }];
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = keys.map((key) => {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    return {
      key,
      label: attrLabel(entry.entityType, key, t),
      before: b,
      after: a,
      changed: JSON.stringify(b) !== JSON.stringify(a),
    };
  });
  // What changed first; the rest (context) after it, in recorded order.
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}

function Value({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  const text = valueText(field, value, t);
  if (text === null) {
    return <span style={{ color: "rgba(0,0,0,0.62)", fontStyle: "italic" }}>{t("audit.diff.none")}</span>;
  }
  return typeof value === "object" && !Array.isArray(value) ? (
    <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>{text}</pre>
  ) : (
    <span style={{ wordBreak: "break-all" }}>{text}</span>
  );
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRows(entry, t);
  if (rows.length === 0) return <span>{t("audit.diff.noChanges")}</span>;
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      scroll={{ x: "max-content" }}
      dataSource={rows}
      rowClassName={(row) => (row.changed ? "" : "hatchery-unchanged")}
      columns={[
        {
          key: "field",
          title: t("audit.diff.field"),
          width: 180,
          render: (_: unknown, row) => (
            <span>
              {row.label}
              {row.changed && entry.before !== null && entry.after !== null && (
                <span style={{ marginInlineStart: 6 }}>
                  <ToneTag tone="orange">Δ</ToneTag>
                </span>
              )}
            </span>
          ),
        },
        {
          key: "before",
          title: t("audit.diff.before"),
          render: (_: unknown, row) => <Value field={row.key} value={row.before} />,
        },
        {
          key: "after",
          title: t("audit.diff.after"),
          render: (_: unknown, row) => <Value field={row.key} value={row.after} />,
        },
      ]}
    />
  );
}

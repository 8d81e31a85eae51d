import { Empty, Progress } from "antd";
import { useTranslation } from "react-i18next";

export interface ShareRow {
  key: string;
  label: string;
  count: number;
}

/**
 * A bar list (label, bar, count), largest first: enough for a dozen categories without a chart
 * library, and readable by screen readers as a plain list.
 */
export function ShareList({
  rows,
  total,
  countText,
  labelWidth = "minmax(72px, 30%)",
}: {
  rows: ShareRow[];
  total: number;
  /** The count with its unit; organizations ("12 家") unless told. */
  countText?: (count: number) => string;
  labelWidth?: string;
}) {
  const { t } = useTranslation();
  const text = countText ?? ((count: number) => t("home.count", { count }));
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.noData")} />;
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  const max = Math.max(1, ...sorted.map((row) => row.count));
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 10 }}>
      {sorted.map((row) => {
        const share = total > 0 ? Math.round((row.count / total) * 100) : 0;
        return (
          <li
            key={row.key}
            style={{
              display: "grid",
              gridTemplateColumns: `${labelWidth} 1fr auto`,
              alignItems: "center",
              gap: 12,
            }}
          >
            <span
              style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
              title={row.label}
            >
              {row.label}
            </span>
            <Progress
              percent={(row.count / max) * 100}
              showInfo={false}
              status="normal"
              strokeColor="#1677ff"
              size="small"
              aria-label={`${row.label}: ${text(row.count)} (${share}%)`}
            />
            <span style={{ minWidth: 56, textAlign: "right", fontVariantNumeric: "tabular-nums" }}>
              {text(row.count)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

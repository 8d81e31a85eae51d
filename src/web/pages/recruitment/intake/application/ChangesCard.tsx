import { Card, Empty, Spin } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { useCompare } from "../../../../api/recruitment/applications";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";

const show = (value: unknown, empty: string, separator: string) => {
  if (value === null || value === undefined || value === "") return empty;
  if (Array.isArray(value)) return value.join(separator);
  return String(value);
};

/** What changed from the previous submission to the last (staff see what a resubmit fixed). */
export function ChangesCard({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const n = detail.submissionCount;
  const compare = useCompare(detail.id, n >= 2 ? n - 1 : null, n >= 2 ? n : null);
  const empty = t("intake.detail.empty");
  const colon = t("common.colon");
  const sep = t("common.listSeparator");
  const questionLabel = (key: string) =>
    detail.requirements.questions.find((q) => q.key === key)?.label ?? key;
  const requirementLabel = (key: string) =>
    detail.requirements.documents.find((d) => d.key === key)?.label ??
    (key.startsWith("q:") ? questionLabel(key.slice(2)) : key);
  const profileLabel = (field: string) =>
    t(`organization.attr.${field}` as "organization.attr.name", { defaultValue: field });

  let body: React.ReactNode;
  if (n < 2) body = <p style={{ margin: 0 }}>{t("intake.detail.onlyOneSubmission")}</p>;
  else if (compare.isError)
    body = <QueryError error={compare.error} onRetry={() => void compare.refetch()} />;
  else if (!compare.data) body = <Spin />;
  else {
    const c = compare.data;
    const rows: { key: string; what: string; before: string; after: string }[] = [];
    if (c.track)
      rows.push({
        key: "track",
        what: t("intake.detail.changedTrack"),
        before: labels.track[c.track.before],
        after: labels.track[c.track.after],
      });
    for (const a of c.answers)
      rows.push({
        key: `a:${a.key}`,
        what: `${t("intake.detail.changedAnswer")}${colon}${questionLabel(a.key)}`,
        before: show(a.before, empty, sep),
        after: show(a.after, empty, sep),
      });
    for (const p of c.profile)
      rows.push({
        key: `p:${p.field}`,
        what: `${t("intake.detail.changedProfile")}${colon}${profileLabel(p.field)}`,
        before: show(p.before, empty, sep),
        after: show(p.after, empty, sep),
      });
    for (const d of c.documents)
      rows.push({
        key: `d:${d.requirementKey}`,
        what: requirementLabel(d.requirementKey),
        before: d.removed.length
          ? `${t("intake.detail.removed")}${colon}${d.removed.map((f) => f.originalName).join(sep)}`
          : "",
        after: d.added.length
          ? `${t("intake.detail.added")}${colon}${d.added.map((f) => f.originalName).join(sep)}`
          : "",
      });
    body =
      rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("intake.detail.noChanges")} />
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table className="intake-diff" style={{ width: "100%", borderCollapse: "collapse", fontSize: 13 }}>
            <caption style={{ textAlign: "left", marginBottom: 6 }}>
              {t("intake.detail.compareFrom", { from: c.from, to: c.to })}
            </caption>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} style={{ borderTop: "1px solid #f0f0f0" }}>
                  <th scope="row" style={{ textAlign: "left", padding: 6, fontWeight: 500, width: "30%" }}>
                    {r.what}
                  </th>
                  <td style={{ padding: 6, background: "#fff1f0", whiteSpace: "pre-wrap" }}>{r.before}</td>
                  <td style={{ padding: 6, background: "#f6ffed", whiteSpace: "pre-wrap" }}>{r.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
  return (
    <Card size="small" title={<h2 className="hatchery-card-title">{t("intake.detail.changes")}</h2>}>
      {body}
    </Card>
  );
}

/**
 * The inspection record in the printed dossier of an application (staff): the plan, every part
 * of the finding, the checks with their evidence, the recommendation and who signed it. Read
 * through the application's inspection and then the record itself (staff read both).
 */
import { useTranslation } from "react-i18next";
import type { ExclusionCheck, InspectionFinding, InspectionStatus } from "../../../../../domain/inspection";
import { useApplicationInspection, useInspection } from "../../../../api/admission/inspections";
import { formatDateTime } from "../../../../components/format";
import { useInspectionLabels } from "./labels";

export function InspectionDossier({
  applicationId,
  styles,
}: {
  applicationId: string;
  styles: Record<string, string>;
}) {
  const { t } = useTranslation();
  const summary = useApplicationInspection(applicationId);
  if (!summary.data) return null;
  return (
    <>
      <h2>{t("inspections.onApplication.title")}</h2>
      <InspectionRecordTable id={summary.data.id} styles={styles} />
    </>
  );
}

/** One inspection record (read through GET /api/inspections/:id) as a labelled two-column table. */
export function InspectionRecordTable({ id, styles }: { id: string; styles: Record<string, string> }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const detail = useInspection(id).data;
  if (!detail) return null;
  const f = detail.finding as InspectionFinding;
  const empty = t("common.empty");
  const sep = t("common.listSeparator");
  const text = (v: string | null | undefined) => <span className={styles.pre}>{v || empty}</span>;
  const yuan = (fen: number | null | undefined) =>
    typeof fen === "number"
      ? `${(fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2 })} ${t("inspections.form.yuan")}`
      : empty;
  const rows: [string, React.ReactNode][] = [
    [
      t("inspections.attr.status"),
      `${labels.status[detail.status as InspectionStatus]} · ${t("inspections.revision", { revision: detail.revision })}`,
    ],
    [
      t("inspections.attr.scheduledAt"),
      `${formatDateTime(detail.scheduledAt)} · ${labels.mode[detail.mode as "on_site"]}`,
    ],
    [t("inspections.attr.place"), detail.place ?? empty],
    [t("inspections.attr.inspectors"), detail.inspectors.map((i) => i.name).join(sep)],
    [labels.field["leader.background"], text(f.leader?.background)],
    [labels.field["leader.commitment"], text(f.leader?.commitment)],
    [labels.field["leader.skills"], text(f.leader?.skills)],
    [
      labels.field["leader.referencesChecked"],
      <>
        {f.leader?.referencesChecked === true
          ? t("inspections.form.yes")
          : f.leader?.referencesChecked === false
            ? t("inspections.form.no")
            : empty}
        {f.leader?.referencesNote ? ` · ${f.leader.referencesNote}` : ""}
      </>,
    ],
    [labels.field.businessModel, text(f.businessModel)],
    [
      labels.field["finances.incomeSources"],
      (f.finances?.incomeSources ?? []).map((s) => labels.incomeSource[s]).join(sep) || empty,
    ],
    [labels.field["finances.lastYearIncomeFen"], yuan(f.finances?.lastYearIncomeFen)],
    [labels.field["finances.lastYearSpendingFen"], yuan(f.finances?.lastYearSpendingFen)],
    [
      labels.field["finances.stability"],
      f.finances?.stability ? labels.stability[f.finances.stability] : empty,
    ],
    [labels.field.governance, text(f.governance)],
    [labels.field.risks, text(f.risks)],
    ...detail.checks.map((c): [string, React.ReactNode] => {
      const found = f.checks?.[c as ExclusionCheck];
      return [
        labels.check[c as ExclusionCheck] ?? c,
        found ? (
          <>
            {labels.answer[found.answer]}
            {found.evidence ? ` · ${found.evidence}` : ""}
            {found.fileIds?.length
              ? ` · ${detail.files
                  .filter((x) => found.fileIds?.includes(x.id))
                  .map((x) => x.originalName)
                  .join(sep)}`
              : ""}
          </>
        ) : (
          empty
        ),
      ];
    }),
    [
      labels.field["recommendation.decision"],
      <>
        {f.recommendation?.decision ? labels.recommendation[f.recommendation.decision] : empty}
        {f.recommendation?.reason ? <div className={styles.pre}>{f.recommendation.reason}</div> : null}
      </>,
    ],
    ...(detail.signedOffAt
      ? [
          [
            t("inspections.signOff.button"),
            t("inspections.signOff.signedBy", {
              name: detail.signedOffBy ?? "",
              time: formatDateTime(detail.signedOffAt),
            }),
          ] as [string, React.ReactNode],
        ]
      : []),
  ];
  return (
    <table className={styles.table}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

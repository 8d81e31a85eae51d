import { PrinterOutlined } from "@ant-design/icons";
import { Button, Card, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { ApplicationDetail, EligibilityReport } from "../../../../../schemas/recruitment/applications";
import { useApplication } from "../../../../api/recruitment/applications";
import { useThread } from "../../../../api/recruitment/intake";
import styles from "../../../../components/document.module.css";
import { formatDate, formatDateTime } from "../../../../components/format";
import { useDocumentTitle } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { InspectionDossier } from "../../../admission/inspections/components/InspectionDossier";
import { answerText, filesFor, requirementList, verdictOf } from "../components/ApplicationSections";
import {
  EligibilityResultTag,
  useEligibilityBasis,
  useEligibilityLines,
} from "../components/EligibilityPanel";

/** Everything about one application on one page, printed on A4 without the app's frame (打印). */
export default function IntakeDossierPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const application = useApplication(id);
  useDocumentTitle(t("intake.dossier.title"));
  if (application.isError)
    return <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  if (!application.data) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  return (
    <>
      <div className={styles.toolbar}>
        <Button onClick={() => navigate(`/applications/${id}`)}>{t("intake.dossier.back")}</Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t("intake.dossier.print")}
        </Button>
      </div>
      <Dossier detail={application.data} />
    </>
  );
}

function Dossier({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const thread = useThread(detail.id);
  const o = detail.organization;
  const empty = t("common.empty");
  const colon = t("common.colon");
  const sep = t("common.listSeparator");
  const a = (key: string) => t(`organization.attr.${key}` as "organization.attr.name");
  const row = (label: string, value: React.ReactNode, key = label) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{value ?? empty}</td>
    </tr>
  );
  // Short facts two to a line (label, value, label, value) so the dossier fits one A4 page.
  const pairs = (cells: [string, React.ReactNode][]) => {
    const lines: React.ReactNode[] = [];
    for (let i = 0; i < cells.length; i += 2) {
      const [first, second] = [cells[i], cells[i + 1]];
      if (!first) break;
      lines.push(
        <tr key={first[0]}>
          <th scope="row">{first[0]}</th>
          <td colSpan={second ? 1 : 3}>{first[1] ?? empty}</td>
          {second && (
            <>
              <th scope="row">{second[0]}</th>
              <td>{second[1] ?? empty}</td>
            </>
          )}
        </tr>,
      );
    }
    return lines;
  };
  const wide = (label: string, value: React.ReactNode) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td colSpan={3}>{value ?? empty}</td>
    </tr>
  );
  return (
    <article className={styles.sheet}>
      <h1>
        {t("intake.dossier.title")}
        {colon}
        {o.name}
      </h1>
      <p className={styles.meta}>
        {t("intake.dossier.printedAt", { time: formatDateTime(new Date().toISOString()) })}
      </p>

      <h2>{t("intake.dossier.basics")}</h2>
      <table className={`${styles.table} ${styles.quad}`}>
        <tbody>
          {wide(t("intake.column.call"), detail.call.title)}
          {pairs([
            [t("intake.column.track"), labels.track[detail.track]],
            [t("intake.detail.status"), labels.applicationStatus[detail.status]],
            [
              t("intake.detail.lastSubmittedAt"),
              detail.lastSubmittedAt
                ? t("intake.dossier.lastSubmission", {
                    time: formatDateTime(detail.lastSubmittedAt),
                    number: detail.submissionCount,
                  })
                : empty,
            ],
            [t("intake.detail.deadline"), formatDateTime(detail.deadline)],
          ])}
          {detail.statusReason &&
            (detail.status === "returned" || detail.status === "ineligible") &&
            wide(t("intake.detail.statusReason"), <span className={styles.pre}>{detail.statusReason}</span>)}
        </tbody>
      </table>

      <h2>{t("intake.detail.organization")}</h2>
      <table className={`${styles.table} ${styles.quad}`}>
        <tbody>
          {wide(a("name"), o.name)}
          {pairs([
            [a("registrationStatus"), t(`registrationStatus.${o.registrationStatus}`)],
            [a("creditCode"), o.creditCode],
            [a("foundedOn"), formatDate(o.foundedOn)],
            [a("fields"), o.fields.map((f) => t(`field.${f}`)).join(sep) || empty],
            [a("townId"), o.townName],
            [a("address"), o.address],
            [a("leaderName"), o.leaderName],
            [a("contactName"), [o.contactName, o.contactPhone].filter(Boolean).join(" ") || empty],
            [a("staffCount"), o.staffCount],
            [a("volunteerCount"), o.volunteerCount],
          ])}
          {wide(a("description"), <span className={styles.pre}>{o.description ?? empty}</span>)}
        </tbody>
      </table>

      {detail.eligibility && (
        <EligibilityRows report={detail.eligibility} submitted={!!detail.lastSubmittedAt} />
      )}

      <h2>{t("intake.detail.answers")}</h2>
      <table className={styles.table}>
        <tbody>
          {detail.requirements.questions
            .filter((q) => q.type !== "file")
            .map((q) => row(q.label, answerText(detail, q.key, t("intake.detail.empty"), sep), q.key))}
        </tbody>
      </table>

      <h2>{t("intake.detail.documents")}</h2>
      <table className={styles.table}>
        <tbody>
          {requirementList(detail).map((item) => {
            const { verdict, stale } = verdictOf(detail, item.key);
            const files = filesFor(detail, item.key);
            const status = labels.intakeVerdict[verdict?.status ?? "pending"];
            return row(
              `${item.label}${item.required ? " *" : ""}`,
              <>
                <div>
                  {files.length ? files.map((f) => f.originalName).join(sep) : t("intake.detail.noFile")}
                </div>
                <div>
                  {stale ? (
                    // The verdict was given on an earlier file: say so rather than print it as current.
                    t("intake.dossier.verdictStale", { status })
                  ) : (
                    <>
                      {t("intake.dossier.verdictLine", { status })}
                      {verdict?.reason ? t("intake.dossier.verdictReason", { reason: verdict.reason }) : ""}
                    </>
                  )}
                </div>
              </>,
              item.key,
            );
          })}
        </tbody>
      </table>

      <InspectionDossier applicationId={detail.id} styles={styles} />

      <h2>{t("intake.detail.history")}</h2>
      <table className={styles.table}>
        <tbody>
          {detail.events.map((e) =>
            row(
              formatDateTime(e.createdAt),
              <>
                {labels.applicationEvent[e.event]}
                {e.actorName ? ` · ${e.actorName}` : ""}
                {e.reason && <div className={styles.pre}>{e.reason}</div>}
              </>,
              e.id,
            ),
          )}
        </tbody>
      </table>

      <h2>{t("intake.detail.messages")}</h2>
      {(thread.data?.items ?? []).length === 0 ? (
        <p>{t("intake.thread.empty")}</p>
      ) : (
        <table className={styles.table}>
          <tbody>
            {thread.data?.items.map((m) =>
              row(
                `${formatDateTime(m.createdAt)} ${m.authorName}`,
                <>
                  <div className={styles.pre}>{m.body}</div>
                  {m.files.length > 0 && (
                    <div>
                      {t("intake.dossier.attachments")}
                      {colon}
                      {m.files.map((f) => f.originalName).join(sep)}
                    </div>
                  )}
                </>,
                m.id,
              ),
            )}
          </tbody>
        </table>
      )}
    </article>
  );
}

/** The track's conditions, one line each: the rule, then the result and what it was judged on. */
function EligibilityRows({ report, submitted }: { report: EligibilityReport; submitted: boolean }) {
  const { t } = useTranslation();
  const lines = useEligibilityLines(report);
  const basis = useEligibilityBasis(report, submitted);
  return (
    <>
      <h2>{t("intake.eligibility.title")}</h2>
      <table className={styles.table}>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.rule}</th>
              <td>
                <EligibilityResultTag result={line.result} /> {line.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.meta}>{basis}</p>
    </>
  );
}

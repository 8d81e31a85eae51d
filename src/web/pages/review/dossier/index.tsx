import { PrinterOutlined } from "@ant-design/icons";
import { Button, Card, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { ApplicationDetail } from "../../../../schemas/applications";
import { useApplication } from "../../../api/applications";
import { useThread } from "../../../api/review";
import { formatDate, formatDateTime } from "../../../components/format";
import { useDocumentTitle } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { answerText, filesFor, requirementList } from "../components/ApplicationSections";
import styles from "./dossier.module.css";

/** Everything about one application on one page, printed on A4 without the app's frame (打印). */
export default function ReviewDossierPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const application = useApplication(id);
  useDocumentTitle(t("review.dossier.title"));
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
        <Button onClick={() => navigate(`/applications/${id}`)}>{t("review.dossier.back")}</Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t("review.dossier.print")}
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
  const a = (key: string) => t(`organization.attr.${key}` as "organization.attr.name");
  const row = (label: string, value: React.ReactNode, key = label) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{value ?? empty}</td>
    </tr>
  );
  return (
    <article className={styles.sheet}>
      <h1>
        {t("review.dossier.title")}：{o.name}
      </h1>
      <p className={styles.meta}>
        {detail.call.title} · {labels.track[detail.track]} · {labels.applicationStatus[detail.status]}
      </p>
      <p className={styles.meta}>
        {t("review.dossier.printedAt", { time: formatDateTime(new Date().toISOString()) })}
      </p>

      <h2>{t("review.dossier.basics")}</h2>
      <table className={styles.table}>
        <tbody>
          {row(t("review.dossier.applicationId"), detail.id)}
          {row(t("review.detail.status"), labels.applicationStatus[detail.status])}
          {detail.statusReason &&
            (detail.status === "returned" || detail.status === "ineligible") &&
            row(t("review.detail.statusReason"), <span className={styles.pre}>{detail.statusReason}</span>)}
          {row(t("review.detail.deadline"), formatDateTime(detail.deadline))}
          {row(t("review.detail.submissions"), detail.submissionCount)}
          {row(t("review.detail.lastSubmittedAt"), formatDateTime(detail.lastSubmittedAt))}
        </tbody>
      </table>

      <h2>{t("review.detail.organization")}</h2>
      <table className={styles.table}>
        <tbody>
          {row(a("name"), o.name)}
          {row(a("registrationStatus"), t(`registrationStatus.${o.registrationStatus}`))}
          {row(a("creditCode"), o.creditCode)}
          {row(a("foundedOn"), formatDate(o.foundedOn))}
          {row(a("fields"), o.fields.map((f) => t(`field.${f}`)).join("、") || empty)}
          {row(a("townId"), o.townName)}
          {row(a("address"), o.address)}
          {row(a("leaderName"), o.leaderName)}
          {row(a("contactName"), [o.contactName, o.contactPhone].filter(Boolean).join(" ") || empty)}
          {row(a("staffCount"), o.staffCount)}
          {row(a("volunteerCount"), o.volunteerCount)}
          {row(a("description"), <span className={styles.pre}>{o.description ?? empty}</span>)}
        </tbody>
      </table>

      <h2>{t("review.detail.answers")}</h2>
      <table className={styles.table}>
        <tbody>
          {detail.requirements.questions
            .filter((q) => q.type !== "file")
            .map((q) => row(q.label, answerText(detail, q.key, t("review.detail.empty")), q.key))}
        </tbody>
      </table>

      <h2>{t("review.detail.documents")}</h2>
      <table className={styles.table}>
        <tbody>
          {requirementList(detail).map((item) => {
            const review = detail.reviews.find((r) => r.requirementKey === item.key);
            const files = filesFor(detail, item.key);
            return row(
              `${item.label}${item.required ? " *" : ""}`,
              <>
                <div>
                  {files.length ? files.map((f) => f.originalName).join("、") : t("review.detail.noFile")}
                </div>
                <div>
                  {t("review.detail.review")}：{labels.documentReview[review?.status ?? "pending"]}
                  {review?.reason ? `（${review.reason}）` : ""}
                </div>
              </>,
              item.key,
            );
          })}
        </tbody>
      </table>

      <h2>{t("review.detail.history")}</h2>
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

      <h2>{t("review.detail.messages")}</h2>
      {(thread.data?.items ?? []).length === 0 ? (
        <p>{t("review.thread.empty")}</p>
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
                      {t("review.dossier.attachments")}：{m.files.map((f) => f.originalName).join("、")}
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

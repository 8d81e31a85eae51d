/**
 * One public notice (公示) on the portal, for anyone: the title, the text, the period and the
 * organizations to be admitted with their tracks. No scores, no reasons.
 */
import { Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePortalNotice } from "../../../api/admission/notices";
import { isApiError } from "../../../api/client";
import { formatDateTime } from "../../../components/format";
import { useDocumentTitle } from "../../../components/PageHeader";
import { Panel } from "../../../components/Panel";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { StatusMessage } from "../../../components/StatusMessage";

export default function PortalNoticePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const notice = usePortalNotice(id);
  useDocumentTitle(notice.data?.title ?? t("admission.notices.portalTitle"));
  if (notice.isError) {
    if (isApiError(notice.error) && notice.error.status === 404) {
      return (
        <StatusMessage
          status="warning"
          title={<h1 className="hatchery-page-title">{t("admission.notices.portalEmpty")}</h1>}
          extra={<Link to="/portal">{t("common.back")}</Link>}
        />
      );
    }
    return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  }
  if (!notice.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const n = notice.data;
  return (
    <article style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Link to="/portal">← {t("common.back")}</Link>
      <h1 className="hatchery-page-title" style={{ margin: 0 }}>
        {n.title}
      </h1>
      <p style={{ margin: 0, color: "rgba(0,0,0,0.68)" }}>
        {t("admission.notices.period", { start: formatDateTime(n.startsAt), end: formatDateTime(n.endsAt) })}{" "}
        ·{" "}
        {n.status === "published"
          ? t("admission.notices.statusPublished")
          : t("admission.notices.statusClosed")}
      </p>
      {n.body && (
        <Panel>
          <div style={{ whiteSpace: "pre-wrap", lineHeight: 1.8 }}>{n.body}</div>
        </Panel>
      )}
      <Panel title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("admission.notices.portalListed")}</h2>}>
        <table style={{ width: "100%", borderCollapse: "collapse" }}>
          <thead>
            <tr>
              <th style={{ textAlign: "start", padding: "6px 8px 6px 0", width: 40 }}>#</th>
              <th style={{ textAlign: "start", padding: 6 }}>{t("admission.meeting.organization")}</th>
              <th style={{ textAlign: "start", padding: 6 }}>{t("admission.notices.track")}</th>
            </tr>
          </thead>
          <tbody>
            {n.listed.map((l, i) => (
              <tr key={l.applicationId} style={{ borderTop: "1px solid #f0f0f0" }}>
                <td style={{ padding: "6px 8px 6px 0" }}>{i + 1}</td>
                <td style={{ padding: 6 }}>{l.organizationName}</td>
                <td style={{ padding: 6 }}>{labels.track[l.track]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <p style={{ margin: 0, fontSize: 13, color: "rgba(0,0,0,0.68)" }}>
        {t("admission.notices.objectionHow")}
      </p>
    </article>
  );
}

/**
 * One public training on the portal (no sign-in, phone first): the topic, time, place, trainer,
 * the seats left, and how to enrol (sign in and come back here, or register first). The server
 * sends nothing about who enrolled; the online link is for the enrolled, inside the app.
 */
import { Button, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import { usePortalTraining } from "../../../api/services/trainings";
import { useDocumentTitle } from "../../../components/PageHeader";
import { Panel } from "../../../components/Panel";
import { QueryError } from "../../../components/QueryError";
import { StatusMessage } from "../../../components/StatusMessage";
import { timeRange, useCategoryLabels } from "./labels";

export default function PortalTrainingPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  const training = usePortalTraining(id);
  useDocumentTitle(training.data?.topic ?? t("trainings.portalTitle"));
  const back = <Link to="/portal/trainings">← {t("trainings.portalBack")}</Link>;
  if (training.isError) {
    if (isApiError(training.error) && (training.error.status === 404 || training.error.status === 400))
      return (
        <StatusMessage
          status="warning"
          title={<h1 className="hatchery-page-title">{t("trainings.portalNotFound")}</h1>}
          subTitle={t("trainings.portalNotFoundHint")}
          extra={back}
        />
      );
    return <QueryError error={training.error} onRetry={() => void training.refetch()} />;
  }
  const v = training.data;
  if (!v) return <Skeleton active paragraph={{ rows: 8 }} />;
  const next = encodeURIComponent(`/trainings/${v.id}`);
  const facts: [string, string][] = [
    [t("trainings.time"), timeRange(v.startsAt, v.endsAt)],
    [
      t("trainings.place"),
      [v.place, v.online ? t("trainings.online") : ""].filter(Boolean).join(" · ") || "—",
    ],
    [t("trainings.trainer"), v.trainerName],
    [t("trainings.category"), categories[v.category]],
    ...(v.seriesTitle ? ([[t("trainings.seriesField"), v.seriesTitle]] as [string, string][]) : []),
    [
      t("trainings.seatsLeft"),
      v.seatsLeft > 0
        ? t("trainings.seatsLeftCount", { count: v.seatsLeft, capacity: v.capacity })
        : t("trainings.seatsFull", { capacity: v.capacity }),
    ],
  ];
  return (
    <div style={{ maxWidth: 760, display: "flex", flexDirection: "column", gap: 12 }}>
      {back}
      <Panel>
        <h1 className="hatchery-page-title" style={{ marginTop: 0 }}>
          {v.topic}
        </h1>
        <dl style={{ margin: 0 }}>
          {facts.map(([label, value]) => (
            <div
              key={label}
              style={{ display: "flex", gap: 12, padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}
            >
              <dt style={{ flex: "0 0 5.5em", color: "rgba(0,0,0,0.65)" }}>{label}</dt>
              <dd style={{ margin: 0, flex: 1, minWidth: 0, overflowWrap: "anywhere" }}>{value}</dd>
            </div>
          ))}
        </dl>
        {v.description && <p style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{v.description}</p>}
      </Panel>
      <Panel title={<h2 className="hatchery-card-title">{t("trainings.howToEnrol")}</h2>}>
        {v.open ? (
          <>
            <p style={{ marginTop: 0 }}>{t("trainings.howToEnrolText")}</p>
            <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
              <Link to={`/login?next=${next}`}>
                <Button type="primary">{t("trainings.signInToEnrol")}</Button>
              </Link>
              <Link to="/register">
                <Button>{t("trainings.registerToEnrol")}</Button>
              </Link>
            </div>
          </>
        ) : (
          <p style={{ margin: 0 }}>{t("trainings.enrolClosed")}</p>
        )}
      </Panel>
    </div>
  );
}

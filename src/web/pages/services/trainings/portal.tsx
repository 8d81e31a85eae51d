/**
 * The public portal's trainings (公益培训): published trainings open to the public, not yet
 * ended, each with its time, trainer, place and the seats left; the topic opens the training's
 * page, which says how to enrol (an account is needed: sign in, or register first).
 */

import { Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePortalTrainings } from "../../../api/services/trainings";
import { useDocumentTitle } from "../../../components/PageHeader";
import { Panel } from "../../../components/Panel";
import { QueryError } from "../../../components/QueryError";
import { timeRange } from "./labels";

export default function PortalTrainingsPage() {
  const { t } = useTranslation();
  const list = usePortalTrainings();
  useDocumentTitle(t("trainings.portalTitle"));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  return (
    <div style={{ maxWidth: 880, display: "flex", flexDirection: "column", gap: 12 }}>
      <h1 className="hatchery-page-title" style={{ margin: 0 }}>
        {t("trainings.portalTitle")}
      </h1>
      <p className="hatchery-secondary" style={{ margin: 0 }}>
        {t("trainings.portalIntro")}
      </p>
      {list.isLoading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Panel>
          <p style={{ margin: 0 }}>{t("trainings.none")}</p>
        </Panel>
      ) : (
        <ul
          style={{
            listStyle: "none",
            margin: 0,
            padding: 0,
            display: "flex",
            flexDirection: "column",
            gap: 12,
          }}
        >
          {items.map((i) => (
            <li key={i.id}>
              <Panel>
                <h2 className="hatchery-card-title" style={{ marginTop: 0 }}>
                  <Link to={`/portal/trainings/${i.id}`}>{i.topic}</Link>
                </h2>
                <div className="hatchery-secondary">{timeRange(i.startsAt, i.endsAt)}</div>
                <div className="hatchery-secondary">
                  {[i.trainerName, i.place, i.online ? t("trainings.online") : ""]
                    .filter(Boolean)
                    .join(" · ")}
                </div>
                <div>
                  {i.seatsLeft > 0
                    ? t("trainings.seatsLeftCount", { count: i.seatsLeft, capacity: i.capacity })
                    : t("trainings.seatsFull", { capacity: i.capacity })}
                </div>
              </Panel>
            </li>
          ))}
        </ul>
      )}
      <p style={{ margin: 0 }}>
        <Link to="/register">{t("trainings.registerLink")}</Link>
      </p>
    </div>
  );
}

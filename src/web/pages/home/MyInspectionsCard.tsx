/** An expert's home: the inspections they are named on and have still to record, soonest first. */
import { Card, Empty, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useInspections } from "../../api/admission/inspections";
import { useAccess, useCurrentUser } from "../../auth/session";
import { formatDateTime } from "../../components/format";
import { QueryError } from "../../components/QueryError";

export function MyInspectionsCard() {
  const access = useAccess();
  const user = useCurrentUser();
  if (!access.inspectionList || access.inspectionPlan || !user.roles.includes("expert")) return null;
  return <Inspections />;
}

function Inspections() {
  const { t } = useTranslation();
  const list = useInspections({
    status: ["planned", "recording"],
    sort: "scheduledAt",
    order: "asc",
    pageSize: 10,
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("inspections.myInspections")}</h2>}
      extra={<Link to="/inspections">{t("intake.home.viewAll")}</Link>}
    >
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("inspections.noInspections")} />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {list.data.items.map((i) => (
            <li key={i.id} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
              <Link to={`/inspections/${i.id}`} style={{ fontWeight: 500 }}>
                {i.organization.name}
              </Link>
              <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
                {formatDateTime(i.scheduledAt)} · {i.place ?? ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The portal home's next public trainings (公益培训), each a link to its page, and a link to them all. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePortalTrainings } from "../../../api/services/trainings";
import { Panel } from "../../../components/Panel";
import { timeRange } from "./labels";

/** How many the front page shows; the rest are one link away. */
const SHOWN = 3;

export function PortalUpcomingTrainings() {
  const { t } = useTranslation();
  const trainings = usePortalTrainings();
  const items = (trainings.data?.items ?? []).slice(0, SHOWN);
  // Nothing upcoming (or not loaded yet): the front page goes on without an empty box.
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="portal-trainings">
      <h2 id="portal-trainings" style={{ fontSize: 18, margin: "0 0 12px" }}>
        {t("trainings.portalUpcoming")}
      </h2>
      <Panel extra={<Link to="/portal/trainings">{t("trainings.portalAll")}</Link>}>
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {items.map((i) => (
            <li key={i.id} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
              <Link to={`/portal/trainings/${i.id}`} style={{ fontWeight: 500 }}>
                {i.topic}
              </Link>
              <div style={{ fontSize: 13, color: "rgba(0,0,0,0.68)" }}>
                {timeRange(i.startsAt, i.endsAt)}
                {" · "}
                {i.seatsLeft > 0
                  ? t("trainings.seatsLeftCount", { count: i.seatsLeft, capacity: i.capacity })
                  : t("trainings.seatsFull", { capacity: i.capacity })}
              </div>
            </li>
          ))}
        </ul>
      </Panel>
    </section>
  );
}

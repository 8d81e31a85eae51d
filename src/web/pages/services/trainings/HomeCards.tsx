/**
 * The homes' training cards: a member or an individual sees their own trainings (upcoming, to
 * check in, feedback to give); staff see today's trainings with their enrolment counts.
 */
import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTrainings } from "../../../api/services/trainings";
import { useAccess } from "../../../auth/session";
import { MyTrainingsCard } from ".";
import { timeRange } from "./labels";

export function TrainingHomeCard() {
  const access = useAccess();
  if (access.trainingManage) return <TodayCard />;
  // An individual's home already says where to find trainings: no empty card for them.
  if (access.trainingAttend) return <MyTrainingsCard hideWhenEmpty={access.isIndividual} />;
  return null;
}

function TodayCard() {
  const { t } = useTranslation();
  const today = useTrainings("today");
  const items = today.data?.items.filter((i) => i.status !== "draft") ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("trainings.today")}</h2>}
      extra={<Link to="/trainings">{t("trainings.nav")}</Link>}
      style={{ marginBottom: 16 }}
    >
      {items.map((i) => (
        <div key={i.id} style={{ padding: "4px 0" }}>
          {/* The link on a line of its own: in a line of text it would be told apart by colour alone. */}
          <div>
            <Link to={`/trainings/${i.id}`}>{i.topic}</Link>
          </div>
          <div className="hatchery-secondary">
            {timeRange(i.startsAt, i.endsAt)} · {i.enrolled}/{i.capacity}
            {i.waiting ? ` +${i.waiting}` : ""} · {t("trainings.attended")} {i.attended}
          </div>
        </div>
      ))}
    </Card>
  );
}

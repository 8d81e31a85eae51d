import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAccess } from "../../../auth/session";

/**
 * An individual's home: what the platform is for them, each thing a link on its own line (in a
 * sentence it would be told apart by colour alone) with a line saying why.
 */
export function IndividualHomeCard() {
  const { t } = useTranslation();
  const access = useAccess();
  if (!access.isIndividual) return null;
  const things = [
    { to: "/trainings", label: t("people.homeTrainings"), hint: t("people.homeTrainingsHint") },
    { to: "/account/profile", label: t("people.homeProfile"), hint: t("people.homeProfileHint") },
    { to: "/posts", label: t("people.homePosts"), hint: t("people.homePostsHint") },
  ];
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("people.homeTitle")}</h2>}
      style={{ marginBottom: 16 }}
    >
      <p className="hatchery-secondary" style={{ marginTop: 0 }}>
        {t("people.homeIntro")}
      </p>
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {things.map((thing) => (
          <li key={thing.to} style={{ padding: "6px 0" }}>
            <div>
              <Link to={thing.to} style={{ display: "inline-block", paddingBlock: 4, fontWeight: 500 }}>
                {thing.label}
              </Link>
            </div>
            <div className="hatchery-secondary">{thing.hint}</div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

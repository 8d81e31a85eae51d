/**
 * The service figures' card on the homes of viewers, liaisons and staff: the last twelve months'
 * totals (the server scopes them: the base, every base, a liaison's town) and a link to the page.
 */
import { Card, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useServiceFigures } from "../../../api/services/figures";
import { useAccess } from "../../../auth/session";
import { QueryError } from "../../../components/QueryError";
import { ServiceTotals } from "./ServiceFiguresSection";

export function ServiceFiguresCard() {
  const { t } = useTranslation();
  const access = useAccess();
  const figures = useServiceFigures({}, access.serviceFigures);
  if (!access.serviceFigures) return null;
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  return (
    <section aria-labelledby="service-figures-card" style={{ marginTop: 24, marginBottom: 24 }}>
      <Card
        title={
          <h2 id="service-figures-card" style={{ margin: 0, fontSize: 16 }}>
            {t("serviceFigures.card")}
          </h2>
        }
        extra={<Link to="/service-figures">{t("serviceFigures.cardMore")}</Link>}
      >
        {!figures.data ? (
          <Skeleton active />
        ) : (
          figures.data.sections.map((s) => (
            <div key={s.baseId} style={{ marginBottom: 8 }}>
              {figures.data.sections.length > 1 && <h3 className="hatchery-section-title">{s.baseName}</h3>}
              <ServiceTotals view={s} compact />
            </div>
          ))
        )}
      </Card>
    </section>
  );
}

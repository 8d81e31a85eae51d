/**
 * The home of a government viewer or a community liaison: the recruitment figures the server
 * scoped for them (the base, every base one after another, or the liaison's town).
 */
import { EnvironmentOutlined } from "@ant-design/icons";
import { Alert, Card, Skeleton, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useRecruitmentFigures } from "../../../api/recruitment/figures";
import { useCurrentUser } from "../../../auth/session";
import { QueryError } from "../../../components/QueryError";
import { FiguresSectionView } from "./FiguresSectionView";
import { IncubationFiguresView } from "./IncubationFiguresView";

export function FiguresHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const figures = useRecruitmentFigures();
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  if (!figures.data) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const { scope, town, sections } = figures.data;
  if (scope === "town" && !town) {
    return (
      <Alert
        type="info"
        showIcon
        title={t("homes.figures.noTownTitle")}
        description={t("homes.figures.noTownText")}
      />
    );
  }
  const intro =
    scope === "town"
      ? t("homes.figures.scopeTown", { town: town?.name })
      : scope === "bases"
        ? t("homes.figures.scopeBases", { count: sections.length })
        : t("homes.figures.scopeBase", { base: user.baseName });
  return (
    <>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="hatchery-section-title">
          {t("homes.figures.title")}
          {town && (
            <Tag icon={<EnvironmentOutlined aria-hidden />} color="blue" style={{ marginInlineStart: 8 }}>
              {t("homes.figures.townTag", { town: town.name })}
            </Tag>
          )}
        </h2>
        <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
        {scope === "bases"
          ? sections.map((section) => (
              <section
                key={section.baseId}
                aria-labelledby={`base-${section.baseId}`}
                style={{ marginBottom: 32 }}
              >
                <h3 id={`base-${section.baseId}`} className="hatchery-section-title">
                  {section.baseName}
                </h3>
                <FiguresSectionView section={section} heading="h4" />
              </section>
            ))
          : sections.map((section) => (
              <FiguresSectionView key={section.baseId} section={section} heading="h3" />
            ))}
      </section>
      <IncubationFiguresView heading="h2" />
    </>
  );
}

/**
 * The incubation figures (孵化数据) under the recruitment's on the viewers', liaisons' and staff's
 * homes: who is in the base, who graduated, and per cohort whether the baselines are done.
 */
import { Card, Flex, Skeleton, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { IncubationSection } from "../../../../schemas/incubation/figures";
import { useIncubationFigures } from "../../../api/incubation/figures";
import { formatDate } from "../../../components/format";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";

export function IncubationFiguresView({ heading = "h3" }: { heading?: "h2" | "h3" }) {
  const { t } = useTranslation();
  const figures = useIncubationFigures();
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  if (!figures.data) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const Heading = heading;
  const { sections, scope } = figures.data;
  return (
    <section aria-labelledby="incubation-figures-title" style={{ marginTop: 32 }}>
      <Heading id="incubation-figures-title" className="hatchery-section-title">
        {t("incubationFigures.title")}
      </Heading>
      <Typography.Paragraph type="secondary">{t("incubationFigures.intro")}</Typography.Paragraph>
      {sections.length === 0 || sections.every((s) => s.total === 0) ? (
        <p>{t("incubationFigures.none")}</p>
      ) : (
        sections.map((section) => (
          <SectionView key={section.baseId} section={section} named={scope === "bases"} />
        ))
      )}
    </section>
  );
}

function SectionView({ section, named }: { section: IncubationSection; named: boolean }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const count = (status: string[]) =>
    section.byStatus.filter((s) => status.includes(s.status)).reduce((n, s) => n + s.count, 0);
  const residency = (r: string) => section.byResidency.find((x) => x.residency === r)?.count ?? 0;
  const empty = t("common.empty");
  return (
    <Card title={named ? section.baseName : undefined} style={{ marginBottom: 16 }}>
      <Flex wrap gap={32} style={{ marginBottom: 16 }}>
        <Statistic
          title={t("incubationFigures.current")}
          value={count(["active", "suspended", "extended", "in_exit_review"])}
        />
        <Statistic title={t("incubationFigures.resident")} value={residency("resident")} />
        <Statistic title={t("incubationFigures.virtual")} value={residency("virtual")} />
        <Statistic title={t("incubationFigures.graduated")} value={count(["graduated"])} />
        <Statistic title={t("incubationFigures.terminated")} value={count(["terminated"])} />
      </Flex>
      <table className="hatchery-figure-table">
        <caption className="hatchery-visually-hidden">{t("incubationFigures.cohortsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("incubationFigures.cohortColumn")}</th>
            <th scope="col">{t("incubationFigures.startsColumn")}</th>
            <th scope="col" className="number">
              {t("incubationFigures.totalColumn")}
            </th>
            <th scope="col" className="number">
              {t("incubationFigures.current")}
            </th>
            <th scope="col" className="number">
              {t("incubationFigures.graduated")}
            </th>
            <th scope="col" className="number">
              {t("incubationFigures.baselineDoneColumn")}
            </th>
            <th scope="col" className="number">
              {t("incubationFigures.baselineOverdueColumn")}
            </th>
            <th scope="col" className="number">
              {t("incubationFigures.baselineMeanColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {section.cohorts.map((c) => (
            <tr key={c.cohortId}>
              <th scope="row">{c.name}</th>
              <td>{formatDate(c.startsOn)}</td>
              <td className="number">{c.total}</td>
              <td className="number">{c.current}</td>
              <td className="number">{c.graduated}</td>
              <td className="number">{c.baselineDone}</td>
              <td className="number">{c.baselineOverdue}</td>
              <td className="number">{c.baselineMean === null ? empty : c.baselineMean.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="hatchery-figure-table" style={{ marginTop: 16 }}>
        <caption className="hatchery-visually-hidden">{t("incubationFigures.tracksCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("incubationFigures.trackColumn")}</th>
            <th scope="col" className="number">
              {t("incubationFigures.totalColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {section.byTrack.map((row) => (
            <tr key={row.track}>
              <th scope="row">{labels.track[row.track]}</th>
              <td className="number">{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

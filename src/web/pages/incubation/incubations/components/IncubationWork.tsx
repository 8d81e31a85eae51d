/**
 * The month's work of one incubation in one card: the baseline (self and the base's, due by a
 * day), the incubation plan (to draft, to agree, its progress and overdue actions) and the growth
 * file, each with where to do it. On the incubation page for everyone who reads it, and on a
 * member's home for its open incubation, so what stage 4 asks of them is on the first screen.
 */
import { Badge, Card, List } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PLAN_LABELS } from "../../../../../schemas/incubation/plan";
import { useIncubationAssessments } from "../../../../api/incubation/assessments";
import { usePlan } from "../../../../api/incubation/plan";
import { formatDate } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { useLang } from "../../../../i18n";

export function IncubationWork(props: {
  incubationId: string;
  organizationId: string;
  heading?: "h2" | "h3";
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const assessments = useIncubationAssessments(props.incubationId);
  const plan = usePlan(props.incubationId);
  const Heading = props.heading ?? "h2";
  const baseline = assessments.data?.baseline;
  const p = plan.data?.plan ?? null;
  const rows = [
    {
      key: "baseline",
      title: t("incubations.work.baseline"),
      link: `/incubations/${props.incubationId}/assessments`,
      state: baseline ? (
        <>
          <ToneTag tone={baseline.selfDone ? "green" : baseline.overdue ? "red" : "gold"}>
            {t(baseline.selfDone ? "incubations.work.selfDone" : "incubations.work.selfToDo")}
          </ToneTag>
          <ToneTag tone={baseline.assessorDone ? "green" : baseline.overdue ? "red" : "gold"}>
            {t(baseline.assessorDone ? "incubations.work.assessorDone" : "incubations.work.assessorToDo")}
          </ToneTag>
          {!(baseline.selfDone && baseline.assessorDone) && (
            <span style={baseline.overdue ? { color: "#cf1322" } : undefined}>
              {t(baseline.overdue ? "incubations.work.overdueSince" : "incubations.work.dueBy", {
                date: formatDate(baseline.dueOn),
              })}
            </span>
          )}
        </>
      ) : null,
    },
    {
      key: "plan",
      title: t("incubations.work.plan"),
      link: `/incubations/${props.incubationId}/plan`,
      state: plan.data ? (
        p ? (
          <>
            <ToneTag tone={p.status === "agreed" ? "green" : "gold"}>
              {PLAN_LABELS[lang].planStatus[p.status]}
            </ToneTag>
            {p.status === "agreed" &&
              t("incubations.work.progress", {
                done: p.progress.done,
                total: p.progress.total - p.progress.dropped,
              })}
            {p.progress.overdue > 0 && (
              <Badge
                style={{ marginInlineStart: 8 }}
                color="#cf1322"
                count={t("incubations.work.overdue", { count: p.progress.overdue })}
              />
            )}
          </>
        ) : (
          <ToneTag tone="default">{t("incubations.work.noPlan")}</ToneTag>
        )
      ) : null,
    },
    {
      // The mentor programme: who mentors the organization (src/web/pages/services/mentoring).
      key: "mentoring",
      title: t("mentoring.page"),
      link: `/incubations/${props.incubationId}/mentoring`,
      state: null,
    },
    {
      key: "growth",
      title: t("incubations.work.growth"),
      link: `/organizations/${props.organizationId}/growth`,
      state: t("incubations.work.growthText"),
    },
  ];
  return (
    <Card
      size="small"
      title={<Heading className="hatchery-card-title">{t("incubations.work.title")}</Heading>}
    >
      <List
        itemLayout="horizontal"
        dataSource={rows}
        renderItem={(row) => (
          <List.Item
            key={row.key}
            extra={
              <Link
                to={row.link}
                aria-label={`${t("incubations.work.open")}${t("common.colon")}${row.title}`}
              >
                {t("incubations.work.open")}
              </Link>
            }
          >
            <List.Item.Meta title={row.title} description={row.state} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * One project's results (项目成效): read in a fixed number of statements whatever the project's
 * size, then put together by the pure rules of src/domain/funding/results.ts. Readers: staff, the
 * organization's members, a partner whose fund granted the project, the incubation's mentors
 * (`funding.read`); anyone else finds nothing.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  funds,
  grantBudgetLines,
  grantExpenses,
  grants,
  grantTranches,
  indicatorValues,
  organizations,
  progressReports,
  projectIndicators,
  projects,
  replicationSites,
} from "../../../../db/schema";
import { COMMITTED_GRANT_STATUSES, COUNTED_EXPENSE_STATUSES } from "../../../../domain/funding/grant";
import { sumFen } from "../../../../domain/funding/money";
import {
  achievementBp,
  costPerPerson,
  falling,
  formatHundredths,
  indicatorSeries,
  latestValue,
  parseHundredths,
  peopleReached,
  spendingSummary,
  targetMet,
} from "../../../../domain/funding/results";
import type { ProjectResults } from "../../../../schemas/funding/results";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { projectSubject } from "./subject";

const hundredths = (text: string) => parseHundredths(text) ?? 0;

export async function projectResults(db: Db, ctx: Context, projectId: string): Promise<ProjectResults> {
  requireRoleFor(ctx.actor, "funding.read");
  const [project] = await db
    .select({
      id: projects.id,
      baseId: projects.baseId,
      incubationId: projects.incubationId,
      title: projects.title,
      status: projects.status,
      organizationId: projects.organizationId,
      organizationName: organizations.name,
      targetPeople: projects.targetPeople,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.organizationId))
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!project) throw notFound();
  requireAccess(ctx.actor, "funding.read", await projectSubject(db, ctx.actor, project));

  const grantRows = await db
    .select({
      id: grants.id,
      number: grants.number,
      status: grants.status,
      fundName: funds.name,
      fundKind: grants.fundKind,
      amountFen: grants.amountFen,
      owedFen: grants.owedFen,
      startsOn: grants.startsOn,
      endsOn: grants.endsOn,
    })
    .from(grants)
    .innerJoin(funds, eq(funds.id, grants.fundId))
    .where(and(eq(grants.projectId, projectId), inArray(grants.status, [...COMMITTED_GRANT_STATUSES])))
    .orderBy(asc(grants.startsOn), asc(grants.number));
  const grantIds = grantRows.map((g) => g.id);
  const none = grantIds.length === 0;
  const [indicators, lines, expenses, tranches, reports, values, sites] = await Promise.all([
    db
      .select()
      .from(projectIndicators)
      .where(and(eq(projectIndicators.projectId, projectId), isNull(projectIndicators.removedAt)))
      .orderBy(asc(projectIndicators.sortOrder), asc(projectIndicators.name)),
    none
      ? []
      : db
          .select({ grantId: grantBudgetLines.grantId, amountFen: grantBudgetLines.amountFen })
          .from(grantBudgetLines)
          .where(inArray(grantBudgetLines.grantId, grantIds)),
    none
      ? []
      : db
          .select({
            grantId: grantExpenses.grantId,
            amountFen: grantExpenses.amountFen,
            status: grantExpenses.status,
          })
          .from(grantExpenses)
          .where(inArray(grantExpenses.grantId, grantIds)),
    none
      ? []
      : db
          .select({
            grantId: grantTranches.grantId,
            amountFen: grantTranches.amountFen,
            status: grantTranches.status,
          })
          .from(grantTranches)
          .where(inArray(grantTranches.grantId, grantIds)),
    none
      ? []
      : db
          .select({ id: progressReports.id, newPeople: progressReports.newPeople })
          .from(progressReports)
          .where(and(inArray(progressReports.grantId, grantIds), eq(progressReports.status, "accepted"))),
    // Every accepted value of the project's indicators (through any of its grants' reports).
    db
      .select({
        indicatorId: indicatorValues.indicatorId,
        reportId: progressReports.id,
        periodEnd: progressReports.periodEnd,
        value: sql<string>`${indicatorValues.value}::text`,
      })
      .from(indicatorValues)
      .innerJoin(progressReports, eq(progressReports.id, indicatorValues.reportId))
      .innerJoin(projectIndicators, eq(projectIndicators.id, indicatorValues.indicatorId))
      .where(and(eq(projectIndicators.projectId, projectId), eq(progressReports.status, "accepted"))),
    db
      .select()
      .from(replicationSites)
      .where(eq(replicationSites.projectId, projectId))
      .orderBy(asc(replicationSites.year), asc(replicationSites.town), asc(replicationSites.community)),
  ]);

  const startOn = grantRows[0]?.startsOn ?? null;
  const counted = (s: string) => (COUNTED_EXPENSE_STATUSES as readonly string[]).includes(s);
  const spending = spendingSummary({
    grants: grantRows.map((g) => ({ amountFen: g.amountFen, owedFen: g.owedFen, committed: true })),
    budgetLines: lines,
    expenses: expenses.map((e) => ({
      amountFen: e.amountFen,
      counted: counted(e.status),
      verified: e.status === "verified",
    })),
    tranches: tranches.map((t) => ({ amountFen: t.amountFen, paid: t.status === "paid" })),
  });
  const people = peopleReached(reports);
  return {
    project: {
      id: project.id,
      title: project.title,
      status: project.status,
      organizationId: project.organizationId,
      organizationName: project.organizationName,
      targetPeople: project.targetPeople,
    },
    startOn,
    indicators: indicators.map((i) => {
      const baseline = hundredths(i.baselineValue);
      const target = hundredths(i.targetValue);
      const mine = values.filter((v) => v.indicatorId === i.id);
      const series = indicatorSeries(
        baseline,
        startOn,
        mine.map((v) => ({ reportId: v.reportId, periodEnd: v.periodEnd, value: hundredths(v.value) })),
      );
      const value = latestValue(series);
      const reportOf = (on: string, n: number) =>
        mine.find((v) => v.periodEnd === on && hundredths(v.value) === n)?.reportId ?? null;
      return {
        id: i.id,
        level: i.level,
        name: i.name,
        unit: i.unit,
        baseline: formatHundredths(baseline),
        target: formatHundredths(target),
        latest: value === null ? null : formatHundredths(value),
        achievementBp: achievementBp({ baseline, target, value }),
        met: targetMet({ baseline, target, value }),
        falling: falling({ baseline, target }),
        series: series.map((p) => ({
          on: p.on,
          value: formatHundredths(p.value),
          baseline: p.baseline,
          reportId: p.baseline ? null : reportOf(p.on, p.value),
        })),
      };
    }),
    grants: grantRows.map((g) => ({
      id: g.id,
      number: g.number,
      status: g.status,
      fundName: g.fundName,
      fundKind: g.fundKind,
      amountFen: g.amountFen,
      startsOn: g.startsOn,
      endsOn: g.endsOn,
      spentFen: sumFen(
        expenses.filter((e) => e.grantId === g.id && counted(e.status)).map((e) => e.amountFen),
      ),
      paidFen: sumFen(
        tranches.filter((t) => t.grantId === g.id && t.status === "paid").map((t) => t.amountFen),
      ),
    })),
    spending,
    people,
    acceptedReports: reports.length,
    costPerPersonFen: costPerPerson(spending.spentFen, people),
    replicationSites: sites.map((s) => ({
      id: s.id,
      town: s.town,
      community: s.community,
      year: s.year,
      fundedBy: s.fundedBy,
      note: s.note,
    })),
  };
}

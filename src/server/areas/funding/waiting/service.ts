/**
 * What the money asks of each on the home page (资金待办), in a constant number of statements:
 * - staff: grants proposed by someone else waiting for a second person's approval, tranches
 *   prepared by someone else waiting to be paid, reports to review, reports overdue, milestones
 *   overdue (one count statement, one list of the reports);
 * - a member: its organization's reports due or returned, and its queried spending items;
 * - a partner: the running grants of its fund with their next report and how many are late.
 */
import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { grantExpenses, grants, organizations, progressReports, projects } from "../../../../db/schema";
import { hasRole } from "../../../../domain/roles";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { FundingWaiting } from "../../../../schemas/funding/reports";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";

const SHOWN = 6;
const RUNNING = ["agreement_signed", "active", "suspended"] as const;
const OPEN = ["due", "returned"] as const;

const ZERO = {
  grantsToApprove: 0,
  tranchesToPay: 0,
  reportsToReview: 0,
  reportsOverdue: 0,
  milestonesOverdue: 0,
  reportsDue: 0,
  expensesQueried: 0,
  grantsWatched: 0,
};

const n = (query: SQL) => sql<number>`(${query})`.mapWith(Number);

function reportRows(db: Db, where: SQL | undefined, today: string) {
  return db
    .select({
      id: progressReports.id,
      grantId: progressReports.grantId,
      grantNumber: grants.number,
      organizationName: organizations.name,
      kind: progressReports.kind,
      status: progressReports.status,
      dueOn: progressReports.dueOn,
      late: sql<boolean>`${progressReports.status} in ('due', 'returned') and ${progressReports.dueOn} < ${today}::date`,
    })
    .from(progressReports)
    .innerJoin(grants, eq(grants.id, progressReports.grantId))
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(and(where, inArray(grants.status, [...RUNNING])));
}

export async function fundingWaiting(db: Db, ctx: Context): Promise<FundingWaiting> {
  const { actor } = ctx;
  const today = shanghaiDate(new Date());
  const baseId = actor.baseId;
  if (hasRole(actor, "admin", "staff")) {
    const me = actor.userId;
    const running = sql`g.status in ('agreement_signed', 'active', 'suspended') and g.base_id = ${baseId}`;
    const [[counts], reports] = await Promise.all([
      db
        .select({
          grantsToApprove:
            n(sql`select count(*) from grants g where g.base_id = ${baseId} and g.status = 'proposed'
            and g.prepared_by is not null and g.prepared_by <> ${me}`),
          tranchesToPay:
            n(sql`select count(*) from grant_tranches t where t.base_id = ${baseId} and t.status = 'prepared'
            and t.prepared_by is not null and t.prepared_by <> ${me}`),
          reportsToReview: n(sql`select count(*) from progress_reports r join grants g on g.id = r.grant_id
            where ${running} and r.status = 'submitted'`),
          reportsOverdue: n(sql`select count(*) from progress_reports r join grants g on g.id = r.grant_id
            where ${running} and r.status in ('due', 'returned') and r.due_on < ${today}::date`),
          milestonesOverdue: n(sql`select count(*) from grant_milestones m join grants g on g.id = m.grant_id
            where ${running} and m.status = 'open' and m.due_on < ${today}::date`),
        })
        .from(sql`(select 1) as one`),
      reportRows(
        db,
        and(
          eq(progressReports.baseId, baseId),
          or(
            eq(progressReports.status, "submitted"),
            and(inArray(progressReports.status, [...OPEN]), lt(progressReports.dueOn, today)),
          ),
        ),
        today,
      )
        .orderBy(desc(sql`${progressReports.status} = 'submitted'`), asc(progressReports.dueOn))
        .limit(SHOWN),
    ]);
    return { counts: { ...ZERO, ...counts }, reports, expenses: [], grants: [] };
  }
  if (hasRole(actor, "org_member") && actor.organizationId) {
    const org = actor.organizationId;
    const dueWhere = and(
      eq(progressReports.baseId, baseId),
      eq(grants.organizationId, org),
      inArray(progressReports.status, [...OPEN]),
    );
    const expenseWhere = and(
      eq(grantExpenses.baseId, baseId),
      eq(grants.organizationId, org),
      eq(grantExpenses.status, "queried"),
    );
    const [reports, expenses, [counts]] = await Promise.all([
      reportRows(db, dueWhere, today).orderBy(asc(progressReports.dueOn)).limit(SHOWN),
      db
        .select({
          id: grantExpenses.id,
          grantId: grantExpenses.grantId,
          grantNumber: grants.number,
          description: grantExpenses.description,
          amountFen: grantExpenses.amountFen,
        })
        .from(grantExpenses)
        .innerJoin(grants, eq(grants.id, grantExpenses.grantId))
        .where(expenseWhere)
        .orderBy(asc(grantExpenses.spentOn))
        .limit(SHOWN),
      db
        .select({
          reportsDue: n(sql`select count(*) from progress_reports r join grants g on g.id = r.grant_id
            where g.base_id = ${baseId} and g.organization_id = ${org} and r.status in ('due', 'returned')
            and g.status in ('agreement_signed', 'active', 'suspended')`),
          expensesQueried: n(sql`select count(*) from grant_expenses e join grants g on g.id = e.grant_id
            where g.base_id = ${baseId} and g.organization_id = ${org} and e.status = 'queried'`),
        })
        .from(sql`(select 1) as one`),
    ]);
    return { counts: { ...ZERO, ...counts }, reports, expenses, grants: [] };
  }
  if (hasRole(actor, "partner") && actor.partnerId) {
    const where = and(
      eq(grants.baseId, baseId),
      eq(grants.partnerId, actor.partnerId),
      inArray(grants.status, [...RUNNING]),
    );
    const rows = await db
      .select({
        id: grants.id,
        number: grants.number,
        projectTitle: projects.title,
        organizationName: organizations.name,
        status: grants.status,
        nextDueOn: sql<string | null>`(select min(r.due_on)::text from progress_reports r
          where r.grant_id = ${grants.id} and r.status in ('due', 'returned'))`,
        reportsLate: n(sql`select count(*) from progress_reports r where r.grant_id = ${grants.id}
          and (r.status = 'failed' or (r.status in ('due', 'returned') and r.due_on < ${today}::date))`),
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(grants)
      .innerJoin(projects, eq(projects.id, grants.projectId))
      .innerJoin(organizations, eq(organizations.id, grants.organizationId))
      .where(where)
      .orderBy(asc(grants.number))
      .limit(SHOWN);
    return {
      counts: { ...ZERO, grantsWatched: rows[0]?.total ?? 0 },
      reports: [],
      expenses: [],
      grants: rows.map(({ total: _t, ...r }) => r),
    };
  }
  throw new AppError("forbidden");
}

/**
 * The grant page's view (terms, budget, milestones, tranches with who prepared and paid them,
 * history, and what the reader may do) and the set-up page's facts (the funds with what is still
 * free, the project's cap and its room). A fixed number of statements whatever the grant holds.
 */
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  bases,
  funds,
  grantBudgetLines,
  grantEvents,
  grantMilestones,
  grantTranches,
  incubations,
  organizations,
  partners,
  projects,
  users,
} from "../../../../db/schema";
import { decide } from "../../../../domain/access";
import {
  COMMITTED_GRANT_STATUSES,
  grantEventsFrom,
  trancheConditionMet,
  twoPersonRuleMet,
} from "../../../../domain/funding/grant";
import type { GrantSetup, GrantView } from "../../../../schemas/funding/grants";
import type { Context } from "../../../context";
import { fieldError } from "../../../errors";
import { requireRoleFor } from "../../../policy";
import { loadGrant } from "./load";
import { projectGrantCap, projectGrantsFen } from "./terms";
import { trancheFacts } from "./tranches";

export async function grantView(db: Db, ctx: Context, id: string): Promise<GrantView> {
  const row = await loadGrant(db, ctx, id, "funding.read");
  const [head] = await db
    .select({
      project: { id: projects.id, title: projects.title, status: projects.status },
      organization: { id: organizations.id, name: organizations.name },
      fund: { id: funds.id, name: funds.name, kind: funds.kind },
      partnerName: partners.name,
      baseName: bases.name,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.organizationId))
    .innerJoin(funds, eq(funds.id, row.fundId))
    .innerJoin(bases, eq(bases.id, projects.baseId))
    .leftJoin(partners, eq(partners.id, funds.partnerId))
    .where(eq(projects.id, row.projectId));
  if (!head) throw new Error("grant without its project");
  const [lines, milestones, tranches, history, facts] = await Promise.all([
    db
      .select()
      .from(grantBudgetLines)
      .where(eq(grantBudgetLines.grantId, row.id))
      .orderBy(asc(grantBudgetLines.sortOrder)),
    db
      .select()
      .from(grantMilestones)
      .where(eq(grantMilestones.grantId, row.id))
      .orderBy(asc(grantMilestones.dueOn), asc(grantMilestones.sortOrder)),
    db.select().from(grantTranches).where(eq(grantTranches.grantId, row.id)).orderBy(asc(grantTranches.seq)),
    db.select().from(grantEvents).where(eq(grantEvents.grantId, row.id)).orderBy(asc(grantEvents.createdAt)),
    trancheFacts(db, row),
  ]);
  const people = [
    row.preparedBy,
    row.approvedBy,
    ...tranches.flatMap((t) => [t.preparedBy, t.paidBy]),
  ].filter((x): x is string => !!x);
  const names = new Map(
    people.length > 0
      ? (
          await db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(inArray(users.id, [...new Set(people)]))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const person = (userId: string | null) => (userId ? { id: userId, name: names.get(userId) ?? "" } : null);
  const manage = decide(ctx.actor, "funding.manage") === "allow";
  const blocked = manage && row.status === "proposed" && !twoPersonRuleMet(row.preparedBy, ctx.actor.userId);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    ...head,
    amountFen: row.amountFen,
    disbursedFen: tranches.filter((t) => t.status === "paid").reduce((s, t) => s + t.amountFen, 0),
    owedFen: row.owedFen,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    preparedBy: person(row.preparedBy),
    approvedBy: person(row.approvedBy),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    signedOn: row.signedOn,
    closedReason: row.closedReason,
    budgetLines: lines.map((l) => ({
      id: l.id,
      category: l.category,
      description: l.description,
      amountFen: l.amountFen,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.dueOn,
      status: m.status,
      metOn: m.metOn,
      note: m.note,
      version: m.version,
    })),
    tranches: tranches.map((t) => ({
      id: t.id,
      seq: t.seq,
      amountFen: t.amountFen,
      condition: t.condition,
      milestoneId: t.milestoneId,
      plannedOn: t.plannedOn,
      status: t.status,
      preparedBy: person(t.preparedBy),
      preparedAt: t.preparedAt?.toISOString() ?? null,
      paidBy: person(t.paidBy),
      paidAt: t.paidAt?.toISOString() ?? null,
      paymentReference: t.paymentReference,
      stoppedReason: t.stoppedReason,
      conditionMet: trancheConditionMet(t.condition, facts(t.milestoneId)),
      version: t.version,
    })),
    history: history.map((h) => ({
      event: h.event,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      reason: h.reason,
      actorName: h.actorName,
      at: h.createdAt.toISOString(),
    })),
    version: row.version,
    may: {
      manage,
      edit: manage && row.status === "proposed",
      events: manage ? grantEventsFrom(row.status).filter((e) => e !== "activate") : [],
      approveBlocked: blocked
        ? ctx.lang === "en"
          ? "You prepared this grant: another staff member must approve it (two-person rule)"
          : "该资助方案由您准备，须由另一位工作人员审批（双人复核）"
        : null,
    },
  };
}

export async function grantSetup(
  db: Db,
  ctx: Context,
  query: { projectId?: string; grantId?: string },
): Promise<GrantSetup> {
  requireRoleFor(ctx.actor, "funding.manage");
  const selectProjects = () =>
    db
      .select({
        id: projects.id,
        title: projects.title,
        status: projects.status,
        organizationName: organizations.name,
      })
      .from(projects)
      .innerJoin(organizations, eq(organizations.id, projects.organizationId))
      .innerJoin(incubations, eq(incubations.id, projects.incubationId));
  const [project] = query.projectId
    ? await selectProjects().where(
        and(eq(projects.id, query.projectId), eq(projects.baseId, ctx.actor.baseId)),
      )
    : [null];
  if (query.projectId && !project) throw fieldError("projectId", "invalid");
  const choices = project
    ? []
    : await selectProjects()
        .where(
          and(
            eq(projects.baseId, ctx.actor.baseId),
            inArray(projects.status, ["draft", "active"]),
            notInArray(incubations.status, ["graduated", "terminated"]),
          ),
        )
        .orderBy(asc(organizations.name), asc(projects.title))
        .limit(500);
  const committed = sql<string>`(SELECT coalesce(sum(g.amount_fen), 0) FROM grants g WHERE g.fund_id = ${funds.id}
    AND g.status IN (${sql.join(
      COMMITTED_GRANT_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )}))`;
  const fundRows = await db
    .select({ f: funds, partnerName: partners.name, committed })
    .from(funds)
    .leftJoin(partners, eq(partners.id, funds.partnerId))
    .where(and(eq(funds.baseId, ctx.actor.baseId), eq(funds.status, "active")))
    .orderBy(asc(funds.kind), asc(funds.name));
  const capFen = await projectGrantCap(db, ctx.actor.baseId);
  const used = project ? await projectGrantsFen(db, project.id, query.grantId) : 0;
  return {
    project: project ?? null,
    projects: choices,
    funds: fundRows.map(({ f, partnerName, committed: c }) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      partnerName,
      capacityFen: f.capacityFen,
      committedFen: Number(c),
      availableFen: f.capacityFen - Number(c),
    })),
    capFen,
    projectGrantsFen: used,
    capRoomFen: Math.max(0, capFen - used),
  };
}

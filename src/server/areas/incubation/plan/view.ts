/**
 * The plan page's one read: the incubation's plan with its goals, actions and progress, the
 * dimensions the goals may work on (with the baseline's scores, weakest first) and, for staff, who
 * may own an action. A member sees the plan once it has been put to the organization.
 */
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  activeInstruments,
  assessments,
  instrumentVersions,
  organizations,
  planActions,
  planEvents,
  planGoals,
  users,
} from "../../../../db/schema";
import type { InstrumentContent } from "../../../../domain/incubation/instrument";
import {
  availablePlanEvents,
  isActionOverdue,
  isPlanRunning,
  planProgress,
} from "../../../../domain/incubation/plan";
import { hasRole } from "../../../../domain/roles";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { Plan, PlanDimension, PlanView } from "../../../../schemas/incubation/plan";
import type { Context } from "../../../context";
import type { IncubationRow } from "../incubations/load";
import { loadPlan, type PlanRow } from "./load";

export async function planView(
  db: Db,
  ctx: Context,
  incubationId: string,
  now = new Date(),
): Promise<PlanView> {
  const { incubation, plan } = await loadPlan(db, ctx, incubationId, "plan.read");
  const staff = hasRole(ctx.actor, "admin", "staff");
  const member = hasRole(ctx.actor, "org_member") && ctx.actor.organizationId === incubation.organizationId;
  // A first draft is the base's working paper until it is proposed.
  const visible = plan && (staff || plan.proposedAt !== null);
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, incubation.organizationId));
  return {
    incubationId,
    organizationId: incubation.organizationId,
    organizationName: org?.name ?? "",
    startOn: incubation.startOn,
    plannedEndOn: incubation.plannedEndOn,
    plan: visible ? await planDocument(db, plan, shanghaiDate(now)) : null,
    dimensions: await planDimensions(db, incubation),
    owners: staff ? await actionOwners(db, incubation) : [],
    can: {
      manage: staff,
      agree: member && plan?.status === "proposed",
      progress: (staff || member) && !!plan && isPlanRunning(plan.status),
    },
  };
}

/** The plan with its live goals and actions (removed ones are kept in the table, not shown). */
async function planDocument(db: Db, plan: PlanRow, today: string): Promise<Plan> {
  const goals = await db
    .select()
    .from(planGoals)
    .where(and(eq(planGoals.planId, plan.id), isNull(planGoals.removedAt)))
    .orderBy(asc(planGoals.position));
  const actions = await db
    .select({
      action: planActions,
      ownerName: users.displayName,
      // An action item of a mentoring session (导师辅导) says so: the mentor and the day.
      mentoring: sql<string | null>`(select u.display_name || '|' || s.held_on::text from mentoring_actions ma
        join mentoring_sessions s on s.id = ma.session_id join users u on u.id = s.mentor_id
        where ma.plan_action_id = ${planActions.id})`,
    })
    .from(planActions)
    .leftJoin(users, eq(users.id, planActions.ownerUserId))
    .where(and(eq(planActions.planId, plan.id), isNull(planActions.removedAt)))
    .orderBy(asc(planActions.position));
  const events = await db
    .select()
    .from(planEvents)
    .where(eq(planEvents.planId, plan.id))
    .orderBy(desc(planEvents.createdAt))
    .limit(50);
  const [agreedBy] = plan.agreedBy
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, plan.agreedBy))
    : [];
  const all = actions.map(({ action: a, ownerName, mentoring }) => ({
    goalId: a.goalId,
    view: {
      id: a.id,
      title: a.title,
      ownerSide: a.ownerSide,
      ownerUserId: a.ownerUserId,
      ownerName,
      dueOn: a.dueOn,
      status: a.status,
      overdue: isPlanRunning(plan.status) && isActionOverdue(a, today),
      doneAt: a.doneAt?.toISOString() ?? null,
      doneNote: a.doneNote,
      service: a.service,
      needId: a.needId,
      origin: mentoring ? mentoringOrigin(mentoring) : null,
      version: a.version,
    },
  }));
  const progressOf = (list: { status: (typeof all)[number]["view"]["status"]; dueOn: string }[]) => {
    const p = planProgress(list, today);
    return isPlanRunning(plan.status) ? p : { ...p, overdue: 0 };
  };
  return {
    id: plan.id,
    status: plan.status,
    revision: plan.revision,
    summary: plan.summary,
    version: plan.version,
    proposedAt: plan.proposedAt?.toISOString() ?? null,
    agreedAt: plan.agreedAt?.toISOString() ?? null,
    agreedByName: agreedBy?.name ?? null,
    agreedOnBehalf: plan.agreedOnBehalf,
    agreedNote: plan.agreedNote,
    goals: goals.map((g) => {
      const mine = all.filter((a) => a.goalId === g.id).map((a) => a.view);
      return {
        id: g.id,
        title: g.title,
        dimensionKey: g.dimensionKey,
        target: g.target,
        actions: mine,
        progress: progressOf(mine),
      };
    }),
    progress: progressOf(all.map((a) => a.view)),
    events: events.map((e) => ({
      event: e.event,
      revision: e.revision,
      note: e.note,
      onBehalf: e.onBehalf,
      actorName: e.actorName,
      at: e.createdAt.toISOString(),
    })),
    eventsAvailable: availablePlanEvents(plan.status),
  };
}

/**
 * The dimensions of the incubation's baseline (its latest submitted baseline, the assessor's
 * before the self-assessment) with their scores, weakest first; without a baseline, those of the
 * track's active instrument, unscored.
 */
export async function planDimensions(db: Db, incubation: IncubationRow): Promise<PlanDimension[]> {
  const [baseline] = await db
    .select({ content: instrumentVersions.content, result: assessments.result })
    .from(assessments)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, assessments.instrumentVersionId))
    .where(
      and(
        eq(assessments.incubationId, incubation.id),
        eq(assessments.phase, "baseline"),
        eq(assessments.status, "submitted"),
      ),
    )
    .orderBy(asc(assessments.side), desc(assessments.submittedAt))
    .limit(1);
  let content: InstrumentContent | undefined = baseline?.content;
  if (!content) {
    const [active] = await db
      .select({ content: instrumentVersions.content })
      .from(activeInstruments)
      .innerJoin(instrumentVersions, eq(instrumentVersions.id, activeInstruments.instrumentVersionId))
      .where(
        and(eq(activeInstruments.baseId, incubation.baseId), eq(activeInstruments.track, incubation.track)),
      );
    content = active?.content;
  }
  if (!content) return [];
  const dims = content.dimensions.map((d) => ({
    key: d.key,
    name: { "zh-CN": d.name.zhCN, en: d.name.en },
    score: baseline?.result?.[d.key]?.score ?? null,
  }));
  return dims.sort((a, b) => (a.score ?? Number.POSITIVE_INFINITY) - (b.score ?? Number.POSITIVE_INFINITY));
}

/** The base's staff and the organization's members: who may own an action, on which side. */
export async function actionOwners(db: Db, incubation: IncubationRow): Promise<PlanView["owners"]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.displayName,
      roles: users.roles,
      organizationId: users.organizationId,
    })
    .from(users)
    .where(and(eq(users.baseId, incubation.baseId), eq(users.status, "active")))
    .orderBy(asc(users.displayName));
  const owners: PlanView["owners"] = [];
  for (const u of rows) {
    if (u.organizationId === incubation.organizationId && u.roles.includes("org_member"))
      owners.push({ id: u.id, name: u.name, side: "organization" });
    else if (u.roles.includes("staff") || u.roles.includes("admin"))
      owners.push({ id: u.id, name: u.name, side: "base" });
  }
  return owners;
}

function mentoringOrigin(found: string) {
  const at = found.lastIndexOf("|");
  return { kind: "mentoring" as const, mentorName: found.slice(0, at), heldOn: found.slice(at + 1) };
}

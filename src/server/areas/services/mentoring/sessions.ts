/**
 * Sessions (辅导记录): the mentor logs each session with an organization it mentors; its action
 * items join the incubation plan (a goal "导师辅导行动" of the plan, made on first use) so they are
 * tracked, marked done and noticed when overdue as every plan action is. A logged session is a
 * service delivered (the ledger: mentoring, consulting, its minutes) and a growth-file event. The
 * organization then confirms it took place and rates it (the rating goes to the ledger), or
 * disputes it: the ledger row and its open plan actions are withdrawn (dispute.ts) and the base's
 * staff are told.
 */
import { and, asc, desc, eq, inArray, isNull, max, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { rateDeliveries, recordDeliveries, withdrawDeliveries } from "../../../../db/deliveries";
import { recordGrowth } from "../../../../db/growth";
import {
  incubationPlans,
  mentoringActions,
  mentoringSessions,
  mentorships,
  organizations,
  planActions,
  planGoals,
  users,
} from "../../../../db/schema";
import { addDays, isIncubationClosed } from "../../../../domain/incubation/lifecycle";
import { hasRole } from "../../../../domain/roles";
import { MENTORING_GOAL, MENTORING_LIMITS } from "../../../../domain/services/mentoring";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import {
  mentoringTitles,
  type SessionEntry,
  type SessionList,
  type ZSessionAnswer,
  type ZSessionCreate,
} from "../../../../schemas/services/mentoring";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { notify } from "../../../notify";
import { requireRoleFor } from "../../../policy";
import { loadIncubation } from "../../incubation/incubations/load";
import { incubationClosed } from "../../incubation/plan/load";
import { withdrawSessionActions } from "./dispute";
import "./growth";

type Create = z.output<typeof ZSessionCreate>;
type Answer = z.output<typeof ZSessionAnswer>;

export async function logSession(
  db: Db,
  ctx: Context,
  incubationId: string,
  input: Create,
): Promise<SessionEntry> {
  return db.transaction(async (tx) => {
    const incubation = await loadIncubation(tx, ctx, incubationId, "mentoring.log", { lock: true });
    if (isIncubationClosed(incubation.status)) throw incubationClosed(ctx);
    const [pairing] = await tx
      .select()
      .from(mentorships)
      .where(
        and(
          eq(mentorships.incubationId, incubationId),
          eq(mentorships.mentorId, ctx.actor.userId),
          eq(mentorships.status, "active"),
        ),
      );
    if (!pairing) throw notFound();
    const today = shanghaiDate(new Date());
    const earliest = [pairing.startsOn, addDays(today, -MENTORING_LIMITS.logWithinDays)].sort()[1] as string;
    if (input.heldOn < earliest || input.heldOn > today) throw fieldError("heldOn", "session_day");
    for (const [i, item] of input.actionItems.entries()) {
      if (item.dueOn < input.heldOn) throw fieldError(`actionItems.${i}.dueOn`, "due_before_session");
      if (item.dueOn > incubation.plannedEndOn)
        throw fieldError(`actionItems.${i}.dueOn`, "too_big", { maximum: incubation.plannedEndOn });
    }
    const [session] = await tx
      .insert(mentoringSessions)
      .values({
        baseId: incubation.baseId,
        mentorshipId: pairing.id,
        incubationId,
        organizationId: incubation.organizationId,
        mentorId: ctx.actor.userId,
        heldOn: input.heldOn,
        minutes: input.minutes,
        topics: input.topics,
        advice: input.advice,
      })
      .returning();
    if (!session) throw new Error("session not inserted");
    await addActionItems(tx, incubation, session.id, input.actionItems);
    await recordDeliveries(tx, [
      {
        baseId: incubation.baseId,
        kind: "mentoring",
        sourceId: session.id,
        category: "consulting",
        organizationId: incubation.organizationId,
        deliveredOn: input.heldOn,
        minutes: input.minutes,
      },
    ]);
    await recordAudit(tx, ctx, {
      baseId: incubation.baseId,
      action: "mentoring.log",
      entityType: "mentoring_session",
      entityId: session.id,
      after: {
        incubationId,
        heldOn: input.heldOn,
        minutes: input.minutes,
        actionItems: input.actionItems.length,
      },
    });
    await recordGrowth(tx, {
      baseId: incubation.baseId,
      organizationId: incubation.organizationId,
      incubationId,
      kind: "mentoring.session",
      title: mentoringTitles.session(ctx.actor.displayName, input.minutes),
      params: {
        mentor: ctx.actor.displayName,
        minutes: input.minutes,
        topics: input.topics.join("、"),
        note: input.topics.join("、"),
      },
      subjectId: session.id,
      actorName: ctx.actor.displayName,
    });
    await notify(tx, {
      baseId: incubation.baseId,
      recipients: { kind: "organization", organizationId: incubation.organizationId },
      kind: "mentoring_session",
      params: {
        event: "logged",
        mentorName: ctx.actor.displayName,
        heldOn: input.heldOn,
        minutes: input.minutes,
      },
      link: `/incubations/${incubationId}/mentoring`,
    });
    const [view] = await sessionEntries(tx, ctx, [eq(mentoringSessions.id, session.id)]);
    return view as SessionEntry;
  });
}

/** The action items, each also an action of the plan's mentoring goal when the incubation has a plan. */
async function addActionItems(
  tx: Db,
  incubation: { id: string; baseId: string },
  sessionId: string,
  items: Create["actionItems"],
): Promise<void> {
  if (items.length === 0) return;
  const [plan] = await tx
    .select()
    .from(incubationPlans)
    .where(eq(incubationPlans.incubationId, incubation.id))
    .for("update");
  let goalId: string | null = null;
  let position = 0;
  if (plan) {
    const [goal] = await tx
      .select({ id: planGoals.id })
      .from(planGoals)
      .where(
        and(eq(planGoals.planId, plan.id), eq(planGoals.title, MENTORING_GOAL), isNull(planGoals.removedAt)),
      );
    if (goal) {
      goalId = goal.id;
    } else {
      const [{ last } = { last: null }] = await tx
        .select({ last: max(planGoals.position) })
        .from(planGoals)
        .where(eq(planGoals.planId, plan.id));
      const [made] = await tx
        .insert(planGoals)
        .values({
          baseId: incubation.baseId,
          planId: plan.id,
          title: MENTORING_GOAL,
          target: "落实导师辅导中商定的行动",
          position: (last ?? -1) + 1,
        })
        .returning({ id: planGoals.id });
      goalId = made?.id ?? null;
    }
    const [{ last } = { last: null }] = await tx
      .select({ last: max(planActions.position) })
      .from(planActions)
      .where(eq(planActions.goalId, goalId as string));
    position = (last ?? -1) + 1;
    // The plan changed under any open editor: its next save must reload first (409).
    await tx
      .update(incubationPlans)
      .set({ version: plan.version + 1, updatedAt: new Date() })
      .where(eq(incubationPlans.id, plan.id));
  }
  for (const [i, item] of items.entries()) {
    const [action] =
      plan && goalId
        ? await tx
            .insert(planActions)
            .values({
              baseId: incubation.baseId,
              planId: plan.id,
              goalId,
              title: item.title,
              // The mentor's own items sit on the base's side of the plan, with no staff owner.
              ownerSide: item.owner === "organization" ? "organization" : "base",
              dueOn: item.dueOn,
              service: "consulting",
              position: position + i,
            })
            .returning({ id: planActions.id })
        : [];
    await tx.insert(mentoringActions).values({
      baseId: incubation.baseId,
      sessionId,
      title: item.title,
      owner: item.owner,
      dueOn: item.dueOn,
      position: i,
      planActionId: action?.id ?? null,
    });
  }
}

export async function listSessions(db: Db, ctx: Context, incubationId: string): Promise<SessionList> {
  await loadIncubation(db, ctx, incubationId, "mentoring.read");
  return { items: await sessionEntries(db, ctx, [eq(mentoringSessions.incubationId, incubationId)]) };
}

/** A member's sessions to answer: its organization's logged ones. */
export async function sessionsToAnswer(db: Db, ctx: Context): Promise<SessionList> {
  if (!hasRole(ctx.actor, "org_member") || !ctx.actor.organizationId) throw new AppError("forbidden");
  return {
    items: await sessionEntries(db, ctx, [
      eq(mentoringSessions.baseId, ctx.actor.baseId),
      eq(mentoringSessions.organizationId, ctx.actor.organizationId),
      eq(mentoringSessions.status, "logged"),
    ]),
  };
}

export async function answerSession(
  db: Db,
  ctx: Context,
  sessionId: string,
  input: Answer,
): Promise<SessionEntry> {
  requireRoleFor(ctx.actor, "mentoring.answer");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(mentoringSessions)
      .where(eq(mentoringSessions.id, sessionId))
      .for("update");
    if (!row) throw notFound();
    await loadIncubation(tx, ctx, row.incubationId, "mentoring.answer");
    if (row.version !== input.version) throw versionConflict(row.version);
    if (row.status !== "logged") throw new AppError("session_answered");
    const [mentor] = await tx
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, row.mentorId));
    const mentorName = mentor?.name ?? "";
    const answered = {
      answeredBy: ctx.actor.userId,
      answeredAt: new Date(),
      version: row.version + 1,
      updatedAt: new Date(),
    };
    const source = { kind: "mentoring" as const, sourceId: row.id, organizationId: row.organizationId };
    if (input.tookPlace) {
      await tx
        .update(mentoringSessions)
        .set({ ...answered, status: "confirmed", rating: input.rating, ratingComment: input.comment ?? null })
        .where(eq(mentoringSessions.id, row.id));
      await rateDeliveries(tx, source, input.rating);
      await recordAudit(tx, ctx, {
        baseId: row.baseId,
        action: "mentoring.confirm",
        entityType: "mentoring_session",
        entityId: row.id,
        after: { rating: input.rating },
      });
    } else {
      await tx
        .update(mentoringSessions)
        .set({ ...answered, status: "disputed", disputeReason: input.reason })
        .where(eq(mentoringSessions.id, row.id));
      await withdrawDeliveries(tx, source);
      await withdrawSessionActions(tx, ctx, row.id, input.reason);
      await recordAudit(tx, ctx, {
        baseId: row.baseId,
        action: "mentoring.dispute",
        entityType: "mentoring_session",
        entityId: row.id,
        after: { reason: input.reason },
      });
      const [org] = await tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, row.organizationId));
      await notify(tx, {
        baseId: row.baseId,
        recipients: { kind: "staff", baseId: row.baseId },
        kind: "mentoring_session",
        params: {
          event: "disputed",
          mentorName,
          organizationName: org?.name ?? "",
          heldOn: row.heldOn,
          reason: input.reason,
        },
        link: `/incubations/${row.incubationId}/mentoring`,
      });
      await recordGrowth(tx, {
        baseId: row.baseId,
        organizationId: row.organizationId,
        incubationId: row.incubationId,
        kind: "mentoring.disputed",
        title: mentoringTitles.disputed(mentorName, row.heldOn),
        params: { mentor: mentorName, heldOn: row.heldOn, note: input.reason },
        subjectId: row.id,
        actorName: ctx.actor.displayName,
      });
    }
    const [view] = await sessionEntries(tx, ctx, [eq(mentoringSessions.id, row.id)]);
    return view as SessionEntry;
  });
}

/** Sessions with their action items (two statements whatever the count), newest first. */
async function sessionEntries(db: Db, ctx: Context, where: SQL[]): Promise<SessionEntry[]> {
  const rows = await db
    .select({ s: mentoringSessions, organizationName: organizations.name, mentorName: users.displayName })
    .from(mentoringSessions)
    .innerJoin(organizations, eq(organizations.id, mentoringSessions.organizationId))
    .innerJoin(users, eq(users.id, mentoringSessions.mentorId))
    .where(and(...where))
    .orderBy(desc(mentoringSessions.heldOn), desc(mentoringSessions.createdAt));
  const ids = rows.map((r) => r.s.id);
  // Asked even for no sessions (inArray of none is false): the statements never depend on the rows.
  const items = await db
    .select({ a: mentoringActions, planStatus: planActions.status, removedAt: planActions.removedAt })
    .from(mentoringActions)
    .leftJoin(planActions, eq(planActions.id, mentoringActions.planActionId))
    .where(inArray(mentoringActions.sessionId, ids))
    .orderBy(asc(mentoringActions.position));
  const member = hasRole(ctx.actor, "org_member");
  return rows.map(({ s, organizationName, mentorName }) => ({
    id: s.id,
    incubationId: s.incubationId,
    organizationId: s.organizationId,
    organizationName,
    mentorId: s.mentorId,
    mentorName,
    heldOn: s.heldOn,
    minutes: s.minutes,
    topics: s.topics,
    advice: s.advice,
    status: s.status,
    rating: s.rating,
    ratingComment: s.ratingComment,
    disputeReason: s.disputeReason,
    answeredAt: s.answeredAt?.toISOString() ?? null,
    actionItems: items
      .filter((i) => i.a.sessionId === s.id)
      .map((i) => ({
        id: i.a.id,
        title: i.a.title,
        owner: i.a.owner,
        dueOn: i.a.dueOn,
        planActionId: i.a.planActionId,
        planStatus: i.a.planActionId && !i.removedAt ? (i.planStatus ?? null) : null,
      })),
    version: s.version,
    canAnswer: member && s.status === "logged" && s.organizationId === ctx.actor.organizationId,
  }));
}

/**
 * What the homes show of the mentor programme: a mentor's organizations (the incubations it
 * mentors now, when it last met each, whether a session is due, open and overdue action items)
 * and the action items coming due; the staff's and the member's to-do counts. Each is a fixed
 * number of statements however many organizations and sessions there are.
 */
import { and, asc, count, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  cohorts,
  incubations,
  mentoringActions,
  mentoringSessions,
  mentorProfiles,
  mentorships,
  organizations,
  planActions,
} from "../../../../db/schema";
import { addDays } from "../../../../domain/incubation/lifecycle";
import { hasRole } from "../../../../domain/roles";
import { SESSION_DUE_DAYS } from "../../../../domain/services/mentoring";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { MentorHomeView, MentoringWaitingView } from "../../../../schemas/services/mentoring";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";

/** Action items due within this many days are listed on the mentor's home (and all overdue ones). */
const DUE_SOON_DAYS = 14;

/** The staff's card names this many incubations without a mentor (the count says how many in all). */
const WAITING_SHOWN = 5;

export async function mentorHome(db: Db, ctx: Context, now = new Date()): Promise<MentorHomeView> {
  requireAccess(ctx.actor, "mentor.self");
  const today = shanghaiDate(now);
  const stale = addDays(today, -SESSION_DUE_DAYS);
  // The sessions are found by their incubation (indexed), then kept to this pairing's: a
  // mentorship_id alone scanned every session of the base per row (21 ms at a city's 5,000).
  const rows = await db
    .select({
      mentorshipId: mentorships.id,
      incubationId: mentorships.incubationId,
      organizationId: mentorships.organizationId,
      organizationName: organizations.name,
      cohortName: cohorts.name,
      startsOn: mentorships.startsOn,
      endsOn: mentorships.endsOn,
      lastSessionOn: sql<
        string | null
      >`(select max(s.held_on)::text from mentoring_sessions s where s.incubation_id = ${mentorships.incubationId} and s.mentorship_id = ${mentorships.id} and s.status <> 'disputed')`,
      sessions: sql<number>`(select count(*)::int from mentoring_sessions s where s.incubation_id = ${mentorships.incubationId} and s.mentorship_id = ${mentorships.id} and s.status <> 'disputed')`,
      openActions: sql<number>`(select count(*)::int from mentoring_actions a join mentoring_sessions s on s.id = a.session_id
        join plan_actions p on p.id = a.plan_action_id
        where s.incubation_id = ${mentorships.incubationId} and s.mentorship_id = ${mentorships.id} and p.status = 'open' and p.removed_at is null)`,
      overdueActions: sql<number>`(select count(*)::int from mentoring_actions a join mentoring_sessions s on s.id = a.session_id
        join plan_actions p on p.id = a.plan_action_id
        where s.incubation_id = ${mentorships.incubationId} and s.mentorship_id = ${mentorships.id} and p.status = 'open' and p.removed_at is null and p.due_on < ${today}::date)`,
    })
    .from(mentorships)
    .innerJoin(incubations, eq(incubations.id, mentorships.incubationId))
    .innerJoin(organizations, eq(organizations.id, mentorships.organizationId))
    .innerJoin(cohorts, eq(cohorts.id, incubations.cohortId))
    .where(
      and(
        eq(mentorships.baseId, ctx.actor.baseId),
        eq(mentorships.mentorId, ctx.actor.userId),
        eq(mentorships.status, "active"),
      ),
    )
    .orderBy(asc(organizations.name), asc(mentorships.id));
  const due = await db
    .select({
      id: mentoringActions.id,
      incubationId: mentoringSessions.incubationId,
      organizationName: organizations.name,
      title: mentoringActions.title,
      owner: mentoringActions.owner,
      dueOn: planActions.dueOn,
    })
    .from(mentoringActions)
    .innerJoin(mentoringSessions, eq(mentoringSessions.id, mentoringActions.sessionId))
    .innerJoin(mentorships, eq(mentorships.id, mentoringSessions.mentorshipId))
    .innerJoin(planActions, eq(planActions.id, mentoringActions.planActionId))
    .innerJoin(organizations, eq(organizations.id, mentoringSessions.organizationId))
    .where(
      and(
        eq(mentoringSessions.mentorId, ctx.actor.userId),
        eq(mentorships.status, "active"),
        eq(planActions.status, "open"),
        isNull(planActions.removedAt),
        lte(planActions.dueOn, addDays(today, DUE_SOON_DAYS)),
      ),
    )
    .orderBy(asc(planActions.dueOn), asc(mentoringActions.id))
    .limit(50);
  const [profile] = await db
    .select({ capacity: mentorProfiles.capacity, version: mentorProfiles.version })
    .from(mentorProfiles)
    .where(eq(mentorProfiles.userId, ctx.actor.userId));
  return {
    organizations: rows.map((r) => ({
      ...r,
      sessions: Number(r.sessions),
      openActions: Number(r.openActions),
      overdueActions: Number(r.overdueActions),
      sessionDue: r.lastSessionOn ? r.lastSessionOn < stale : r.startsOn < stale,
    })),
    dueActions: due.map((d) => ({ ...d, overdue: d.dueOn < today })),
    capacity: profile?.capacity ?? 0,
    profileVersion: profile?.version ?? 0,
  };
}

/** The to-do counts: staff, incubations without a mentor and recent disputes; a member, sessions to answer. */
export async function mentoringWaiting(
  db: Db,
  ctx: Context,
  now = new Date(),
): Promise<MentoringWaitingView> {
  const view: MentoringWaitingView = { withoutMentor: 0, firstWithoutMentor: [], disputed: 0, toAnswer: 0 };
  const baseId = ctx.actor.baseId;
  if (hasRole(ctx.actor, "admin", "staff")) {
    // The first few by name, to pair from the card, and how many in all (one statement).
    const open = await db
      .select({
        incubationId: incubations.id,
        organizationName: organizations.name,
        n: sql<number>`(count(*) over ())::int`,
      })
      .from(incubations)
      .innerJoin(organizations, eq(organizations.id, incubations.organizationId))
      .where(
        and(
          eq(incubations.baseId, baseId),
          inArray(incubations.status, ["active", "extended"]),
          sql`not exists (select 1 from mentorships m where m.incubation_id = ${incubations.id} and m.status = 'active')`,
        ),
      )
      .orderBy(asc(organizations.name), asc(incubations.id))
      .limit(WAITING_SHOWN);
    const [disputed] = await db
      .select({ n: count() })
      .from(mentoringSessions)
      .where(
        and(
          eq(mentoringSessions.baseId, baseId),
          eq(mentoringSessions.status, "disputed"),
          gte(mentoringSessions.answeredAt, new Date(now.getTime() - SESSION_DUE_DAYS * 86_400_000)),
        ),
      );
    view.withoutMentor = open[0]?.n ?? 0;
    view.firstWithoutMentor = open.map(({ incubationId, organizationName }) => ({
      incubationId,
      organizationName,
    }));
    view.disputed = disputed?.n ?? 0;
  }
  if (hasRole(ctx.actor, "org_member") && ctx.actor.organizationId) {
    const [answer] = await db
      .select({ n: count() })
      .from(mentoringSessions)
      .where(
        and(
          eq(mentoringSessions.baseId, baseId),
          eq(mentoringSessions.organizationId, ctx.actor.organizationId),
          eq(mentoringSessions.status, "logged"),
        ),
      );
    view.toAnswer = answer?.n ?? 0;
  }
  return view;
}

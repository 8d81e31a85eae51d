/**
 * Mentorships (导师结对): staff pair a mentor with an incubation for a span of days within the
 * stay, or end a pairing early with a reason. Pairing refuses a conflicted, inactive or full
 * mentor (the same facts the matching shows) and a mentor already paired. Each change is
 * audited, told to the mentor and the organization, and written to the growth file.
 */
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { mentorships, organizations, users } from "../../../../db/schema";
import { isIncubationClosed } from "../../../../domain/incubation/lifecycle";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import {
  type MentorshipEntry,
  type MentorshipList,
  mentoringTitles,
  type ZMentorshipCreate,
  type ZMentorshipEnd,
} from "../../../../schemas/services/mentoring";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { notify } from "../../../notify";
import { requireAccess, requireRoleFor } from "../../../policy";
import { findConflicts } from "../../admission/experts/conflicts";
import { loadIncubation } from "../../incubation/incubations/load";
import { incubationClosed } from "../../incubation/plan/load";
import "./growth";
import { mentorEntries } from "./profiles";

type Create = z.output<typeof ZMentorshipCreate>;
type End = z.output<typeof ZMentorshipEnd>;

export async function listMentorships(db: Db, ctx: Context, incubationId: string): Promise<MentorshipList> {
  await loadIncubation(db, ctx, incubationId, "mentoring.read");
  const rows = await mentorshipRows(db).where(eq(mentorships.incubationId, incubationId));
  return { items: rows.map(entry) };
}

export async function assignMentor(
  db: Db,
  ctx: Context,
  incubationId: string,
  input: Create,
): Promise<MentorshipEntry> {
  return db.transaction(async (tx) => {
    const incubation = await loadIncubation(tx, ctx, incubationId, "mentor.manage", { lock: true });
    if (isIncubationClosed(incubation.status)) throw incubationClosed(ctx);
    if (
      input.endsOn < input.startsOn ||
      input.startsOn < incubation.startOn ||
      input.endsOn > incubation.plannedEndOn
    ) {
      throw fieldError("endsOn", "mentorship_span");
    }
    // The mentor's row locked: two pairings at once cannot both take the last place.
    const [mentor] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.mentorId), eq(users.baseId, incubation.baseId)))
      .for("update");
    const [profile] = mentor ? await mentorEntries(tx, incubation.baseId, input.mentorId) : [];
    if (!profile) throw fieldError("mentorId", "mentor_unknown");
    const [{ n: paired } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(mentorships)
      .where(
        and(
          eq(mentorships.incubationId, incubationId),
          eq(mentorships.mentorId, profile.id),
          eq(mentorships.status, "active"),
        ),
      );
    if (paired > 0) throw new AppError("mentorship_exists");
    if (!profile.active) throw new AppError("mentor_inactive");
    const conflicts = (
      await findConflicts(tx, incubation.baseId, [profile.id], [incubation.organizationId])
    ).filter((c) => c.kind !== "mentor");
    if (conflicts.length > 0) {
      throw new AppError("mentor_conflicted", {
        params: { kinds: [...new Set(conflicts.map((c) => c.kind))].join(", ") },
        details: { kinds: conflicts.map((c) => c.kind) },
      });
    }
    if (profile.load >= profile.capacity)
      throw new AppError("mentor_full", { params: { capacity: profile.capacity } });
    const [row] = await tx
      .insert(mentorships)
      .values({
        baseId: incubation.baseId,
        incubationId,
        organizationId: incubation.organizationId,
        mentorId: profile.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("mentorship not inserted");
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, incubation.organizationId));
    await recordAudit(tx, ctx, {
      baseId: incubation.baseId,
      action: "mentorship.create",
      entityType: "mentorship",
      entityId: row.id,
      after: { incubationId, mentorId: profile.id, startsOn: row.startsOn, endsOn: row.endsOn },
    });
    const params = {
      event: "paired",
      mentorName: profile.name,
      organizationName: org?.name ?? "",
      startsOn: row.startsOn,
      endsOn: row.endsOn,
    };
    await notify(tx, {
      baseId: incubation.baseId,
      recipients: { kind: "users", userIds: [profile.id] },
      kind: "mentorship",
      params,
      link: "/mentoring",
    });
    await notify(tx, {
      baseId: incubation.baseId,
      recipients: { kind: "organization", organizationId: incubation.organizationId },
      kind: "mentorship",
      params,
      link: `/incubations/${incubationId}/mentoring`,
    });
    await recordGrowth(tx, {
      baseId: incubation.baseId,
      organizationId: incubation.organizationId,
      incubationId,
      kind: "mentoring.paired",
      title: mentoringTitles.paired(profile.name),
      params: { mentor: profile.name, startsOn: row.startsOn, endsOn: row.endsOn },
      subjectId: row.id,
      actorName: ctx.actor.displayName,
    });
    const [saved] = await mentorshipRows(tx).where(eq(mentorships.id, row.id));
    return entry(saved as MentorshipRowView);
  });
}

export async function endMentorship(
  db: Db,
  ctx: Context,
  mentorshipId: string,
  input: End,
): Promise<MentorshipEntry> {
  requireRoleFor(ctx.actor, "mentor.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(mentorships).where(eq(mentorships.id, mentorshipId)).for("update");
    if (!row || row.baseId !== ctx.actor.baseId) throw notFound();
    requireAccess(ctx.actor, "mentor.manage", { baseId: row.baseId, organizationId: row.organizationId });
    if (row.version !== input.version) throw versionConflict(row.version);
    if (row.status === "ended") throw new AppError("mentorship_ended");
    if (input.endedOn < row.startsOn || input.endedOn > shanghaiDate(new Date())) {
      throw fieldError("endedOn", "ended_outside_span");
    }
    await tx
      .update(mentorships)
      .set({
        status: "ended",
        endedOn: input.endedOn,
        endReason: input.reason,
        endedBy: ctx.actor.userId,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(mentorships.id, mentorshipId));
    const [saved] = await mentorshipRows(tx).where(eq(mentorships.id, mentorshipId));
    const view = entry(saved as MentorshipRowView);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "mentorship.end",
      entityType: "mentorship",
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: "ended", endedOn: input.endedOn, reason: input.reason },
    });
    const params = {
      event: "ended",
      mentorName: view.mentorName,
      organizationName: view.organizationName,
      endedOn: input.endedOn,
      reason: input.reason,
    };
    await notify(tx, {
      baseId: row.baseId,
      recipients: { kind: "users", userIds: [row.mentorId] },
      kind: "mentorship",
      params,
      link: "/mentoring",
    });
    await notify(tx, {
      baseId: row.baseId,
      recipients: { kind: "organization", organizationId: row.organizationId },
      kind: "mentorship",
      params,
      link: `/incubations/${row.incubationId}/mentoring`,
    });
    await recordGrowth(tx, {
      baseId: row.baseId,
      organizationId: row.organizationId,
      incubationId: row.incubationId,
      kind: "mentoring.ended",
      title: mentoringTitles.ended(view.mentorName),
      params: { mentor: view.mentorName, endedOn: input.endedOn, note: input.reason },
      subjectId: row.id,
      actorName: ctx.actor.displayName,
    });
    return view;
  });
}

function mentorshipRows(db: Db) {
  return db
    .select({ m: mentorships, organizationName: organizations.name, mentorName: users.displayName })
    .from(mentorships)
    .innerJoin(organizations, eq(organizations.id, mentorships.organizationId))
    .innerJoin(users, eq(users.id, mentorships.mentorId))
    .orderBy(asc(mentorships.status), desc(mentorships.startsOn), asc(mentorships.id))
    .$dynamic();
}
type MentorshipRowView = Awaited<ReturnType<typeof mentorshipRows>>[number];

function entry(r: MentorshipRowView): MentorshipEntry {
  return {
    id: r.m.id,
    incubationId: r.m.incubationId,
    organizationId: r.m.organizationId,
    organizationName: r.organizationName,
    mentorId: r.m.mentorId,
    mentorName: r.mentorName,
    startsOn: r.m.startsOn,
    endsOn: r.m.endsOn,
    status: r.m.status,
    endedOn: r.m.endedOn,
    endReason: r.m.endReason,
    version: r.m.version,
    createdAt: r.m.createdAt.toISOString(),
  };
}

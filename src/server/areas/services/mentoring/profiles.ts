/**
 * Mentor profiles (导师档案): every account with the `mentor` role is a mentor of its base; its
 * profile (fields, skills, bio, availability, capacity, active) is written by staff or by the
 * mentor, at the version read (0 before the first save). The directory shows each mentor's load
 * (current mentorships), sessions and average rating in one statement.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { mentorProfiles, users } from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import type { MentorEntry, MentorList, ZMentorProfileInput } from "../../../../schemas/services/mentoring";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";

type ProfileInput = z.output<typeof ZMentorProfileInput>;

export async function listMentors(db: Db, ctx: Context): Promise<MentorList> {
  requireAccess(ctx.actor, "mentor.manage");
  return { items: await mentorEntries(db, ctx.actor.baseId) };
}

export async function getMentor(db: Db, ctx: Context, mentorId: string): Promise<MentorEntry> {
  requireAccess(ctx.actor, "mentor.manage");
  const [entry] = await mentorEntries(db, ctx.actor.baseId, mentorId);
  if (!entry) throw notFound();
  return entry;
}

export async function ownProfile(db: Db, ctx: Context): Promise<MentorEntry> {
  requireAccess(ctx.actor, "mentor.self");
  const [entry] = await mentorEntries(db, ctx.actor.baseId, ctx.actor.userId);
  if (!entry) throw notFound();
  return entry;
}

/** Staff save any mentor's profile of their base; a mentor (`self`) their own. */
export async function saveProfile(
  db: Db,
  ctx: Context,
  mentorId: string | "self",
  input: ProfileInput,
): Promise<MentorEntry> {
  requireAccess(ctx.actor, mentorId === "self" ? "mentor.self" : "mentor.manage");
  const id = mentorId === "self" ? ctx.actor.userId : mentorId;
  return db.transaction(async (tx) => {
    const [mentor] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, id), eq(users.baseId, ctx.actor.baseId), sql`'mentor' = any(${users.roles})`))
      .for("update");
    if (!mentor) throw notFound();
    const [found] = await tx.select().from(mentorProfiles).where(eq(mentorProfiles.userId, id)).for("update");
    if ((found?.version ?? 0) !== input.version) throw versionConflict(found?.version ?? 0);
    const values = {
      fields: input.fields,
      skills: input.skills,
      title: input.title,
      bio: input.bio,
      availability: input.availability,
      capacity: input.capacity,
      active: input.active,
    };
    if (found) {
      await tx
        .update(mentorProfiles)
        .set({ ...values, version: found.version + 1, updatedAt: new Date() })
        .where(eq(mentorProfiles.userId, id));
    } else {
      await tx.insert(mentorProfiles).values({ userId: id, baseId: ctx.actor.baseId, ...values });
    }
    await recordAudit(tx, ctx, {
      baseId: ctx.actor.baseId,
      action: "mentor.profile",
      entityType: "mentor",
      entityId: id,
      before: found
        ? { capacity: found.capacity, active: found.active, skills: found.skills, fields: found.fields }
        : undefined,
      after: {
        capacity: values.capacity,
        active: values.active,
        skills: values.skills,
        fields: values.fields,
      },
    });
    const [entry] = await mentorEntries(tx, ctx.actor.baseId, id);
    if (!entry) throw new AppError("not_found");
    return entry;
  });
}

/** The base's mentors (or one), with their profiles, loads, sessions and average rating. */
export async function mentorEntries(db: Db, baseId: string, mentorId?: string): Promise<MentorEntry[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.displayName,
      mobile: users.mobile,
      profile: mentorProfiles,
      load: sql<number>`(select count(*)::int from mentorships m where m.mentor_id = ${users.id} and m.status = 'active')`,
      sessions: sql<number>`(select count(*)::int from mentoring_sessions s where s.mentor_id = ${users.id} and s.status <> 'disputed')`,
      rating: sql<
        string | null
      >`(select round(avg(s.rating), 1) from mentoring_sessions s where s.mentor_id = ${users.id} and s.rating is not null)`,
    })
    .from(users)
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(
      and(
        eq(users.baseId, baseId),
        sql`'mentor' = any(${users.roles})`,
        eq(users.status, "active"),
        mentorId ? eq(users.id, mentorId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    mobile: maskMobile(r.mobile),
    fields: r.profile?.fields ?? [],
    skills: r.profile?.skills ?? [],
    title: r.profile?.title ?? "",
    bio: r.profile?.bio ?? "",
    availability: r.profile?.availability ?? "",
    capacity: r.profile?.capacity ?? 3,
    // A mentor without a profile is not offered until staff or the mentor fill it in.
    active: r.profile?.active ?? false,
    load: Number(r.load),
    sessions: Number(r.sessions),
    rating: r.rating === null ? null : Number(r.rating),
    version: r.profile?.version ?? 0,
  }));
}

/**
 * The staff's side of experts (expert.manage): the list (keyword, field, status), one expert's
 * detail (profile, invitations, every conflict), recording a conflict, and the candidate check
 * before inviting (which organizations a person with this mobile or email would conflict with).
 */
import { and, arrayContains, asc, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import {
  expertConflicts,
  expertInvitations,
  expertProfiles,
  organizations,
  users,
} from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import { maskMobile } from "../../../../domain/phone";
import type {
  CandidateConflicts,
  Conflict,
  ExpertDetail,
  ExpertPage,
  ZCandidateCheck,
  ZConflictInput,
  ZExpertQuery,
} from "../../../../schemas/admission/experts";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { detectConflicts } from "./conflicts";
import { conflictViews, loadExpertForStaff, organizationNames } from "./load";
import { profileOf, storeConflict } from "./profile";
import { selectInvitations, toInvitation } from "./view";

const conflictCount = sql<number>`(SELECT count(*)::int FROM ${expertConflicts} WHERE ${expertConflicts.expertId} = ${users.id})`;

function selectExperts(db: Db) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      mobile: users.mobile,
      email: users.email,
      status: users.status,
      fields: expertProfiles.fields,
      affiliation: expertProfiles.affiliation,
      title: expertProfiles.title,
      conflictCount,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id));
}
type ExpertColumns = Awaited<ReturnType<typeof selectExperts>>[number];

function toExpertRow(row: ExpertColumns) {
  return {
    ...row,
    mobile: maskMobile(row.mobile),
    fields: row.fields ?? [],
    conflictCount: Number(row.conflictCount ?? 0),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export async function listExperts(
  db: Db,
  ctx: Context,
  query: z.output<typeof ZExpertQuery>,
): Promise<ExpertPage> {
  requireAccess(ctx.actor, "expert.manage");
  const conditions: (SQL | undefined)[] = [
    eq(users.baseId, ctx.actor.baseId),
    sql`${users.roles} @> ARRAY['expert']::text[]`,
  ];
  const q = query.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    conditions.push(
      or(
        ilike(users.displayName, like),
        ilike(users.email, like),
        eq(users.mobile, q),
        ilike(expertProfiles.affiliation, like),
        ilike(expertProfiles.title, like),
      ),
    );
  }
  if (query.field) conditions.push(arrayContains(expertProfiles.fields, [query.field]));
  if (query.status) conditions.push(eq(users.status, query.status));
  const where = and(...conditions);
  const [totals] = await db
    .select({ total: count() })
    .from(users)
    .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
    .where(where);
  const rows = await selectExperts(db)
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map(toExpertRow),
    total: totals?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function expertDetail(db: Db, ctx: Context, id: string): Promise<ExpertDetail> {
  const expert = await loadExpertForStaff(db, ctx, id);
  const [row] = await selectExperts(db).where(eq(users.id, id));
  if (!row) throw new Error("expert vanished");
  const profile = await profileOf(db, id);
  const invitations = await selectInvitations(db)
    .where(and(eq(expertInvitations.baseId, expert.baseId), eq(expertInvitations.userId, id)))
    .orderBy(desc(expertInvitations.createdAt));
  const [own] = expert.organizationId
    ? await db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, expert.organizationId))
    : [];
  return {
    expert: toExpertRow(row),
    profile,
    bio: profile.bio,
    organizationName: own?.name ?? null,
    invitations: invitations.map(toInvitation),
    conflicts: await conflictViews(db, expert.baseId, expert),
  };
}

export async function recordConflict(
  db: Db,
  ctx: Context,
  expertId: string,
  input: z.output<typeof ZConflictInput>,
): Promise<Conflict> {
  const expert = await loadExpertForStaff(db, ctx, expertId);
  return storeConflict(db, ctx, expert.id, "staff", input);
}

/**
 * The candidate check before inviting: which organizations of the base a person with this
 * mobile and email would conflict with (membership of an existing account, a shared phone, a
 * shared non-public email domain, a link through the hub organization), and whether an account
 * with that mobile or email exists already.
 */
export async function checkCandidate(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZCandidateCheck>,
): Promise<CandidateConflicts> {
  requireAccess(ctx.actor, "expert.manage");
  const mobile = input.mobile ?? null;
  const email = input.email ?? null;
  const accounts = await db
    .select({ id: users.id, baseId: users.baseId, organizationId: users.organizationId })
    .from(users)
    .where(
      or(
        mobile ? eq(users.mobile, mobile) : undefined,
        email ? eq(sql`lower(${users.email})`, email.toLowerCase()) : undefined,
      ),
    );
  const here = accounts.filter((a) => a.baseId === ctx.actor.baseId);
  const people = [
    { key: "candidate", mobile, email, organizationId: null },
    ...here.map((a) => ({ key: a.id, mobile, email, organizationId: a.organizationId })),
  ];
  const found = await detectConflicts(db, ctx.actor.baseId, people, "all");
  const names = await organizationNames(
    db,
    found.map((f) => f.organizationId),
  );
  const seen = new Set<string>();
  const conflicts: Conflict[] = [];
  for (const f of found) {
    const id = `${f.organizationId}|${f.kind}|${f.reason}`;
    if (seen.has(id)) continue;
    seen.add(id);
    conflicts.push({
      id: null,
      organizationId: f.organizationId,
      organizationName: names.get(f.organizationId) ?? "",
      kind: f.kind,
      reason: f.reason,
      createdAt: null,
    });
  }
  return {
    conflicts,
    existingAccount: here.length > 0 ? "this_base" : accounts.length > 0 ? "other_base" : "none",
  };
}

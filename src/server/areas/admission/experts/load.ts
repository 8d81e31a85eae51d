/** Loading an expert for a staff action, and an expert's conflicts as the pages show them. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { expertConflicts, organizations, users } from "../../../../db/schema";
import type { Conflict } from "../../../../schemas/admission/experts";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { conflictsOfExpert } from "./conflicts";

export type UserRow = typeof users.$inferSelect;

/** An expert's account for a staff action: 403 for a role without it, 404 for another base or a non-expert. */
export async function loadExpertForStaff(db: Db, ctx: Context, id: string): Promise<UserRow> {
  requireRoleFor(ctx.actor, "expert.manage");
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user?.roles.includes("expert")) throw notFound();
  requireAccess(ctx.actor, "expert.manage", { baseId: user.baseId });
  return user;
}

/** Every conflict of one expert in the base: stored (with id and date) and detected, with names. */
export async function conflictViews(db: Db, baseId: string, expert: UserRow): Promise<Conflict[]> {
  const stored = await db
    .select({
      id: expertConflicts.id,
      organizationId: expertConflicts.organizationId,
      kind: expertConflicts.source,
      reason: expertConflicts.reason,
      createdAt: expertConflicts.createdAt,
    })
    .from(expertConflicts)
    .where(and(eq(expertConflicts.baseId, baseId), eq(expertConflicts.expertId, expert.id)));
  const found = await conflictsOfExpert(db, baseId, {
    key: expert.id,
    mobile: expert.mobile,
    email: expert.email,
    organizationId: expert.organizationId,
  });
  const detected = found.filter((f) => f.kind !== "declared" && f.kind !== "staff");
  const names = await organizationNames(db, [
    ...stored.map((s) => s.organizationId),
    ...detected.map((d) => d.organizationId),
  ]);
  return [
    ...stored.map((s) => ({
      ...s,
      organizationName: names.get(s.organizationId) ?? "",
      createdAt: s.createdAt.toISOString(),
    })),
    ...detected.map((d) => ({
      id: null,
      organizationId: d.organizationId,
      organizationName: names.get(d.organizationId) ?? "",
      kind: d.kind,
      reason: d.reason,
      createdAt: null,
    })),
  ];
}

export async function organizationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An organization of the actor's base, or 404 (the field names it). */
export async function organizationOfBase(db: Db, baseId: string, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.baseId, baseId)));
  if (!row) throw notFound();
  return row;
}

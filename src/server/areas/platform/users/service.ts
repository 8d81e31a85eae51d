/**
 * User administration: an administrator lists, creates and edits the accounts of their own base.
 * Every change writes an audit entry (before → after) in the transaction of the change.
 */
import { and, arrayContains, asc, count, desc, eq, ilike, ne, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { organizations, partners, towns, users } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import { maskMobile } from "../../../../domain/phone";
import type { Role } from "../../../../domain/roles";
import { FIELD_LABELS } from "../../../../schemas/messages";
import type { User, ZUserCreate, ZUserQuery, ZUserUpdate } from "../../../../schemas/platform/users";
import { changedFields, recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { assertPasswordPolicy, hashPassword } from "../../../passwords";
import { requireAccess } from "../../../policy";
import { requireListScope, scopeWhere } from "../../../scope";
import { auditSnapshot, selectUsers, toUser, type UserRow, userView } from "./view";

type UserQuery = z.output<typeof ZUserQuery>;
type UserCreate = z.output<typeof ZUserCreate>;
type UserUpdate = z.output<typeof ZUserUpdate>;

export async function listUsers(db: Db, ctx: Context, query: UserQuery) {
  const scope = requireListScope(ctx.actor, "user.manage");
  const conditions: (SQL | undefined)[] = [scopeWhere(scope, { baseId: users.baseId })];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.mobile, pattern)),
    );
  }
  if (query.role) conditions.push(arrayContains(users.roles, [query.role]));
  if (query.status) conditions.push(eq(users.status, query.status));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const rows = await selectUsers(db)
    .where(where)
    .orderBy(desc(users.createdAt), asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toUser), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Db, ctx: Context, id: string): Promise<User> {
  requireAccess(ctx.actor, "user.manage");
  const [row] = await db.select({ baseId: users.baseId }).from(users).where(eq(users.id, id));
  if (!row) throw notFound();
  requireAccess(ctx.actor, "user.manage", { baseId: row.baseId });
  return userView(db, id);
}

/** New accounts start with a password the administrator chose, so they must change it first. */
export async function createUser(db: Db, ctx: Context, input: UserCreate): Promise<User> {
  requireAccess(ctx.actor, "user.manage");
  assertPasswordPolicy(input.password, [input.username, input.mobile], ctx.lang, "password");
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const roles = uniqueRoles(input.roles);
    const organizationId = await linkedOrganization(tx, ctx, roles, input.organizationId ?? null);
    const townId = await liaisonTown(tx, ctx, roles, input.townId ?? null);
    const partnerId = await linkedPartner(tx, ctx, roles, input.partnerId ?? null, null);
    await assertUnique(tx, ctx, { username: input.username, mobile: input.mobile ?? null });
    const [created] = await tx
      .insert(users)
      .values({
        baseId: ctx.actor.baseId,
        username: input.username,
        displayName: input.displayName,
        mobile: input.mobile ?? null,
        email: input.email ?? null,
        roles,
        organizationId,
        townId,
        partnerId,
        passwordHash,
        mustChangePassword: true,
      })
      .returning()
      .catch(rethrowDuplicate(ctx));
    if (!created) throw new Error("user insert returned nothing");
    await recordAudit(tx, ctx, {
      baseId: created.baseId,
      action: "user.created",
      entityType: "user",
      entityId: created.id,
      after: auditSnapshot(created),
    });
    return created.id;
  });
  return userView(db, id);
}

/**
 * Profile, roles, organization link and town. `mobile`/`email` left out mean "unchanged" (the
 * list only ever shows the mobile masked); the link is dropped with the organization member
 * role, the town with the liaison role.
 */
export async function updateUser(db: Db, ctx: Context, id: string, input: UserUpdate): Promise<User> {
  requireAccess(ctx.actor, "user.manage");
  await db.transaction(async (tx) => {
    const before = await loadForChange(tx, ctx, id, input.version);
    const roles = uniqueRoles(input.roles);
    if (before.id === ctx.actor.userId && before.roles.includes("admin") && !roles.includes("admin")) {
      throw fieldError("roles", "cannot_remove_own_admin");
    }
    const requested =
      input.organizationId === undefined
        ? roles.includes("org_member")
          ? before.organizationId
          : null
        : input.organizationId;
    const organizationId = await linkedOrganization(tx, ctx, roles, requested);
    const townId = await liaisonTown(
      tx,
      ctx,
      roles,
      input.townId === undefined
        ? roles.includes("community_liaison")
          ? before.townId
          : null
        : input.townId,
    );
    const partnerId = await linkedPartner(
      tx,
      ctx,
      roles,
      input.partnerId === undefined ? (roles.includes("partner") ? before.partnerId : null) : input.partnerId,
      before.partnerId,
    );
    const mobile = keptOrGiven(before.mobile, input.mobile);
    await assertUnique(tx, ctx, { mobile }, before.id);
    const [after] = await tx
      .update(users)
      .set({
        displayName: input.displayName,
        mobile,
        // A number typed in by an administrator is not proven to be the user's.
        mobileConfirmedAt: mobile === before.mobile ? before.mobileConfirmedAt : null,
        email: input.email === undefined ? before.email : input.email,
        roles,
        organizationId,
        townId,
        partnerId,
        version: sql`${users.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning()
      .catch(rethrowDuplicate(ctx));
    if (!after) throw versionConflict(before.version);
    await recordAudit(tx, ctx, {
      baseId: before.baseId,
      action: "user.updated",
      entityType: "user",
      entityId: id,
      ...changedFields(auditSnapshot(before), auditSnapshot(after)),
    });
  });
  return userView(db, id);
}

/**
 * Whether the actor may change this (locked) account; throws 403/404 when not. Administrators:
 * any account of their base. Other areas pass their own (staff change individuals, people/).
 */
export type AccountGuard = (row: UserRow) => void;

/**
 * The row about to change, locked for the transaction: 404 when it does not exist or the guard
 * says it is not there for the actor (another base's), 409 when the client edited an older version.
 */
export async function loadForChange(
  tx: Db,
  ctx: Context,
  id: string,
  version: number,
  guard: AccountGuard = (row) => requireAccess(ctx.actor, "user.manage", { baseId: row.baseId }),
): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  if (!row) throw notFound();
  guard(row);
  if (row.version !== version) throw versionConflict(row.version);
  return row;
}

/** The form gets the mobile masked; sent back as it was (or left out), it stays what it is. */
export function keptOrGiven(current: string | null, given: string | null | undefined): string | null {
  if (given === undefined) return current;
  if (given?.includes("*")) {
    if (given !== maskMobile(current)) throw fieldError("mobile", "mobile_invalid");
    return current;
  }
  return given;
}

function uniqueRoles(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

/** An organization member must be linked to an organization of the base; nobody else may be. */
async function linkedOrganization(
  tx: Db,
  ctx: Context,
  roles: Role[],
  organizationId: string | null,
): Promise<string | null> {
  if (!roles.includes("org_member")) {
    if (organizationId) throw fieldError("organizationId", "organization_only_for_members");
    return null;
  }
  if (!organizationId) throw fieldError("organizationId", "organization_required");
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.baseId, ctx.actor.baseId)));
  if (!org) throw fieldError("organizationId", "unknown_reference");
  return org.id;
}

/**
 * A partner user works for a partner of the base (it sees only what concerns it); nobody else is
 * linked to one. An archived partner takes no new accounts, but keeps the ones it has.
 */
async function linkedPartner(
  tx: Db,
  ctx: Context,
  roles: Role[],
  partnerId: string | null,
  current: string | null,
): Promise<string | null> {
  if (!roles.includes("partner")) {
    if (partnerId) throw fieldError("partnerId", "partner_not_allowed");
    return null;
  }
  if (!partnerId) throw fieldError("partnerId", "partner_required");
  const [partner] = await tx
    .select({ id: partners.id, status: partners.status })
    .from(partners)
    .where(and(eq(partners.id, partnerId), eq(partners.baseId, ctx.actor.baseId)));
  if (!partner) throw fieldError("partnerId", "unknown_reference");
  if (partner.status === "archived" && partner.id !== current)
    throw fieldError("partnerId", "partner_archived");
  return partner.id;
}

/** A community liaison belongs to a town of the base (their figures are its); nobody else does. */
async function liaisonTown(
  tx: Db,
  ctx: Context,
  roles: Role[],
  townId: string | null,
): Promise<string | null> {
  if (!roles.includes("community_liaison")) {
    if (townId) throw fieldError("townId", "town_only_for_liaisons");
    return null;
  }
  if (!townId) throw fieldError("townId", "town_required");
  const [town] = await tx
    .select({ id: towns.id })
    .from(towns)
    .where(and(eq(towns.id, townId), eq(towns.baseId, ctx.actor.baseId)));
  if (!town) throw fieldError("townId", "unknown_reference");
  return town.id;
}

/** Sign-in is by account name or mobile across the installation, so both are unique everywhere. */
async function assertUnique(
  tx: Db,
  ctx: Context,
  values: { username?: string; mobile?: string | null },
  exceptId?: string,
): Promise<void> {
  const others = exceptId ? ne(users.id, exceptId) : undefined;
  if (values.username) {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(sql`lower(${users.username})`, values.username.toLowerCase()), others));
    if (taken) throw duplicate(ctx, "username");
  }
  if (values.mobile) {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.mobile, values.mobile), others));
    if (taken) throw duplicate(ctx, "mobile");
  }
}

function duplicate(ctx: Context, field: keyof typeof FIELD_LABELS): AppError {
  return new AppError("duplicate", { field, params: { label: FIELD_LABELS[field][ctx.lang] } });
}

/** Two administrators creating the same name at once: the unique index decides, with the field. */
function rethrowDuplicate(ctx: Context) {
  return (error: unknown): never => {
    const cause = (error as { cause?: { code?: string; constraint?: string; message?: string } }).cause;
    if (cause?.code === "23505") {
      const name = `${cause.constraint ?? ""} ${cause.message ?? ""}`;
      if (name.includes("users_username")) throw duplicate(ctx, "username");
      if (name.includes("users_mobile")) throw duplicate(ctx, "mobile");
    }
    throw error;
  };
}

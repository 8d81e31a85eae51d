/**
 * Partners (合作伙伴): staff list, create, edit, archive and restore the base's partners; a
 * partner's page lists its users. A partner user reads its own partner's record, and any other
 * partner does not exist for it (404). The contact phone is masked as an organization's is.
 */
import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { partners, users } from "../../../../db/schema";
import { escapeLike, isUniqueViolation } from "../../../../db/sql-text";
import type { PartnerStatus } from "../../../../domain/partner";
import { isMaskedMobile, maskMobile } from "../../../../domain/phone";
import type {
  PartnerEntry,
  PartnerInput,
  PartnerListState,
  PartnerPage,
  PartnerUpdate,
  PartnerView,
} from "../../../../schemas/services/partners";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, notFound, versionConflict } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

type PartnerRow = typeof partners.$inferSelect;

const userCount = sql<number>`(select count(*)::int from ${users} u where u.partner_id = ${partners.id})`;

function toEntry(row: PartnerRow, users: number): PartnerEntry {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contactName: row.contactName,
    contactPhone: maskMobile(row.contactPhone),
    email: row.email,
    status: row.status,
    userCount: users,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listPartners(db: Db, ctx: Context, query: PartnerListState): Promise<PartnerPage> {
  requireAccess(ctx.actor, "partner.manage");
  const { page, pageSize } = query;
  const conditions: (SQL | undefined)[] = [eq(partners.baseId, ctx.actor.baseId)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(partners.name, pattern), ilike(partners.contactName, pattern)));
  }
  if (query.kind) conditions.push(eq(partners.kind, query.kind));
  if (query.status) conditions.push(eq(partners.status, query.status));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(partners).where(where);
  const rows = await db
    .select({ partner: partners, users: userCount })
    .from(partners)
    .where(where)
    .orderBy(asc(partners.status), asc(partners.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map((r) => toEntry(r.partner, r.users)), total: total?.n ?? 0, page, pageSize };
}

/** The partner `id` as the actor may read it: 404 for another base's, or another partner's user. */
async function readable(db: Db, ctx: Context, id: string): Promise<PartnerRow> {
  requireRoleFor(ctx.actor, "partner.read");
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  if (!row) throw notFound();
  requireAccess(ctx.actor, "partner.read", { baseId: row.baseId, partnerId: row.id });
  return row;
}

export async function getPartner(db: Db, ctx: Context, id: string): Promise<PartnerView> {
  const row = await readable(db, ctx, id);
  const members = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      mobile: users.mobile,
      status: users.status,
    })
    .from(users)
    .where(eq(users.partnerId, id))
    .orderBy(asc(users.displayName));
  return {
    ...toEntry(row, members.length),
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    users: members.map((u) => ({ ...u, mobile: maskMobile(u.mobile) })),
  };
}

/** The unmasked phone, for staff who are about to call. */
export async function revealPartnerContact(db: Db, ctx: Context, id: string) {
  requireRoleFor(ctx.actor, "partner.manage");
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  if (!row) throw notFound();
  requireAccess(ctx.actor, "partner.manage", { baseId: row.baseId, partnerId: row.id });
  return { contactPhone: row.contactPhone };
}

const nameTaken = () => fieldError("name", "partner_name_taken");

export async function createPartner(db: Db, ctx: Context, input: PartnerInput): Promise<PartnerView> {
  requireAccess(ctx.actor, "partner.manage");
  const values = {
    name: input.name,
    kind: input.kind,
    contactName: input.contactName ?? null,
    contactPhone: (input.contactPhone as string | null | undefined) ?? null,
    email: input.email ?? null,
    description: input.description ?? null,
  };
  try {
    const id = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(partners)
        .values({ baseId: ctx.actor.baseId, ...values })
        .returning({ id: partners.id });
      if (!created) throw new Error("partner insert returned nothing");
      await recordAudit(tx, ctx, {
        baseId: ctx.actor.baseId,
        action: "partner.created",
        entityType: "partner",
        entityId: created.id,
        after: { ...values, contactPhone: maskMobile(values.contactPhone) },
      });
      return created.id;
    });
    return getPartner(db, ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

async function managed(tx: Db, ctx: Context, id: string): Promise<PartnerRow> {
  requireRoleFor(ctx.actor, "partner.manage");
  const [row] = await tx.select().from(partners).where(eq(partners.id, id)).for("update");
  if (!row) throw notFound();
  requireAccess(ctx.actor, "partner.manage", { baseId: row.baseId, partnerId: row.id });
  return row;
}

export async function updatePartner(
  db: Db,
  ctx: Context,
  id: string,
  input: PartnerUpdate,
): Promise<PartnerView> {
  try {
    await db.transaction(async (tx) => {
      const before = await managed(tx, ctx, id);
      if (before.version !== input.version) throw versionConflict(before.version);
      const phone = input.contactPhone as string | null | undefined;
      const values = {
        name: input.name,
        kind: input.kind,
        contactName: input.contactName === undefined ? before.contactName : (input.contactName ?? null),
        contactPhone: phone === undefined || (phone && isMaskedMobile(phone)) ? before.contactPhone : phone,
        email: input.email === undefined ? before.email : input.email,
        description: input.description === undefined ? before.description : (input.description ?? null),
      };
      const [updated] = await tx
        .update(partners)
        .set({ ...values, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(partners.id, id), eq(partners.version, before.version)))
        .returning({ id: partners.id });
      if (!updated) throw versionConflict(before.version);
      await recordAudit(tx, ctx, {
        baseId: before.baseId,
        action: "partner.updated",
        entityType: "partner",
        entityId: id,
        before: { ...before, contactPhone: maskMobile(before.contactPhone) },
        after: { ...values, contactPhone: maskMobile(values.contactPhone) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return getPartner(db, ctx, id);
}

/** Archived: keeps its history and its users, takes no new accounts or work; restoring undoes it. */
export async function setPartnerStatus(
  db: Db,
  ctx: Context,
  id: string,
  status: PartnerStatus,
  version: number,
): Promise<PartnerView> {
  await db.transaction(async (tx) => {
    const before = await managed(tx, ctx, id);
    if (before.version !== version) throw versionConflict(before.version);
    if (before.status === status) return;
    await tx
      .update(partners)
      .set({ status, version: before.version + 1, updatedAt: new Date() })
      .where(eq(partners.id, id));
    await recordAudit(tx, ctx, {
      baseId: before.baseId,
      action: status === "archived" ? "partner.archived" : "partner.restored",
      entityType: "partner",
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
  });
  return getPartner(db, ctx, id);
}

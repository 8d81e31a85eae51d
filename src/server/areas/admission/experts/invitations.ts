/**
 * Staff invite external experts (邀请评审专家): an invitation row with the link token's SHA-256,
 * queued by text and/or email in the same transaction; list, resend (a new token: the old link
 * dies, since only one hash is kept), withdraw.
 */
import { and, count, desc, eq, gt, ilike, lte, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { bases, expertInvitations } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import {
  INVITATION_DAYS_DEFAULT,
  type InvitationPage,
  type InvitationSent,
  type ZInvitationCreate,
  type ZInvitationQuery,
} from "../../../../schemas/admission/experts";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { joinLink, queueInvitation } from "./delivery";
import { newLinkToken } from "./tokens";
import { selectInvitations, toInvitation } from "./view";

const DAY = 24 * 3_600_000;

export async function inviteExpert(
  db: Db,
  ctx: Context,
  origin: string,
  input: z.output<typeof ZInvitationCreate>,
): Promise<InvitationSent> {
  requireAccess(ctx.actor, "expert.manage");
  const baseName = await baseNameOf(db, ctx.actor.baseId);
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(Date.now() + (input.days ?? INVITATION_DAYS_DEFAULT) * DAY);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(expertInvitations)
      .values({
        baseId: ctx.actor.baseId,
        tokenHash: hash,
        name: input.name,
        mobile: input.mobile ?? null,
        email: input.email ?? null,
        fields: input.fields,
        message: input.message ?? null,
        expiresAt,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("invitation insert returned nothing");
    const sent = await queueInvitation(tx, {
      baseId: row.baseId,
      baseName,
      name: row.name,
      mobile: row.mobile,
      email: row.email,
      message: row.message,
      expiresAt,
      link: joinLink(origin, token),
    });
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "expert.invited",
      entityType: "expert_invitation",
      entityId: row.id,
      after: { name: row.name, mobile: row.mobile, email: row.email, fields: row.fields, expiresAt },
    });
    return {
      invitation: toInvitation({ invitation: row, createdByName: ctx.actor.displayName }),
      sentBySms: sent.sms,
      sentByEmail: sent.email,
    };
  });
}

export async function listInvitations(
  db: Db,
  ctx: Context,
  query: z.output<typeof ZInvitationQuery>,
): Promise<InvitationPage> {
  requireAccess(ctx.actor, "expert.manage");
  const conditions: (SQL | undefined)[] = [eq(expertInvitations.baseId, ctx.actor.baseId)];
  const now = new Date();
  if (query.status === "expired") {
    conditions.push(eq(expertInvitations.status, "sent"), lte(expertInvitations.expiresAt, now));
  } else if (query.status === "sent") {
    conditions.push(eq(expertInvitations.status, "sent"), gt(expertInvitations.expiresAt, now));
  } else if (query.status) {
    conditions.push(eq(expertInvitations.status, query.status));
  }
  const q = query.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    conditions.push(
      or(
        ilike(expertInvitations.name, like),
        ilike(expertInvitations.email, like),
        eq(expertInvitations.mobile, q),
      ),
    );
  }
  const where = and(...conditions);
  const [totals] = await db.select({ total: count() }).from(expertInvitations).where(where);
  const rows = await selectInvitations(db)
    .where(where)
    .orderBy(desc(expertInvitations.createdAt), desc(expertInvitations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map(toInvitation),
    total: totals?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A new link for an open invitation (sent or expired): the old token stops working. */
export async function resendInvitation(
  db: Db,
  ctx: Context,
  origin: string,
  id: string,
  days: number,
): Promise<InvitationSent> {
  requireRoleFor(ctx.actor, "expert.manage");
  const current = await loadInvitation(db, id);
  requireAccess(ctx.actor, "expert.manage", { baseId: current.baseId });
  if (current.status !== "sent")
    throw new AppError("invitation_not_open", { details: { status: current.status } });
  const baseName = await baseNameOf(db, current.baseId);
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(Date.now() + days * DAY);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(expertInvitations)
      .set({ tokenHash: hash, expiresAt })
      .where(and(eq(expertInvitations.id, id), eq(expertInvitations.status, "sent")))
      .returning();
    if (!row) throw new AppError("invitation_not_open");
    const sent = await queueInvitation(tx, {
      baseId: row.baseId,
      baseName,
      name: row.name,
      mobile: row.mobile,
      email: row.email,
      message: row.message,
      expiresAt,
      link: joinLink(origin, token),
    });
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "expert.invitation_resent",
      entityType: "expert_invitation",
      entityId: row.id,
      before: { expiresAt: current.expiresAt },
      after: { expiresAt },
    });
    const [view] = await selectInvitations(tx).where(eq(expertInvitations.id, id));
    return {
      invitation: toInvitation(view ?? { invitation: row, createdByName: null }),
      sentBySms: sent.sms,
      sentByEmail: sent.email,
    };
  });
}

export async function revokeInvitation(db: Db, ctx: Context, id: string) {
  requireRoleFor(ctx.actor, "expert.manage");
  const current = await loadInvitation(db, id);
  requireAccess(ctx.actor, "expert.manage", { baseId: current.baseId });
  if (current.status !== "sent")
    throw new AppError("invitation_not_open", { details: { status: current.status } });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(expertInvitations)
      .set({ status: "revoked" })
      .where(and(eq(expertInvitations.id, id), eq(expertInvitations.status, "sent")))
      .returning();
    if (!row) throw new AppError("invitation_not_open");
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "expert.invitation_revoked",
      entityType: "expert_invitation",
      entityId: row.id,
      before: { status: "sent" },
      after: { status: "revoked" },
    });
    const [view] = await selectInvitations(tx).where(eq(expertInvitations.id, id));
    return toInvitation(view ?? { invitation: row, createdByName: null });
  });
}

async function loadInvitation(db: Db, id: string) {
  const [row] = await db.select().from(expertInvitations).where(eq(expertInvitations.id, id));
  if (!row) throw notFound();
  return row;
}

export async function baseNameOf(db: Db, baseId: string): Promise<string> {
  const [row] = await db.select({ name: bases.name }).from(bases).where(eq(bases.id, baseId));
  return row?.name ?? "";
}

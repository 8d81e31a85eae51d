/**
 * Funds (资金): the base's seed fund, its project grants and its partners' funds in the fund
 * alliance. Staff create, edit (versioned; the capacity never below what is committed) and close
 * them; a partner user reads its own partner's funds. Committed, disbursed and available are
 * computed in SQL (./figures.ts), never stored.
 */
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { funds, partners } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { formatFen } from "../../../../domain/funding/money";
import { hasRole } from "../../../../domain/roles";
import type { Fund, FundInput, FundList, FundQuery, FundUpdate } from "../../../../schemas/funding/funds";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { requireListScope } from "../../../scope";
import { committedFenSql, disbursedFenSql, grantCountSql } from "./figures";

const nameTaken = () => fieldError("name", "fund_name_taken");

function selectFunds(db: Db) {
  return db
    .select({
      f: funds,
      partnerName: partners.name,
      committedFen: committedFenSql,
      disbursedFen: disbursedFenSql,
      grantCount: grantCountSql,
    })
    .from(funds)
    .leftJoin(partners, eq(partners.id, funds.partnerId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectFunds>["execute"]>>[number];

function toFund(row: Row): Fund {
  const f = row.f;
  return {
    id: f.id,
    kind: f.kind,
    name: f.name,
    partnerId: f.partnerId,
    partnerName: row.partnerName,
    capacityFen: f.capacityFen,
    committedFen: row.committedFen,
    disbursedFen: row.disbursedFen,
    availableFen: f.capacityFen - row.committedFen,
    grantCount: row.grantCount,
    year: f.year,
    description: f.description,
    status: f.status,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
  };
}

/** Funds are the base's (staff) or a partner's own (its users); members and others may not list them. */
function fundScope(ctx: Context): SQL | undefined {
  const scope = requireListScope(ctx.actor, "funding.list");
  if (scope.kind === "partner")
    return scope.partnerId
      ? and(eq(funds.baseId, scope.baseId), eq(funds.partnerId, scope.partnerId))
      : sql`false`;
  if (!hasRole(ctx.actor, "admin", "staff")) throw new AppError("forbidden");
  return eq(funds.baseId, ctx.actor.baseId);
}

export async function listFunds(db: Db, ctx: Context, query: FundQuery): Promise<FundList> {
  const where = and(
    fundScope(ctx),
    query.kind ? eq(funds.kind, query.kind) : undefined,
    query.status ? eq(funds.status, query.status) : undefined,
  );
  const rows = await selectFunds(db)
    .where(where)
    .orderBy(asc(funds.status), desc(funds.year), asc(funds.kind), asc(funds.name));
  return { items: rows.map(toFund) };
}

export async function getFund(db: Db, ctx: Context, id: string): Promise<Fund> {
  if (!hasRole(ctx.actor, "admin", "staff", "partner")) throw new AppError("forbidden");
  const [row] = await selectFunds(db).where(eq(funds.id, id)).limit(1);
  if (!row) throw notFound();
  requireAccess(ctx.actor, "funding.read", { baseId: row.f.baseId, partnerId: row.f.partnerId });
  return toFund(row);
}

/** A partner's fund belongs to an active partner of the base. */
async function checkPartner(tx: Db, ctx: Context, input: FundInput): Promise<void> {
  const needsPartner = input.kind === "partner_fund";
  if (needsPartner !== Boolean(input.partnerId)) throw fieldError("partnerId", "fund_partner_required");
  if (!input.partnerId) return;
  const [partner] = await tx
    .select({ status: partners.status })
    .from(partners)
    .where(and(eq(partners.id, input.partnerId), eq(partners.baseId, ctx.actor.baseId)));
  if (partner?.status !== "active") throw fieldError("partnerId", "fund_partner_inactive");
}

export async function createFund(db: Db, ctx: Context, input: FundInput): Promise<Fund> {
  requireAccess(ctx.actor, "funding.manage");
  const baseId = ctx.actor.baseId;
  try {
    const id = await db.transaction(async (tx) => {
      await checkPartner(tx, ctx, input);
      const values = {
        kind: input.kind,
        name: input.name,
        partnerId: input.partnerId ?? null,
        capacityFen: input.capacityFen,
        year: input.year ?? null,
        description: input.description ?? "",
      };
      const [row] = await tx
        .insert(funds)
        .values({ baseId, ...values })
        .returning({ id: funds.id });
      if (!row) throw new Error("fund insert returned nothing");
      await recordAudit(tx, ctx, {
        baseId,
        action: "fund.created",
        entityType: "fund",
        entityId: row.id,
        after: values,
      });
      return row.id;
    });
    return getFund(db, ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** The fund locked for a change, with what it has committed now (under the same lock). */
async function lockFund(tx: Db, ctx: Context, id: string, version: number) {
  requireAccess(ctx.actor, "funding.manage");
  const [locked] = await tx
    .select({ id: funds.id })
    .from(funds)
    .where(and(eq(funds.id, id), eq(funds.baseId, ctx.actor.baseId)))
    .for("update");
  if (!locked) throw notFound();
  const [row] = await selectFunds(tx).where(eq(funds.id, id));
  if (!row) throw notFound();
  if (row.f.version !== version) throw versionConflict(row.f.version);
  if (row.f.status === "closed") throw new AppError("fund_closed", { details: { currentStatus: "closed" } });
  return row;
}

export async function updateFund(db: Db, ctx: Context, id: string, input: FundUpdate): Promise<Fund> {
  try {
    await db.transaction(async (tx) => {
      const before = await lockFund(tx, ctx, id, input.version);
      // Grants approved from this fund already hold their money: the capacity cannot drop below it.
      if (input.capacityFen < before.committedFen)
        throw fieldError("capacityFen", "fund_capacity_below_committed", {
          committed: formatFen(before.committedFen),
        });
      const after = {
        name: input.name,
        capacityFen: input.capacityFen,
        year: input.year ?? null,
        description: input.description ?? "",
      };
      await tx
        .update(funds)
        .set({ ...after, version: before.f.version + 1, updatedAt: new Date() })
        .where(eq(funds.id, id));
      await recordAudit(tx, ctx, {
        baseId: before.f.baseId,
        action: "fund.updated",
        entityType: "fund",
        entityId: id,
        before: {
          name: before.f.name,
          capacityFen: before.f.capacityFen,
          year: before.f.year,
          description: before.f.description,
        },
        after,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return getFund(db, ctx, id);
}

/** Closed: takes no new grants (the grants work checks the status); its grants run on. */
export async function closeFund(db: Db, ctx: Context, id: string, version: number): Promise<Fund> {
  await db.transaction(async (tx) => {
    const before = await lockFund(tx, ctx, id, version);
    await tx
      .update(funds)
      .set({ status: "closed", version: before.f.version + 1, updatedAt: new Date() })
      .where(eq(funds.id, id));
    await recordAudit(tx, ctx, {
      baseId: before.f.baseId,
      action: "fund.closed",
      entityType: "fund",
      entityId: id,
      before: { status: "active" },
      after: { status: "closed" },
    });
  });
  return getFund(db, ctx, id);
}

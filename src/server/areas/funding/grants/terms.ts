/**
 * A grant's terms and the money rules they must keep: budget lines and tranches each add up to
 * the amount, a `milestone_met` tranche names a milestone, the fund has room, and a project's
 * project grants (proposed or committed, never cancelled) stay within the base's cap, so that
 * splitting a grant in two does not get round it. Callers hold the project's row (and at approval
 * the fund's) FOR UPDATE, so two proposals for one project are checked one after the other.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import {
  fundingSettings,
  funds,
  grantBudgetLines,
  grantMilestones,
  grants,
  grantTranches,
} from "../../../../db/schema";
import { COMMITTED_GRANT_STATUSES, type GrantStatus } from "../../../../domain/funding/grant";
import { DEFAULT_PROJECT_GRANT_CAP_FEN, formatFen, sumFen } from "../../../../domain/funding/money";
import type { ZGrantUpdate } from "../../../../schemas/funding/grants";
import { AppError, fieldError } from "../../../errors";

export type Terms = Omit<z.output<typeof ZGrantUpdate>, "version">;

/** Statuses whose amount uses up the project's cap: the committed ones and the proposals. */
const CAP_STATUSES: GrantStatus[] = ["proposed", ...COMMITTED_GRANT_STATUSES];

/** 400 for the first term that breaks a rule of its own (no database needed). */
export function checkTerms(terms: Terms): void {
  if (terms.endsOn < terms.startsOn) throw fieldError("endsOn", "ends_before_start");
  const money = { amount: formatFen(terms.amountFen) };
  const lines = sumFen(terms.budgetLines.map((l) => l.amountFen));
  if (lines !== terms.amountFen)
    throw fieldError("budgetLines", "fen_sum_mismatch", { ...money, sum: formatFen(lines) });
  const tranches = sumFen(terms.tranches.map((t) => t.amountFen));
  if (tranches !== terms.amountFen)
    throw fieldError("tranches", "fen_sum_mismatch", { ...money, sum: formatFen(tranches) });
  terms.tranches.forEach((t, i) => {
    if (t.condition !== "milestone_met") return;
    if (t.milestoneIndex == null || t.milestoneIndex >= terms.milestones.length)
      throw fieldError(`tranches.${i}.milestoneIndex`, "milestone_required");
  });
}

/** The base's cap on a project's project grants, in fen. */
export async function projectGrantCap(tx: Db, baseId: string): Promise<number> {
  const [row] = await tx
    .select({ cap: fundingSettings.projectGrantCapFen })
    .from(fundingSettings)
    .where(eq(fundingSettings.baseId, baseId));
  return row?.cap ?? DEFAULT_PROJECT_GRANT_CAP_FEN;
}

/** The project's project grants that use up its cap (leaving out `exceptGrantId`). */
export async function projectGrantsFen(tx: Db, projectId: string, exceptGrantId?: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${grants.amountFen}), 0)` })
    .from(grants)
    .where(
      and(
        eq(grants.projectId, projectId),
        eq(grants.fundKind, "project_grant"),
        inArray(grants.status, CAP_STATUSES),
        exceptGrantId ? ne(grants.id, exceptGrantId) : undefined,
      ),
    );
  return Number(row?.total ?? 0);
}

/** 409 when `amountFen` more would take the project's project grants past the base's cap. */
export async function checkCap(
  tx: Db,
  baseId: string,
  projectId: string,
  amountFen: number,
  exceptGrantId?: string,
): Promise<void> {
  const cap = await projectGrantCap(tx, baseId);
  const used = await projectGrantsFen(tx, projectId, exceptGrantId);
  if (used + amountFen > cap)
    throw new AppError("project_cap_exceeded", {
      params: { cap: formatFen(cap), used: formatFen(used), room: formatFen(Math.max(0, cap - used)) },
      details: { capFen: cap, usedFen: used, roomFen: Math.max(0, cap - used) },
    });
}

/** What the fund's committed grants add up to. */
async function committedFen(tx: Db, fundId: string, exceptGrantId?: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${grants.amountFen}), 0)` })
    .from(grants)
    .where(
      and(
        eq(grants.fundId, fundId),
        inArray(grants.status, [...COMMITTED_GRANT_STATUSES]),
        exceptGrantId ? ne(grants.id, exceptGrantId) : undefined,
      ),
    );
  return Number(row?.total ?? 0);
}

export type FundRow = typeof funds.$inferSelect;

/** 409 when the fund cannot take `amountFen` more (closed, or not enough left uncommitted). */
export async function checkFund(
  tx: Db,
  fund: FundRow,
  amountFen: number,
  exceptGrantId?: string,
): Promise<void> {
  if (fund.status !== "active") throw new AppError("fund_not_active", { params: { fund: fund.name } });
  const available = fund.capacityFen - (await committedFen(tx, fund.id, exceptGrantId));
  if (amountFen > available)
    throw new AppError("fund_over_committed", {
      params: { fund: fund.name, available: formatFen(Math.max(0, available)), amount: formatFen(amountFen) },
      details: { availableFen: available },
    });
}

/** The fund `id` of the base (FOR UPDATE with `lock`), or a 400 on `fundId`. */
export async function loadFund(tx: Db, baseId: string, id: string, lock = false): Promise<FundRow> {
  const query = tx
    .select()
    .from(funds)
    .where(and(eq(funds.id, id), eq(funds.baseId, baseId)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw fieldError("fundId", "invalid");
  return row;
}

/** Replaces the grant's budget lines, milestones and tranches with `terms`'. */
export async function writeTermRows(
  tx: Db,
  grant: { id: string; baseId: string },
  terms: Terms,
): Promise<void> {
  await tx.delete(grantTranches).where(eq(grantTranches.grantId, grant.id));
  await tx.delete(grantMilestones).where(eq(grantMilestones.grantId, grant.id));
  await tx.delete(grantBudgetLines).where(eq(grantBudgetLines.grantId, grant.id));
  const base = { baseId: grant.baseId, grantId: grant.id };
  await tx.insert(grantBudgetLines).values(
    terms.budgetLines.map((l, i) => ({
      ...base,
      category: l.category,
      description: l.description,
      amountFen: l.amountFen,
      sortOrder: i,
    })),
  );
  const milestones =
    terms.milestones.length > 0
      ? await tx
          .insert(grantMilestones)
          .values(terms.milestones.map((m, i) => ({ ...base, title: m.title, dueOn: m.dueOn, sortOrder: i })))
          .returning({ id: grantMilestones.id, sortOrder: grantMilestones.sortOrder })
      : [];
  const milestoneAt = new Map(milestones.map((m) => [m.sortOrder, m.id]));
  await tx.insert(grantTranches).values(
    terms.tranches.map((t, i) => ({
      ...base,
      seq: i + 1,
      amountFen: t.amountFen,
      condition: t.condition,
      plannedOn: t.plannedOn ?? null,
      milestoneId:
        t.condition === "milestone_met" && t.milestoneIndex != null
          ? (milestoneAt.get(t.milestoneIndex) ?? null)
          : null,
    })),
  );
}

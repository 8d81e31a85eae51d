/**
 * Bulk decisions: each application in its own transaction, so one stale or already decided row
 * does not hold back the rest; the answer says per id what happened. A bulk accept first looks at
 * every acceptable application's gaps: if any goes unconfirmed, it answers 409 listing all of them
 * and decides nothing, so staff never accept an application over items they were not shown.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, calls } from "../../../../db/schema";
import { type ApplicationStatus, nextStatus } from "../../../../domain/application";
import { gapsConfirmed, type IntakeGapState } from "../../../../domain/intake-gaps";
import type { BulkBody, BulkResult, IntakeGapsDetails } from "../../../../schemas/recruitment/intake";
import type { Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { requireAccess } from "../../../policy";
import { decide } from "./decisions";
import { gapsOf, organizationNames, uncheckedItems } from "./gaps";

type Confirmations = Map<string, { key: string; state: IntakeGapState }[]>;

export async function bulkDecide(db: Db, ctx: Context, input: BulkBody): Promise<BulkResult> {
  requireAccess(ctx.actor, "application.intake");
  const reason = input.reason?.trim() || null;
  if (input.action !== "accept" && !reason) throw fieldError("reason", "required");
  const ids = [...new Set(input.ids)];
  const confirmations: Confirmations = new Map((input.confirmUnchecked ?? []).map((c) => [c.id, c.items]));
  if (input.action === "accept") await requireAllConfirmed(db, ctx, ids, confirmations);
  const results: BulkResult["results"] = [];
  for (const id of ids) {
    try {
      await decide(db, ctx, id, input.action, {
        reason,
        resubmitUntil: input.resubmitUntil,
        // Checked again under each application's lock: a gap that appeared since answers per id.
        confirmUnchecked: confirmations.get(id) ?? [],
      });
      results.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const current = error.options.details?.currentStatus as ApplicationStatus | undefined;
      results.push({ id, ok: false, code: error.code, ...(current ? { currentStatus: current } : {}) });
    }
  }
  const done = results.filter((r) => r.ok).length;
  return { results, done, failed: results.length - done };
}

/**
 * The applications this accept would take (this base's, in a status that may be accepted) and
 * their gaps: when any is not confirmed as it stands, 409 with every application that has gaps,
 * so the list staff confirm next is the whole of what they accept over. Ids that would fail
 * anyway (another base, unknown, already decided) are left to the per-id answers.
 */
async function requireAllConfirmed(db: Db, ctx: Context, ids: string[], confirmations: Confirmations) {
  const rows = (
    await db
      .select({ application: applications, call: calls })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(inArray(applications.id, ids))
  ).filter((r) => visible(ctx, r.application) && nextStatus(r.application.status, "accept"));
  const gaps = await gapsOf(db, rows);
  const withGaps = rows.filter((r) => (gaps.get(r.application.id) ?? []).length > 0);
  const unconfirmed = withGaps.some(
    (r) => !gapsConfirmed(gaps.get(r.application.id) ?? [], confirmations.get(r.application.id) ?? []),
  );
  if (!unconfirmed) return;
  const names = await organizationNames(
    db,
    withGaps.map((r) => r.application.organizationId),
  );
  // In the order staff selected them.
  const order = new Map(ids.map((id, i) => [id, i]));
  const list: IntakeGapsDetails["applications"] = withGaps
    .sort((a, b) => (order.get(a.application.id) ?? 0) - (order.get(b.application.id) ?? 0))
    .map((r) => ({
      id: r.application.id,
      organizationName: names.get(r.application.organizationId) ?? "",
      items: gaps.get(r.application.id) ?? [],
    }));
  throw uncheckedItems(ctx.lang, list);
}

/** The policy's answer for one record, without throwing: another base's id is not listed. */
function visible(ctx: Context, application: { baseId: string; organizationId: string }): boolean {
  try {
    requireAccess(ctx.actor, "application.intake", application);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

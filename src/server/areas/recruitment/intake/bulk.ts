/**
 * Bulk decisions: each application in its own transaction, so one stale or already decided row
 * does not hold back the rest; the answer says per id what happened.
 */
import type { Db } from "../../../../db/client";
import type { ApplicationStatus } from "../../../../domain/application";
import type { BulkBody, BulkResult } from "../../../../schemas/recruitment/intake";
import type { Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { requireAccess } from "../../../policy";
import { decide } from "./decisions";

export async function bulkDecide(db: Db, ctx: Context, input: BulkBody): Promise<BulkResult> {
  requireAccess(ctx.actor, "application.intake");
  const reason = input.reason?.trim() || null;
  if (input.action !== "accept" && !reason) throw fieldError("reason", "required");
  const results: BulkResult["results"] = [];
  for (const id of new Set(input.ids)) {
    try {
      await decide(db, ctx, id, input.action, { reason, resubmitUntil: input.resubmitUntil });
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

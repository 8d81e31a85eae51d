/**
 * Bulk actions on the list: assign the person responsible, or move to a cohort. Each item is
 * its own transaction with its own outcome (one stale or closed item does not stop the rest).
 */
import type { Db } from "../../../../db/client";
import type { IncubationBulk, IncubationBulkResult } from "../../../../schemas/incubation/incubations";
import { ERROR_MESSAGES, FIELD_MESSAGES, format } from "../../../../schemas/messages";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";
import { requireAccess } from "../../../policy";
import { loadIncubation } from "./load";
import { editIncubation } from "./write";

export async function bulkIncubations(
  db: Db,
  ctx: Context,
  body: IncubationBulk,
): Promise<IncubationBulkResult> {
  requireAccess(ctx.actor, "incubation.manage");
  const results: IncubationBulkResult["results"] = [];
  for (const id of body.ids) {
    try {
      const row = await loadIncubation(db, ctx, id, "incubation.manage");
      await editIncubation(
        db,
        ctx,
        id,
        body.action === "assign"
          ? { responsibleId: body.responsibleId, version: row.version }
          : { cohortId: body.cohortId, version: row.version },
      );
      results.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = error.options.fieldMessage;
      const template = field ? FIELD_MESSAGES[field][ctx.lang] : ERROR_MESSAGES[error.code][ctx.lang];
      results.push({
        id,
        ok: false,
        code: error.code,
        message: format(template, error.options.params ?? {}),
      });
    }
  }
  const done = results.filter((r) => r.ok).length;
  return { results, done, failed: results.length - done };
}

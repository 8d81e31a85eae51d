/**
 * The completeness check of required items (材料审核): ok / missing / needs correction with a
 * reason, while the application waits for staff — one item, or several at once ("全部合格"), both
 * through `recordVerdicts`. Only audited (one entry per item), not put into the history: a verdict of
 * ten items would bury the status changes the applicant needs to see.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { intakeVerdicts } from "../../../../db/schema";
import { awaitsStaff } from "../../../../domain/application";
import { intakeItems } from "../../../../domain/intake-gaps";
import type { IntakeVerdict, VerdictBody, VerdictItem } from "../../../../schemas/recruitment/intake";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError } from "../../../errors";
import { illegalTransition } from "../applications/transition";
import { loadApplication } from "./load";

/** Where a failing item's error points: the single route's fields, or `items.<i>.<field>`. */
type FieldOf = (index: number, field: "requirementKey" | "reason") => string;

/** One item's verdict (PUT …/intake/:requirementKey). */
export async function checkRequirement(
  db: Db,
  ctx: Context,
  id: string,
  requirementKey: string,
  input: VerdictBody,
): Promise<IntakeVerdict> {
  const [verdict] = await recordVerdicts(db, ctx, id, [{ ...input, requirementKey }], (_, field) => field);
  return verdict as IntakeVerdict;
}

/** Several items of one application at once (PUT …/intake): all of them, or none. */
export function checkRequirements(
  db: Db,
  ctx: Context,
  id: string,
  items: VerdictItem[],
): Promise<IntakeVerdict[]> {
  return recordVerdicts(db, ctx, id, items, (index, field) => `items.${index}.${field}`);
}

/**
 * The one way verdicts are written: every item checked (a reason for a finding, a key of this
 * application's track, each key once) before anything is, in one transaction that holds the
 * application's row, so a decision or another verdict waits for it. Answers in the items' order.
 */
async function recordVerdicts(
  db: Db,
  ctx: Context,
  id: string,
  input: VerdictItem[],
  fieldOf: FieldOf,
): Promise<IntakeVerdict[]> {
  const items = input.map((item, index) => {
    const needsReason = item.status === "missing" || item.status === "needs_correction";
    // A reason belongs to a finding: an item marked ok (or pending) again drops the old one.
    const reason = needsReason ? item.reason?.trim() || null : null;
    if (needsReason && !reason) throw fieldError(fieldOf(index, "reason"), "required");
    return { requirementKey: item.requirementKey, status: item.status, reason };
  });
  return db.transaction(async (tx) => {
    const { application, call } = await loadApplication(tx, ctx, id, "application.intake", { lock: true });
    if (!awaitsStaff(application.status)) throw illegalTransition(application.status);
    const keys = intakeItems(call.rules, application.track).map((i) => i.key);
    const seen = new Set<string>();
    items.forEach(({ requirementKey }, index) => {
      if (!keys.includes(requirementKey))
        throw fieldError(fieldOf(index, "requirementKey"), "invalid_option");
      if (seen.has(requirementKey)) throw fieldError(fieldOf(index, "requirementKey"), "key_duplicate");
      seen.add(requirementKey);
    });
    const previous = await tx
      .select()
      .from(intakeVerdicts)
      .where(
        and(
          eq(intakeVerdicts.applicationId, id),
          inArray(
            intakeVerdicts.requirementKey,
            items.map((i) => i.requirementKey),
          ),
        ),
      );
    const now = new Date();
    const verdicts: IntakeVerdict[] = [];
    for (const { requirementKey, status, reason } of items) {
      const before = previous.find((p) => p.requirementKey === requirementKey);
      const values = { status, reason, checkedBy: ctx.actor.userId, checkedAt: now };
      await tx
        .insert(intakeVerdicts)
        .values({ baseId: application.baseId, applicationId: id, requirementKey, ...values })
        .onConflictDoUpdate({
          target: [intakeVerdicts.applicationId, intakeVerdicts.requirementKey],
          set: values,
        });
      await recordAudit(tx, ctx, {
        baseId: application.baseId,
        action: "application.intake_verdict",
        entityType: "application",
        entityId: id,
        before: before ? { requirementKey, status: before.status, reason: before.reason } : null,
        after: { requirementKey, status, reason },
      });
      verdicts.push({
        requirementKey,
        status,
        reason,
        checkedAt: now.toISOString(),
        checkerName: ctx.actor.displayName,
      });
    }
    return verdicts;
  });
}

/** Finding a review round for staff, with the policy check; another base's round is 404. */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { reviewRounds } from "../../../../db/schema";
import type { RoundStatus } from "../../../../domain/review/round";
import type { Context } from "../../../context";
import { AppError, notFound, versionConflict } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

export type RoundRow = typeof reviewRounds.$inferSelect;

export async function loadRound(
  tx: Db,
  ctx: Context,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RoundRow> {
  requireRoleFor(ctx.actor, "round.manage");
  const query = tx.select().from(reviewRounds).where(eq(reviewRounds.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, "round.manage", { baseId: row.baseId });
  return row;
}

/** 409 naming the round's status unless it is one of `allowed`. */
export function requireRoundStatus(round: RoundRow, ...allowed: RoundStatus[]): void {
  if (!allowed.includes(round.status)) {
    throw new AppError("round_status_invalid", {
      params: { status: round.status },
      details: { currentStatus: round.status },
    });
  }
}

export function requireRoundVersion(round: RoundRow, version: number): void {
  if (round.version !== version) throw versionConflict(round.version);
}

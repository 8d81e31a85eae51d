/** Reading a review round with the policy check first: another base's round is a 404. */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { reviewRounds } from "../../../../db/schema";
import type { Action } from "../../../../domain/access";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

export type RoundRow = typeof reviewRounds.$inferSelect;

export async function loadRound(
  db: Db,
  ctx: Context,
  id: string,
  action: Action = "round.manage",
  options: { lock?: boolean } = {},
): Promise<RoundRow> {
  requireRoleFor(ctx.actor, action);
  const query = db.select().from(reviewRounds).where(eq(reviewRounds.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, action, { baseId: row.baseId });
  return row;
}

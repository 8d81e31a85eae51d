/**
 * Rating a service (1-5 and a comment): only a member of the organization served, once, and
 * editable for RATING_EDIT_DAYS days after it was first given; the ledger row takes the rating
 * (rateDeliveries) and the growth file an event, in one transaction.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { rateDeliveries } from "../../../../db/deliveries";
import { recordGrowth } from "../../../../db/growth";
import { organizations, serviceRecords } from "../../../../db/schema";
import { RATING_EDIT_DAYS } from "../../../../domain/services/request";
import type { RecordEntry, ZRatingInput } from "../../../../schemas/services/requests";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { serviceTitles } from "../requests/words";
import "../../../../schemas/services/service-growth";
import { toRecordEntry } from "./view";

const DAY_MS = 86_400_000;

export function mayRateNow(r: { ratedAt: Date | null }, now: Date): boolean {
  return !r.ratedAt || now.getTime() - r.ratedAt.getTime() <= RATING_EDIT_DAYS * DAY_MS;
}

export async function rateRecord(
  db: Db,
  ctx: Context,
  recordId: string,
  input: z.output<typeof ZRatingInput>,
): Promise<RecordEntry> {
  requireRoleFor(ctx.actor, "service.rate");
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(serviceRecords).where(eq(serviceRecords.id, recordId)).for("update");
    if (!r) throw notFound();
    requireAccess(ctx.actor, "service.rate", { baseId: r.baseId, organizationId: r.organizationId });
    const now = new Date();
    if (!mayRateNow(r, now)) throw new AppError("rating_closed", { params: { days: RATING_EDIT_DAYS } });
    const first = r.ratedAt === null;
    const [updated] = await tx
      .update(serviceRecords)
      .set({
        rating: input.rating,
        ratingComment: input.comment ?? null,
        ratedBy: ctx.actor.userId,
        // The window runs from the first rating: changing it does not extend it.
        ratedAt: r.ratedAt ?? now,
        version: r.version + 1,
        updatedAt: now,
      })
      .where(and(eq(serviceRecords.id, r.id), eq(serviceRecords.version, r.version)))
      .returning();
    if (!updated) throw notFound();
    await rateDeliveries(
      tx,
      { kind: "service", sourceId: r.id, organizationId: r.organizationId },
      input.rating,
    );
    if (first)
      await recordGrowth(tx, {
        baseId: r.baseId,
        organizationId: r.organizationId,
        kind: "service.rated",
        title: serviceTitles.rated(r.title, input.rating),
        params: { rating: input.rating, note: input.comment ?? null },
        subjectId: r.requestId ?? r.id,
        actorName: ctx.actor.displayName,
      });
    await recordAudit(tx, ctx, {
      baseId: r.baseId,
      action: "service.rate",
      entityType: "service_record",
      entityId: r.id,
      before: { rating: r.rating },
      after: { rating: input.rating, comment: input.comment ?? null },
    });
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, r.organizationId));
    return toRecordEntry({ ...updated, organizationName: org?.name ?? "" });
  });
}

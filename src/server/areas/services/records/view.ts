/** A service record as the contract shows it. */
import type { serviceRecords } from "../../../../db/schema";
import type { RecordEntry } from "../../../../schemas/services/requests";

export function toRecordEntry(
  r: typeof serviceRecords.$inferSelect & { organizationName: string },
  files: readonly { id: string; name: string }[] = [],
): RecordEntry {
  return {
    id: r.id,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    requestId: r.requestId,
    batchId: r.batchId,
    category: r.category,
    title: r.title,
    detail: r.detail,
    mode: r.mode,
    deliveredOn: r.deliveredOn,
    minutes: r.minutes,
    givenByName: r.givenByName,
    rating: r.rating,
    ratingComment: r.ratingComment,
    ratedAt: r.ratedAt?.toISOString() ?? null,
    version: r.version,
    files: [...files],
  };
}

/**
 * The one writer of a record's history (what the applicant and staff both see): every status
 * change and every dated act such as an extension goes through here, from the services and from
 * the demo data alike, so a history row always has the same shape. Stage 2 onward adds its
 * records' histories here.
 */
import type { ApplicationEvent, ApplicationSide, ApplicationStatus } from "../domain/application";
import type { Db } from "./client";
import { applicationEvents } from "./schema";

export interface ApplicationHistoryEntry {
  baseId: string;
  applicationId: string;
  event: ApplicationEvent | "extend";
  /** The status before and after; the same for an act that changes no status (an extension). */
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  reason?: string | null;
  side: ApplicationSide;
  actor: { id: string | null; name: string | null };
  /** When it happened; now unless the demo data replays the past. */
  at?: Date;
}

export async function recordApplicationHistory(tx: Db, entry: ApplicationHistoryEntry): Promise<void> {
  await tx.insert(applicationEvents).values({
    baseId: entry.baseId,
    applicationId: entry.applicationId,
    event: entry.event,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    reason: entry.reason ?? null,
    side: entry.side,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    ...(entry.at ? { createdAt: entry.at } : {}),
  });
}

/**
 * The one writer of a record's history (what the applicant and staff both see): every status
 * change and every dated act such as an extension goes through here, from the services and from
 * the demo data alike, so a history row always has the same shape. Stage 2 onward adds its
 * records' histories here.
 */
import type { ApplicationEvent, ApplicationSide, ApplicationStatus } from "../domain/application";
import type { Track } from "../domain/call";
import { RECRUITMENT_LABELS } from "../schemas/recruitment/labels";
import type { Db } from "./client";
import { recordGrowth } from "./growth";
import { applicationEvents } from "./schema";

declare module "../domain/growth" {
  interface GrowthKinds {
    /** An application's status change or dated act, as its history has it (stages 1-3). */
    "application.status": {
      event: ApplicationEvent | "extend";
      fromStatus: ApplicationStatus;
      toStatus: ApplicationStatus;
      track: Track;
      /** The reason given, if any. */
      note: string | null;
    };
  }
}

export interface ApplicationHistoryEntry {
  baseId: string;
  applicationId: string;
  /** The application's organization and track: its growth file gets the step too. */
  organizationId: string;
  track: Track;
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
  // The organization's growth file has every step of its applications; migration 0019 titled the
  // steps recorded before it the same way.
  const zh = RECRUITMENT_LABELS["zh-CN"];
  const en = RECRUITMENT_LABELS.en;
  await recordGrowth(tx, {
    baseId: entry.baseId,
    organizationId: entry.organizationId,
    kind: "application.status",
    title: {
      zhCN: `${zh.applicationEvent[entry.event]} · ${zh.track[entry.track]}`,
      en: `${en.applicationEvent[entry.event]} · ${en.track[entry.track]}`,
    },
    params: {
      event: entry.event,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      track: entry.track,
      note: entry.reason ?? null,
    },
    subjectId: entry.applicationId,
    actorName: entry.actor.name,
    at: entry.at,
  });
}

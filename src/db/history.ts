/**
 * The one writer of a record's history (what the applicant and staff both see): every status
 * change and every dated act such as an extension goes through here, from the services and from
 * the demo data alike, so a history row always has the same shape. Stage 2 onward adds its
 * records' histories here.
 */
import { eq, sql } from "drizzle-orm";
import type { ApplicationEvent, ApplicationSide, ApplicationStatus } from "../domain/application";
import type { Track } from "../domain/call";
import type { Lang } from "../schemas/messages";
import { RECRUITMENT_LABELS } from "../schemas/recruitment/labels";
import type { Db } from "./client";
import { applicationEvents, applications, growthEvents } from "./schema";

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
  // The organization's growth file has every step of its applications (the application row gives
  // the organization and the track, so the callers need not). Migration 0019 titles older ones alike.
  const zh = RECRUITMENT_LABELS["zh-CN"];
  const en = RECRUITMENT_LABELS.en;
  await tx.insert(growthEvents).select(
    tx
      .select({
        id: sql`gen_random_uuid()`.as("id"),
        baseId: applications.baseId,
        organizationId: applications.organizationId,
        incubationId: sql`NULL::uuid`.as("incubation_id"),
        kind: sql`'application.status'`.as("kind"),
        occurredAt: sql`${entry.at ?? new Date()}::timestamptz`.as("occurred_at"),
        subjectId: applications.id,
        title: sql`jsonb_build_object(
          'zhCN', ${`${zh.applicationEvent[entry.event]} · `} || (${sql.raw(trackCase("zh-CN"))}),
          'en', ${`${en.applicationEvent[entry.event]} · `} || (${sql.raw(trackCase("en"))}))`.as("title"),
        params: sql`jsonb_build_object('event', ${entry.event}::text, 'fromStatus', ${entry.fromStatus}::text,
          'toStatus', ${entry.toStatus}::text, 'track', ${applications.track}, 'note', ${entry.reason ?? null}::text)`.as(
          "params",
        ),
        actorName: sql`${entry.actor.name}::text`.as("actor_name"),
        staffOnly: sql`false`.as("staff_only"),
        createdAt: sql`now()`.as("created_at"),
      })
      .from(applications)
      .where(eq(applications.id, entry.applicationId)),
  );
}

/** The track's label in SQL, for the title of a row written by INSERT … SELECT (constants only). */
function trackCase(lang: Lang): string {
  const labels = RECRUITMENT_LABELS[lang].track;
  const arms = Object.entries(labels).map(
    ([track, label]) => `WHEN '${track}' THEN '${label.replaceAll("'", "''")}'`,
  );
  return `CASE applications.track ${arms.join(" ")} END`;
}

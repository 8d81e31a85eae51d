/**
 * The one shape of a call for staff and the queries it needs: applications counted per track
 * and status, and the published revisions. The portal reuses the counts and revisions.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, callRevisions, calls } from "../../../../db/schema";
import type { ApplicationStatus } from "../../../../domain/application";
import { type CallRulesProblem, callRulesProblems, callWindow, type Track } from "../../../../domain/call";
import { FIELD_MESSAGES, format, type Lang } from "../../../../schemas/messages";
import type { Call, CallRevision, CallSummary } from "../../../../schemas/recruitment/calls";

export type CallRow = typeof calls.$inferSelect;

interface CountRow {
  callId: string;
  track: Track;
  status: ApplicationStatus;
  n: number;
}

/** Applications of these calls, grouped by call, track and status. */
export async function applicationCounts(db: Db, callIds: string[]): Promise<CountRow[]> {
  if (callIds.length === 0) return [];
  return db
    .select({
      callId: applications.callId,
      track: applications.track,
      status: applications.status,
      n: count(),
    })
    .from(applications)
    .where(inArray(applications.callId, callIds))
    .groupBy(applications.callId, applications.track, applications.status);
}

function byStatus(rows: CountRow[]): Partial<Record<ApplicationStatus, number>> {
  const out: Partial<Record<ApplicationStatus, number>> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + r.n;
  return out;
}

const total = (rows: CountRow[]) => rows.reduce((sum, r) => sum + r.n, 0);

export function toCallSummary(row: CallRow, counts: CountRow[], now: Date): CallSummary {
  const mine = counts.filter((c) => c.callId === row.id);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    window: callWindow(row, now),
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    revision: row.revision,
    tracks: row.rules.tracks.map((t) => t.track),
    applicationCount: total(mine),
    countsByStatus: byStatus(mine),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function revisionsOf(db: Db, callId: string): Promise<CallRevision[]> {
  const rows = await db
    .select({
      revision: callRevisions.revision,
      note: callRevisions.note,
      createdAt: callRevisions.createdAt,
    })
    .from(callRevisions)
    .where(eq(callRevisions.callId, callId))
    .orderBy(asc(callRevisions.revision));
  return rows.map((r) => ({ revision: r.revision, note: r.note, createdAt: r.createdAt.toISOString() }));
}

export async function findCall(db: Db, id: string): Promise<CallRow | undefined> {
  const [row] = await db.select().from(calls).where(eq(calls.id, id)).limit(1);
  return row;
}

/** The staff view of one call (the caller has checked access). */
export async function callView(db: Db, row: CallRow, lang: Lang, now = new Date()): Promise<Call> {
  const counts = await applicationCounts(db, [row.id]);
  const summary = toCallSummary(row, counts, now);
  return {
    ...summary,
    baseId: row.baseId,
    description: row.description,
    rules: row.rules,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    countsByTrack: row.rules.tracks.map(({ track }) => {
      const rows = counts.filter((c) => c.track === track);
      return { track, total: total(rows), byStatus: byStatus(rows) };
    }),
    revisions: await revisionsOf(db, row.id),
    publishProblems:
      row.status === "draft"
        ? callRulesProblems(row.rules).map((p) => ({ field: p.field, message: problemMessage(p, lang) }))
        : [],
    serverNow: now.toISOString(),
  };
}

function problemMessage(problem: CallRulesProblem, lang: Lang): string {
  return format(FIELD_MESSAGES[problem.code][lang], problem.params);
}

const HOLDING = ["draft", "submitted", "returned", "resubmitted", "accepted", "ineligible"] as const;
const SUBMITTED = ["submitted", "returned", "resubmitted", "accepted"] as const;

/**
 * Applications per track: those that hold a place (anything not withdrawn), or with `submitted`
 * only those handed in and still in the running (what an application limit counts).
 */
export async function activeApplicationsInTracks(db: Db, callId: string, tracks: Track[], submitted = false) {
  if (tracks.length === 0) return [];
  return db
    .select({ track: applications.track, n: count() })
    .from(applications)
    .where(
      and(
        eq(applications.callId, callId),
        inArray(applications.track, tracks),
        inArray(applications.status, [...(submitted ? SUBMITTED : HOLDING)]),
      ),
    )
    .groupBy(applications.track);
}

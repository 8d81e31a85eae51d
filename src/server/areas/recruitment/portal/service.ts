/**
 * The public portal's view of calls: published ones (open, upcoming, recently closed) of every
 * base on this installation. No sign-in; drafts do not exist here.
 */
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases, calls } from "../../../../db/schema";
import { callWindow } from "../../../../domain/call";
import type { PublicCall, PublicCallList, PublicCallSummary } from "../../../../schemas/recruitment/calls";
import { notFound } from "../../../errors";
import { activeApplicationsInTracks, type CallRow, revisionsOf } from "../calls/view";

/** Closed calls stay on the portal this long, so applicants can still find what they applied to. */
const RECENTLY_CLOSED_DAYS = 180;
const WINDOW_ORDER = { open: 0, not_open: 1, closed: 2 } as const;

export async function listPublicCalls(db: Db): Promise<PublicCallList> {
  const now = new Date();
  const since = new Date(now.getTime() - RECENTLY_CLOSED_DAYS * 24 * 3600 * 1000);
  // The summary's columns only: each call's rules (tracks with their eligibility, documents and
  // questions, 2 kB stored) were read, sent as text and parsed for two fields per track.
  const rows = await db
    .select({
      id: calls.id,
      title: calls.title,
      status: calls.status,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      revision: calls.revision,
      baseName: bases.name,
      tracks: sql<SummaryTrack[] | string>`(
        select coalesce(jsonb_agg(jsonb_build_object('track', t -> 'track', 'quota', t -> 'quota') order by n), '[]')
        from jsonb_array_elements(${calls.rules} -> 'tracks') with ordinality as e(t, n))`,
    })
    .from(calls)
    .innerJoin(bases, eq(bases.id, calls.baseId))
    .where(
      and(
        ne(calls.status, "draft"),
        // A call closed early by staff counts as closed at that moment.
        sql`coalesce(${calls.closedAt}, ${calls.closesAt}) > ${since.toISOString()}`,
      ),
    )
    .orderBy(desc(calls.closesAt))
    .limit(200);
  const items = rows.map((r) =>
    toSummary(r, typeof r.tracks === "string" ? (JSON.parse(r.tracks) as SummaryTrack[]) : r.tracks, now),
  );
  items.sort((a, b) => {
    const order = WINDOW_ORDER[a.window] - WINDOW_ORDER[b.window];
    if (order !== 0) return order;
    if (a.window === "open") return a.closesAt.localeCompare(b.closesAt); // closing soonest first
    if (a.window === "not_open") return a.opensAt.localeCompare(b.opensAt);
    return b.closesAt.localeCompare(a.closesAt); // most recently closed first
  });
  return { items: items.slice(0, 50), serverNow: now.toISOString() };
}

export async function getPublicCall(db: Db, id: string): Promise<PublicCall> {
  const [found] = await db
    .select({ call: calls, baseName: bases.name })
    .from(calls)
    .innerJoin(bases, eq(bases.id, calls.baseId))
    .where(and(eq(calls.id, id), ne(calls.status, "draft")))
    .limit(1);
  if (!found) throw notFound();
  const { call, baseName } = found;
  const now = new Date();
  const limited = call.rules.tracks.filter((t) => t.maxApplications !== null).map((t) => t.track);
  const held = await activeApplicationsInTracks(db, call.id, limited, true);
  return {
    ...toSummary({ ...call, baseName }, call.rules.tracks, now),
    description: call.description,
    publishedAt: call.publishedAt?.toISOString() ?? null,
    tracks: call.rules.tracks.map((t) => ({
      ...t,
      full:
        t.maxApplications !== null && (held.find((h) => h.track === t.track)?.n ?? 0) >= t.maxApplications,
    })),
    questions: call.rules.questions,
    revisions: await revisionsOf(db, call.id),
    serverNow: now.toISOString(),
  };
}

type SummaryTrack = PublicCallSummary["tracks"][number];

function toSummary(
  call: Pick<CallRow, "id" | "title" | "status" | "opensAt" | "closesAt" | "revision"> & { baseName: string },
  tracks: readonly SummaryTrack[],
  now: Date,
): PublicCallSummary {
  return {
    id: call.id,
    title: call.title,
    baseName: call.baseName,
    status: call.status,
    window: callWindow(call, now),
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    tracks: tracks.map((t) => ({ track: t.track, quota: t.quota })),
    revision: call.revision,
  };
}

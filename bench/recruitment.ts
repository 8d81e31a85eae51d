/**
 * The bench's recruitment: applications from generated organizations to the demo's open call
 * and to earlier calls generated before it (bench/scale.ts says how many), so the staff queue,
 * the application detail, the bell, the expert's list and a round's ranking have real volume.
 * Each one plays a story of the demo seed (on the open call OPEN_SCRIPTS, drawn at random: the
 * demo's mix of statuses; on an earlier call submitted and accepted) with the demo's own writers
 * (documents, submissions, history, intake verdicts, threads, notices, inspections, reviews),
 * which write into a RowRecorder; each call's rows then go in by COPY (bench/bulk.ts).
 * Repeatable from the seed.
 */
import { and, asc, count, eq, inArray, type Table } from "drizzle-orm";
import type { Database } from "../src/db/client";
import {
  applicationDocuments,
  applicationEvents,
  applicationMessages,
  applicationSubmissions,
  applications,
  callRevisions,
  calls,
  expertProfiles,
  files,
  growthEvents,
  inspectionInspectors,
  inspections,
  intakeVerdicts,
  notifications,
  reviewRounds,
  reviews,
  roundExperts,
  roundSubjects,
  rubrics,
  users,
} from "../src/db/schema";
import {
  eligibleTracks,
  OPEN_SCRIPTS,
  S,
  type Script,
  TRACK_TURNS,
  timelineOf,
  UPLOAD_WINDOW,
} from "../src/db/seed/application-plan";
import { playStory } from "../src/db/seed/application-story";
import type { Live, ProfileRow, SeedCall, SeedContext } from "../src/db/seed/application-writer";
import { pickerOf, seededRandom } from "../src/db/seed/generate";
import { type ApplicationStatus, COUNTED_FOR_TRACK_CAP, nextStatus } from "../src/domain/application";
import { type CallRules, callWindow, type Track } from "../src/domain/call";
import { type RecordedRound, recordExperts, recordRound } from "./admission";
import { RowRecorder, seededUuid } from "./recorder";

/** Parents before children: the order the recorded rows are inserted in. */
const INSERT_ORDER: Table[] = [
  users,
  calls,
  callRevisions,
  expertProfiles,
  applications,
  files,
  applicationDocuments,
  applicationSubmissions,
  applicationEvents,
  growthEvents,
  intakeVerdicts,
  applicationMessages,
  notifications,
  inspections,
  inspectionInspectors,
  reviewRounds,
  roundExperts,
  roundSubjects,
  reviews,
];

export interface LoadedRecruitment {
  callId: string;
  /** The open call's round (the scoring page's) and the round the ranking is timed on. */
  admission: RecordedAdmission;
  /** The open call's applications that staff see in the queue (not the drafts). */
  applicationIds: string[];
  rows: number;
  calls: number;
}

export interface RecordedAdmission {
  /** The open call's round, which the demo `expert` is scoring. */
  roundId: string;
  /** The largest round: an earlier call's when there are any (its reviews all submitted). */
  rankingRoundId: string;
  rankingSubjects: number;
  rounds: number;
  inspections: number;
  experts: number;
  reviews: number;
  submitted: number;
}

/**
 * Plays `perCall` stories on the demo's open call and on each of `calls - 1` earlier calls,
 * each with the next applicant of `pool` that the rules let apply, then the calls' rounds;
 * each call's rows are COPYed in before the next is played, so memory holds one call at a time.
 */
export async function loadRecruitment(
  database: Database,
  baseId: string,
  pool: ProfileRow[],
  options: {
    seed: number;
    calls: number;
    perCall: number;
    experts: number;
    k: number;
    /** Told after each call is in: a city takes minutes. */
    progress?: (message: string) => void;
  },
): Promise<LoadedRecruitment> {
  const { db } = database;
  const now = new Date();
  // A stream of its own: the organizations stay the same as without the recruitment.
  const random = seededRandom(options.seed ^ 0x7ec4);
  const pick = pickerOf(random);
  const recorder = new RowRecorder(() => seededUuid(random));

  const open = (await db.select().from(calls).where(eq(calls.baseId, baseId))).find(
    (c) => callWindow(c, now) === "open",
  );
  const accounts = await db
    .select({ id: users.id, username: users.username, name: users.displayName, org: users.organizationId })
    .from(users)
    .where(and(eq(users.baseId, baseId), inArray(users.username, ["staff", "admin", "member", "expert"])));
  const staff = accounts.find((a) => a.username === "staff");
  const member = accounts.find((a) => a.username === "member");
  const expert = accounts.find((a) => a.username === "expert");
  if (!open || !staff || !member || !expert)
    throw new Error("bench: the demo seed has no open call, or no staff or expert account");
  const revisions = await db
    .select()
    .from(callRevisions)
    .where(eq(callRevisions.callId, open.id))
    .orderBy(asc(callRevisions.revision));
  const call: SeedCall = { id: open.id, title: open.title, rules: open.rules, revisions };
  const ctx: SeedContext = {
    tx: recorder.db,
    baseId,
    now,
    staff: { id: staff.id, name: staff.name },
    staffRecipients: accounts
      .filter((a) => a.username === "staff" || a.username === "admin")
      .map((a) => a.id),
    member: { id: member.id, name: member.name, organizationId: member.org },
    blobs: new Map(),
    newId: () => seededUuid(random),
  };
  const [hash] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, staff.id));
  const rubricRows = await db
    .select({ id: rubrics.id, track: rubrics.track })
    .from(rubrics)
    .where(eq(rubrics.baseId, baseId));
  if (!hash) throw new Error("bench: the demo staff account has no password");
  const rubricIds = Object.fromEntries(rubricRows.map((r) => [r.track, r.id])) as Record<Track, string>;
  const experts = await recordExperts(ctx, random, {
    count: options.experts,
    passwordHash: hash.h,
    demoExpertId: expert.id,
  });
  let rows = 0;
  const flush = async () => {
    await recorder.insertAll(database, INSERT_ORDER);
    rows += recorder.clear();
  };

  /** Up to `wanted` stories on `call`, each organization of `pool` once, from `first` on. */
  const playCall = async (
    seedCall: SeedCall,
    wanted: number,
    first: number,
    scriptOf: (n: number) => Script,
  ) => {
    const places = await placesLeft(database, seedCall);
    let tried = 0;
    /** The next applicant some track fits; a capped track takes no one once its places are held. */
    const draw = (script: Script, times: Date[], turn: Track) => {
      const final = script.events.reduce<ApplicationStatus>((s, e) => nextStatus(s, e) ?? s, "draft");
      const holdsPlace = COUNTED_FOR_TRACK_CAP.includes(final);
      const submits = script.events.length ? times.slice(1) : [now];
      const uploadsFrom = script.events.length
        ? new Date((times[1] as Date).getTime() - UPLOAD_WINDOW)
        : (times[0] as Date);
      while (tried < pool.length) {
        const profile = pool[(first + tried++) % pool.length] as ProfileRow;
        const tracks = eligibleTracks(seedCall, profile, submits, uploadsFrom, now)
          .filter((t) => !script.tracks || script.tracks.includes(t))
          // A full track is shown as full on the portal: nobody starts one there any more.
          .filter((t) => (places.get(t) ?? 1) > 0);
        if (tracks.length === 0) continue;
        const track = tracks.includes(turn) ? turn : pick(tracks);
        if (holdsPlace && places.has(track)) places.set(track, (places.get(track) ?? 0) - 1);
        return { profile, track };
      }
      return null;
    };
    const submitted: string[] = [];
    const accepted: Live[] = [];
    for (let n = 0; n < wanted; n++) {
      const script = scriptOf(n);
      const times = timelineOf(now, random, script.days);
      const drawn = draw(script, times, TRACK_TURNS[n % TRACK_TURNS.length] as Track);
      if (!drawn) break;
      const live = await playStory(ctx, random, { call: seedCall, script, ...drawn, times });
      if (live.status !== "draft") submitted.push(live.id);
      if (live.status === "accepted") accepted.push(live);
    }
    return { submitted, accepted };
  };

  // The earlier calls first, oldest first: a generated call closes a week before the next.
  const rounds: RecordedRound[] = [];
  for (let p = options.calls - 1; p >= 1; p--) {
    const closedDaysAgo = 14 + 7 * p;
    const earlier = await recordEarlierCall(ctx, call, p, closedDaysAgo);
    const { accepted } = await playCall(earlier, options.perCall, p * options.perCall, () =>
      // Submitted in the window's last week, accepted at intake before it closed.
      S([closedDaysAgo + 7, closedDaysAgo + 4, closedDaysAgo + 1], ["submit", "accept"]),
    );
    const day = 24 * 3600_000;
    rounds.push(
      await recordRound(ctx, random, accepted, {
        title: `${earlier.title}评审`,
        experts,
        k: options.k,
        rubricIds,
        openedAt: new Date(now.getTime() - (closedDaysAgo - 6) * day),
        closedAt: new Date(now.getTime() - (closedDaysAgo - 11) * day),
      }),
    );
    await flush();
    options.progress?.(`call ${options.calls - p} of ${options.calls} in, ${rows} rows so far`);
  }
  const openCall = await playCall(call, options.perCall, 0, () => pick(OPEN_SCRIPTS));
  const openRound = await recordRound(ctx, random, openCall.accepted, {
    title: "基准测试评审轮次",
    experts,
    k: options.k,
    rubricIds,
    openedAt: new Date(now.getTime() - 30 * 60_000),
    closedAt: null,
  });
  await flush();
  rounds.push(openRound);
  const largest = rounds.reduce((a, b) => (b.inspections > a.inspections ? b : a));
  return {
    callId: call.id,
    admission: {
      roundId: openRound.roundId,
      rankingRoundId: largest.roundId,
      rankingSubjects: largest.inspections,
      rounds: rounds.length,
      inspections: rounds.reduce((sum, r) => sum + r.inspections, 0),
      experts: experts.length,
      reviews: rounds.reduce((sum, r) => sum + r.reviews, 0),
      submitted: rounds.reduce((sum, r) => sum + r.submitted, 0),
    },
    applicationIds: openCall.submitted,
    rows,
    calls: options.calls,
  };
}

/**
 * An earlier call (p weeks before the open one), closed `closedDaysAgo` days ago: the open
 * call's rules over a four-week window, without caps, published as one revision.
 */
async function recordEarlierCall(
  ctx: SeedContext,
  like: SeedCall,
  p: number,
  closedDaysAgo: number,
): Promise<SeedCall> {
  const day = 24 * 3600_000;
  const closesAt = new Date(ctx.now.getTime() - closedDaysAgo * day);
  const opensAt = new Date(closesAt.getTime() - 28 * day);
  const rules: CallRules = {
    ...like.rules,
    tracks: like.rules.tracks.map((t) => ({ ...t, maxApplications: null })),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  };
  const id = seededId(ctx);
  const title = `基准测试往期招募（第${p}期）`;
  const description = "基准测试生成的往期招募，已结束。";
  await ctx.tx.insert(calls).values({
    id,
    baseId: ctx.baseId,
    title,
    description,
    status: "closed",
    rules,
    opensAt,
    closesAt,
    revision: 1,
    publishedAt: opensAt,
    closedAt: closesAt,
    createdBy: ctx.staff.id,
    version: 2,
    createdAt: new Date(opensAt.getTime() - day),
    updatedAt: closesAt,
  });
  const revisionAt = new Date(opensAt.getTime() - day);
  await ctx.tx.insert(callRevisions).values({
    id: seededId(ctx),
    baseId: ctx.baseId,
    callId: id,
    revision: 1,
    title,
    description,
    rules,
    changedBy: ctx.staff.id,
    createdAt: revisionAt,
  });
  return { id, title, rules, revisions: [{ revision: 1, rules, createdAt: revisionAt }] };
}

function seededId(ctx: SeedContext): string {
  if (!ctx.newId) throw new Error("bench: the recorder's context has no id source");
  return ctx.newId();
}

/** Places left under each capped track (the demo's own applications already hold some). */
async function placesLeft(database: Database, call: SeedCall): Promise<Map<Track, number>> {
  const capped = call.rules.tracks.filter((t) => t.maxApplications !== null);
  const held = await database.db
    .select({ track: applications.track, n: count() })
    .from(applications)
    .where(and(eq(applications.callId, call.id), inArray(applications.status, [...COUNTED_FOR_TRACK_CAP])))
    .groupBy(applications.track);
  return new Map(
    capped.map((t) => [t.track, (t.maxApplications ?? 0) - (held.find((h) => h.track === t.track)?.n ?? 0)]),
  );
}

/**
 * The bench's recruitment: about 2,000 applications from generated organizations to the demo's
 * open call, so the staff queue, the application detail and the bell have real volume. Each one
 * plays a story of the demo seed (OPEN_SCRIPTS, drawn at random: the demo's mix of statuses) with
 * the demo's own writers (documents, submissions, history, item reviews, threads, notices), which
 * write into a RowRecorder; the rows then go in 1,000 per INSERT. Repeatable from the seed.
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
  documentReviews,
  files,
  notifications,
  users,
} from "../src/db/schema";
import { attachDocument, replaceDocument, reviewItems } from "../src/db/seed/application-documents";
import { message } from "../src/db/seed/application-notices";
import {
  answersMaker,
  between,
  eligibleTracks,
  HOUR,
  MINUTE,
  OPEN_SCRIPTS,
  type Script,
  TRACK_TURNS,
  timelineOf,
  UPLOAD_WINDOW,
} from "../src/db/seed/application-plan";
import {
  INELIGIBLE_REASON,
  ITEM_FINDINGS,
  RETURN_INTRO,
  THREADS,
  WITHDRAW_REASON,
} from "../src/db/seed/application-texts";
import {
  createApplication,
  finish,
  type Live,
  type ProfileRow,
  type SeedCall,
  type SeedContext,
  transition,
} from "../src/db/seed/application-writer";
import { seededRandom } from "../src/db/seed/generate";
import { type ApplicationStatus, COUNTED_FOR_TRACK_CAP, nextStatus } from "../src/domain/application";
import { callWindow, type Track, trackOf } from "../src/domain/call";
import { RowRecorder, seededUuid } from "./recorder";

/** Parents before children: the order the recorded rows are inserted in. */
const INSERT_ORDER: Table[] = [
  applications,
  files,
  applicationDocuments,
  applicationSubmissions,
  applicationEvents,
  documentReviews,
  applicationMessages,
  notifications,
];

export interface LoadedRecruitment {
  callId: string;
  /** Every application loaded here that staff see in the queue (not the drafts). */
  applicationIds: string[];
  rows: number;
}

/** Plays up to `wanted` stories, each with the next applicant of `pool` that the rules let apply. */
export async function loadRecruitment(
  database: Database,
  baseId: string,
  pool: ProfileRow[],
  options: { seed: number; wanted: number },
): Promise<LoadedRecruitment> {
  const { db } = database;
  const now = new Date();
  // A stream of its own: the organizations stay the same as without the recruitment.
  const random = seededRandom(options.seed ^ 0x7ec4);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const answersFor = answersMaker(now, random);
  const recorder = new RowRecorder(() => seededUuid(random));

  const open = (await db.select().from(calls).where(eq(calls.baseId, baseId))).find(
    (c) => callWindow(c, now) === "open",
  );
  const accounts = await db
    .select({ id: users.id, username: users.username, name: users.displayName, org: users.organizationId })
    .from(users)
    .where(and(eq(users.baseId, baseId), inArray(users.username, ["staff", "admin", "member"])));
  const staff = accounts.find((a) => a.username === "staff");
  const member = accounts.find((a) => a.username === "member");
  if (!open || !staff || !member)
    throw new Error("bench: the demo seed has no open call or no staff account");
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
    staffRecipients: accounts.filter((a) => a.username !== "member").map((a) => a.id),
    member: { id: member.id, name: member.name, organizationId: member.org },
    blobs: new Map(),
  };
  const places = await placesLeft(database, call);

  let next = 0;
  /** The next applicant some track fits; a capped track takes no one once its places are held. */
  const draw = (script: Script, times: Date[], wanted: Track) => {
    const final = script.events.reduce<ApplicationStatus>((s, e) => nextStatus(s, e) ?? s, "draft");
    const holdsPlace = COUNTED_FOR_TRACK_CAP.includes(final);
    const submits = script.events.length ? times.slice(1) : [now];
    const uploadsFrom = script.events.length
      ? new Date((times[1] as Date).getTime() - UPLOAD_WINDOW)
      : (times[0] as Date);
    while (next < pool.length) {
      const profile = pool[next++] as ProfileRow;
      const tracks = eligibleTracks(call, profile, submits, uploadsFrom, now)
        .filter((t) => !script.tracks || script.tracks.includes(t))
        // A full track is shown as full on the portal: nobody starts one there any more.
        .filter((t) => (places.get(t) ?? 1) > 0);
      if (tracks.length === 0) continue;
      const track = tracks.includes(wanted) ? wanted : pick(tracks);
      if (holdsPlace && places.has(track)) places.set(track, (places.get(track) ?? 0) - 1);
      return { profile, track };
    }
    return null;
  };

  const requiredKeys = (track: Track) =>
    (trackOf(call.rules, track)?.documents ?? []).filter((d) => d.required);
  const reviewsWith = (track: Track, flagged: string[]) =>
    requiredKeys(track).map((d) => {
      const finding = flagged.includes(d.key) ? ITEM_FINDINGS[d.key] : undefined;
      return finding ? { key: d.key, ...finding } : { key: d.key, status: "ok" as const, reason: null };
    });

  /** The demo's `play` (src/db/seed/applications.ts), for the open call. */
  const play = async (script: Script, profile: ProfileRow, track: Track, times: Date[]) => {
    const created = times[0] as Date;
    const draft = script.events.length === 0;
    const answers = answersFor(
      call,
      track,
      profile,
      (q) => !draft || q.type === "long_text" || random() < 0.5,
    );
    const live = await createApplication(ctx, call, profile, track, answers, created);
    const docs = trackOf(call.rules, track)?.documents ?? [];
    if (draft) {
      const some = docs.filter((d) => d.required).slice(0, 1 + Math.floor(random() * 2));
      for (const [i, d] of some.entries())
        await attachDocument(ctx, live, d.key, new Date(created.getTime() + (i + 1) * 4 * MINUTE));
    }
    let flagged: string[] = [];
    for (const [i, event] of script.events.entries()) {
      const at = times[i + 1] as Date;
      const before = times[i] as Date;
      if (event === "submit") {
        const chosen = docs.filter((d) => d.required || random() < 0.4);
        for (const [k, d] of chosen.entries()) {
          const from = Math.max(before.getTime(), at.getTime() - UPLOAD_WINDOW);
          await attachDocument(
            ctx,
            live,
            d.key,
            between(new Date(from), at, 0.1 + (0.8 * k) / chosen.length),
          );
        }
      } else if (event === "return") {
        const candidates = requiredKeys(track)
          .map((d) => d.key)
          .filter((key) => ITEM_FINDINGS[key]);
        flagged = candidates.filter(() => random() < 0.4).slice(0, 2);
        if (flagged.length === 0) flagged = [pick(candidates)];
        await reviewItems(ctx, live, reviewsWith(track, flagged), new Date(at.getTime() - 20 * MINUTE));
        const lines = flagged.map(
          (key, n) => `${n + 1}. ${docs.find((d) => d.key === key)?.label}：${ITEM_FINDINGS[key]?.reason}`,
        );
        const reason = [RETURN_INTRO, ...lines].join("\n");
        await transition(ctx, live, "return", at, reason);
        const readAt = new Date(at.getTime() + 3 * HOUR);
        await message(ctx, live, "staff", reason, new Date(at.getTime() + MINUTE), readAt, false);
        continue;
      } else if (event === "resubmit") {
        for (const key of flagged)
          await replaceDocument(ctx, live, key, new Date(at.getTime() - 40 * MINUTE));
      } else if (event === "accept") {
        await reviewItems(ctx, live, reviewsWith(track, []), new Date(at.getTime() - 15 * MINUTE));
      }
      const reason =
        event === "mark_ineligible" ? INELIGIBLE_REASON : event === "withdraw" ? WITHDRAW_REASON : null;
      await transition(ctx, live, event, at, reason);
    }
    const last = times.at(-1) as Date;
    if (script.partialReview) {
      const some = requiredKeys(track)
        .slice(0, 2)
        .map((d) => ({ key: d.key, status: "ok" as const, reason: null }));
      await reviewItems(ctx, live, some, between(last, now, 0.3));
    }
    await playThread(live, script, last);
    await finish(ctx, live);
    return live;
  };

  const playThread = async (live: Live, script: Script, last: Date) => {
    const thread = script.thread;
    if (thread === "waitingAfterSubmit" || thread === "askAfterReturn") {
      await message(ctx, live, "applicant", THREADS[thread], between(last, now, 0.45), null);
    } else if (thread === "afterResubmit") {
      await message(
        ctx,
        live,
        "applicant",
        THREADS.afterResubmit,
        new Date(last.getTime() + 3 * MINUTE),
        null,
      );
    } else if (thread === "acceptedQuestion") {
      const asked = between(last, now, 0.3);
      const readAt = new Date(asked.getTime() + HOUR);
      await message(ctx, live, "applicant", THREADS.acceptedQuestion, asked, readAt);
      const answered = new Date(asked.getTime() + 2 * HOUR);
      await message(
        ctx,
        live,
        "staff",
        THREADS.acceptedAnswer,
        answered,
        new Date(answered.getTime() + 3 * HOUR),
      );
    }
  };

  const applicationIds: string[] = [];
  for (let n = 0; n < options.wanted; n++) {
    const script = pick(OPEN_SCRIPTS);
    const times = timelineOf(now, random, script.days);
    const drawn = draw(script, times, TRACK_TURNS[n % TRACK_TURNS.length] as Track);
    if (!drawn) break;
    const live = await play(script, drawn.profile, drawn.track, times);
    if (live.status !== "draft") applicationIds.push(live.id);
  }
  await recorder.insertAll(db, INSERT_ORDER);
  const rows = INSERT_ORDER.reduce((sum, table) => sum + recorder.count(table), 0);
  return { callId: call.id, applicationIds, rows };
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

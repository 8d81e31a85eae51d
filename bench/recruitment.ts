/**
 * The bench's recruitment: about 2,000 applications from generated organizations to the demo's
 * open call, so the staff queue, the application detail and the bell have real volume. Each one
 * plays a story of the demo seed (OPEN_SCRIPTS, drawn at random: the demo's mix of statuses) with
 * the demo's own writers (documents, submissions, history, intake verdicts, threads, notices), which
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
  expertProfiles,
  files,
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
  type Script,
  TRACK_TURNS,
  timelineOf,
  UPLOAD_WINDOW,
} from "../src/db/seed/application-plan";
import { playStory } from "../src/db/seed/application-story";
import type { Live, ProfileRow, SeedCall, SeedContext } from "../src/db/seed/application-writer";
import { pickerOf, seededRandom } from "../src/db/seed/generate";
import { type ApplicationStatus, COUNTED_FOR_TRACK_CAP, nextStatus } from "../src/domain/application";
import { callWindow, type Track } from "../src/domain/call";
import { type RecordedAdmission, recordAdmission } from "./admission";
import { RowRecorder, seededUuid } from "./recorder";

/** Parents before children: the order the recorded rows are inserted in. */
const INSERT_ORDER: Table[] = [
  users,
  expertProfiles,
  applications,
  files,
  applicationDocuments,
  applicationSubmissions,
  applicationEvents,
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
  /** Stages 2-3: the accepted applications inspected and in one open review round. */
  admission: RecordedAdmission;
  /** Every application loaded here that staff see in the queue (not the drafts). */
  applicationIds: string[];
  rows: number;
}

/** Plays up to `wanted` stories, each with the next applicant of `pool` that the rules let apply. */
export async function loadRecruitment(
  database: Database,
  baseId: string,
  pool: ProfileRow[],
  options: { seed: number; wanted: number; experts: number },
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
    staffRecipients: accounts
      .filter((a) => a.username === "staff" || a.username === "admin")
      .map((a) => a.id),
    member: { id: member.id, name: member.name, organizationId: member.org },
    blobs: new Map(),
    newId: () => seededUuid(random),
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

  const applicationIds: string[] = [];
  const accepted: Live[] = [];
  for (let n = 0; n < options.wanted; n++) {
    const script = pick(OPEN_SCRIPTS);
    const times = timelineOf(now, random, script.days);
    const drawn = draw(script, times, TRACK_TURNS[n % TRACK_TURNS.length] as Track);
    if (!drawn) break;
    const live = await playStory(ctx, random, { call, script, ...drawn, times });
    if (live.status !== "draft") applicationIds.push(live.id);
    if (live.status === "accepted") accepted.push(live);
  }
  const expert = accounts.find((a) => a.username === "expert");
  const [hash] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, staff.id));
  const rubricRows = await db
    .select({ id: rubrics.id, track: rubrics.track })
    .from(rubrics)
    .where(eq(rubrics.baseId, baseId));
  if (!expert || !hash) throw new Error("bench: the demo seed has no expert account");
  const admission = await recordAdmission(ctx, random, accepted, {
    experts: options.experts,
    k: 3,
    passwordHash: hash.h,
    rubricIds: Object.fromEntries(rubricRows.map((r) => [r.track, r.id])) as Record<Track, string>,
    demoExpertId: expert.id,
  });
  await recorder.insertAll(db, INSERT_ORDER);
  const rows = INSERT_ORDER.reduce((sum, table) => sum + recorder.count(table), 0);
  return { callId: call.id, admission, applicationIds, rows };
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

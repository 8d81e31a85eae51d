/**
 * Demo applications: the open call in the middle of its recruitment (every status, some waiting
 * for staff, a few threads to answer, drafts), three of the closed call's (one returned and never
 * corrected: overdue), and the demo member's organization with an accepted application from the
 * first batch and a draft to continue. Orgs and tracks are drawn with a seeded PRNG among what
 * the eligibility rules allow, so every start shows the same base. Returns the PDFs the documents
 * point at (the caller stores them: the database layer knows no file storage).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { callWindow, type Track } from "../../domain/call";
import type { Db } from "../client";
import { callRevisions, calls, organizations, users } from "../schema";
import { seedAdmission } from "./admission";
import { attachDocument } from "./application-documents";
import { message } from "./application-notices";
import {
  answersMaker,
  between,
  CLOSED_SCRIPTS,
  eligibleTracks,
  MINUTE,
  OPEN_SCRIPTS,
  S,
  type Script,
  shanghaiTime,
  TRACK_TURNS,
  timelineOf,
  UPLOAD_WINDOW,
} from "./application-plan";
import { playStory, requiredDocuments } from "./application-story";
import { memberMotivation, THREADS } from "./application-texts";
import {
  createApplication,
  finish,
  type Live,
  loadSeedProfile,
  type ProfileRow,
  type SeedCall,
  type SeedContext,
} from "./application-writer";
import type { DemoBlob } from "./demo-pdf";
import { pickerOf, seededRandom } from "./generate";

export async function seedApplications(tx: Db, baseId: string, now: Date): Promise<DemoBlob[]> {
  const random = seededRandom(2026_09);
  const pick = pickerOf(random);
  const timeline = (days: number[]) => timelineOf(now, random, days);
  const answersFor = answersMaker(now, random);

  const callRows = await tx.select().from(calls).where(eq(calls.baseId, baseId)).orderBy(asc(calls.opensAt));
  const revisionRows = await tx
    .select()
    .from(callRevisions)
    .where(eq(callRevisions.baseId, baseId))
    .orderBy(asc(callRevisions.revision));
  const seedCall = (row: (typeof callRows)[number]): SeedCall => ({
    id: row.id,
    title: row.title,
    rules: row.rules,
    revisions: revisionRows.filter((r) => r.callId === row.id),
  });
  const openRow = callRows.find((c) => callWindow(c, now) === "open");
  const closedRow = callRows.find((c) => c.status === "closed");
  const accounts = await tx
    .select({ id: users.id, username: users.username, name: users.displayName, org: users.organizationId })
    .from(users)
    .where(and(eq(users.baseId, baseId), sql`${users.roles} && ARRAY['staff','admin','org_member']::text[]`))
    .orderBy(asc(users.username));
  const staff = accounts.find((a) => a.username === "staff");
  const member = accounts.find((a) => a.username === "member");
  if (!openRow || !closedRow || !staff || !member) return [];

  const ctx: SeedContext = {
    tx,
    baseId,
    now,
    staff: { id: staff.id, name: staff.name },
    staffRecipients: accounts
      .filter((a) => a.username === "staff" || a.username === "admin")
      .map((a) => a.id),
    member: { id: member.id, name: member.name, organizationId: member.org },
    blobs: new Map(),
  };
  const open = seedCall(openRow);
  const closed = seedCall(closedRow);

  // Applicants: the virtually incubated and the not yet incubated, in a repeatable shuffle.
  const pool = await tx
    .select({
      id: organizations.id,
      registrationStatus: organizations.registrationStatus,
      foundedOn: organizations.foundedOn,
    })
    .from(organizations)
    .where(and(eq(organizations.baseId, baseId), inArray(organizations.residency, ["virtual", "none"])))
    .orderBy(asc(organizations.name));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as (typeof pool)[number], pool[i] as (typeof pool)[number]];
  }

  /** The next organization of the pool (taken out of it) that some allowed track fits. */
  const draw = (call: SeedCall, script: Script, times: Date[], wanted: Track) => {
    const fits = (facts: (typeof pool)[number]) =>
      eligibleTracks(
        call,
        facts,
        script.events.length ? times.slice(1) : [now],
        script.events.length ? new Date((times[1] as Date).getTime() - UPLOAD_WINDOW) : (times[0] as Date),
        now,
      ).filter((t) => !script.tracks || script.tracks.includes(t));
    // The wanted track when some organization may take it, else whatever the next one may.
    const index = Math.max(
      pool.findIndex((facts) => fits(facts).includes(wanted)),
      pool.findIndex((facts) => fits(facts).length > 0),
    );
    const facts = pool[index];
    if (!facts) throw new Error("seed: no organization fits a demo application");
    pool.splice(index, 1);
    const tracks = fits(facts);
    return { id: facts.id, track: tracks.includes(wanted) ? wanted : pick(tracks) };
  };

  const lives: { open: Live[]; closed: Live[]; member: Live | null } = { open: [], closed: [], member: null };
  for (const [call, scripts, played] of [
    [open, OPEN_SCRIPTS, lives.open],
    [closed, CLOSED_SCRIPTS, lives.closed],
  ] as const) {
    for (const [n, script] of scripts.entries()) {
      const times = timeline(script.days);
      const { id, track } = draw(call, script, times, TRACK_TURNS[n % TRACK_TURNS.length] as Track);
      played.push(
        await playStory(ctx, random, { call, script, profile: await loadSeedProfile(tx, id), track, times }),
      );
    }
  }

  if (member.org) {
    const profile = await loadSeedProfile(tx, member.org);
    // The first batch admitted them to the desks (they are resident now).
    const script = S([128, 126, 120], ["submit", "accept"]);
    const times = timeline(script.days);
    lives.member = await playStory(ctx, random, { call: closed, script, profile, track: "space", times });
    lives.closed.push(lives.member);
    await memberDraft(profile);
  }
  // Stages 2 and 3 carry the story on: inspections, review rounds, decisions, places.
  await seedAdmission(ctx, random, lives);
  return [...ctx.blobs.values()];

  /** Their draft for the open call, half done, and a question staff answered yesterday. */
  async function memberDraft(profile: ProfileRow) {
    const created = shanghaiTime(now, 2, 20, 15);
    const facts = {
      id: profile.id,
      registrationStatus: profile.registrationStatus,
      foundedOn: profile.foundedOn,
    };
    const allowed = eligibleTracks(open, facts, [now], created, now);
    const track =
      (["project", "org", "combined", "space"] as const).find((t) => allowed.includes(t)) ?? "space";
    const answers = answersFor(open, track, profile, (q) => q.type === "multiple_choice");
    const theme = /围绕(.+?)开展/.exec(profile.description ?? "")?.[1] ?? "社区公益";
    answers.motivation = memberMotivation(theme, profile.townName ?? "昌平区");
    const live = await createApplication(ctx, open, profile, track, answers, created);
    const first = requiredDocuments(open, track)[0];
    if (first) await attachDocument(ctx, live, first.key, new Date(created.getTime() + 12 * MINUTE));
    const asked = new Date(created.getTime() + 30 * MINUTE);
    await message(ctx, live, "applicant", THREADS.memberQuestion, asked, shanghaiTime(now, 1, 9, 5));
    const answered = between(shanghaiTime(now, 1, 9, 40), now, 0.1);
    await message(ctx, live, "staff", THREADS.memberAnswer, answered, null);
    await finish(ctx, live);
  }
}

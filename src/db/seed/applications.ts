/**
 * Demo applications: the open call in the middle of its recruitment (every status, some waiting
 * for staff, a few threads to answer, drafts), three of the closed call's (one returned and never
 * corrected: overdue), and the demo member's organization with an accepted application from the
 * first batch and a draft to continue. Orgs and tracks are drawn with a seeded PRNG among what
 * the eligibility rules allow, so every start shows the same base. Returns the PDFs the documents
 * point at (the caller stores them: the database layer knows no file storage).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { callWindow, type Track, trackOf } from "../../domain/call";
import type { Db } from "../client";
import { callRevisions, calls, organizations, users } from "../schema";
import { attachDocument, replaceDocument, reviewItems } from "./application-documents";
import { message } from "./application-notices";
import {
  answersMaker,
  between,
  CLOSED_SCRIPTS,
  eligibleTracks,
  HOUR,
  MINUTE,
  OPEN_SCRIPTS,
  S,
  type Script,
  shanghaiTime,
  type Thread,
  TRACK_TURNS,
  timelineOf,
  UPLOAD_WINDOW,
} from "./application-plan";
import {
  INELIGIBLE_REASON,
  ITEM_FINDINGS,
  memberMotivation,
  RETURN_INTRO,
  THREADS,
  WITHDRAW_REASON,
} from "./application-texts";
import {
  createApplication,
  finish,
  type Live,
  loadSeedProfile,
  type ProfileRow,
  type SeedCall,
  type SeedContext,
  transition,
} from "./application-writer";
import type { DemoBlob } from "./demo-pdf";
import { seededRandom } from "./generate";

export async function seedApplications(tx: Db, baseId: string, now: Date): Promise<DemoBlob[]> {
  const random = seededRandom(2026_09);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
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

  const requiredKeys = (call: SeedCall, track: Track) =>
    (trackOf(call.rules, track)?.documents ?? []).filter((d) => d.required);

  /** Writes one story for this organization and track, as the services would have. */
  const play = async (call: SeedCall, script: Script, profile: ProfileRow, track: Track, times: Date[]) => {
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
        const candidates = requiredKeys(call, track)
          .map((d) => d.key)
          .filter((key) => ITEM_FINDINGS[key]);
        flagged = candidates.filter(() => random() < 0.4).slice(0, 2);
        if (flagged.length === 0) flagged = [pick(candidates)];
        await reviewItems(ctx, live, reviewsWith(call, track, flagged), new Date(at.getTime() - 20 * MINUTE));
        const lines = flagged.map(
          (key, n) => `${n + 1}. ${docs.find((d) => d.key === key)?.label}：${ITEM_FINDINGS[key]?.reason}`,
        );
        const reason = [RETURN_INTRO, ...lines].join("\n");
        await transition(ctx, live, "return", at, reason);
        await message(
          ctx,
          live,
          "staff",
          reason,
          new Date(at.getTime() + MINUTE),
          new Date(at.getTime() + 3 * HOUR),
          false,
        );
        continue;
      } else if (event === "resubmit") {
        for (const key of flagged)
          await replaceDocument(ctx, live, key, new Date(at.getTime() - 40 * MINUTE));
      } else if (event === "accept") {
        await reviewItems(ctx, live, reviewsWith(call, track, []), new Date(at.getTime() - 15 * MINUTE));
      }
      const reason =
        event === "mark_ineligible" ? INELIGIBLE_REASON : event === "withdraw" ? WITHDRAW_REASON : null;
      await transition(ctx, live, event, at, reason);
    }
    const last = times.at(-1) as Date;
    if (script.partialReview) {
      const some = requiredKeys(call, track)
        .slice(0, 2)
        .map((d) => ({ key: d.key, status: "ok" as const, reason: null }));
      await reviewItems(ctx, live, some, between(last, now, 0.3));
    }
    await playThread(live, script.thread, last);
    await finish(ctx, live);
    return live;
  };

  const reviewsWith = (call: SeedCall, track: Track, flagged: string[]) =>
    requiredKeys(call, track).map((d) => {
      const finding = flagged.includes(d.key) ? ITEM_FINDINGS[d.key] : undefined;
      return finding ? { key: d.key, ...finding } : { key: d.key, status: "ok" as const, reason: null };
    });

  const playThread = async (live: Live, thread: Thread | undefined, last: Date) => {
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
      await message(
        ctx,
        live,
        "applicant",
        THREADS.acceptedQuestion,
        asked,
        new Date(asked.getTime() + HOUR),
      );
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

  for (const [call, scripts] of [
    [open, OPEN_SCRIPTS],
    [closed, CLOSED_SCRIPTS],
  ] as const) {
    for (const [n, script] of scripts.entries()) {
      const times = timeline(script.days);
      const { id, track } = draw(call, script, times, TRACK_TURNS[n % TRACK_TURNS.length] as Track);
      await play(call, script, await loadSeedProfile(tx, id), track, times);
    }
  }

  if (member.org) {
    const profile = await loadSeedProfile(tx, member.org);
    // The first batch admitted them to the desks (they are resident now).
    await play(closed, S([128, 126, 120], ["submit", "accept"]), profile, "space", timeline([128, 126, 120]));
    await memberDraft(profile);
  }
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
    const first = requiredKeys(open, track)[0];
    if (first) await attachDocument(ctx, live, first.key, new Date(created.getTime() + 12 * MINUTE));
    const asked = new Date(created.getTime() + 30 * MINUTE);
    await message(ctx, live, "applicant", THREADS.memberQuestion, asked, shanghaiTime(now, 1, 9, 5));
    const answered = between(shanghaiTime(now, 1, 9, 40), now, 0.1);
    await message(ctx, live, "staff", THREADS.memberAnswer, answered, null);
    await finish(ctx, live);
  }
}

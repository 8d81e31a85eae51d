/**
 * One demo story played out: an organization's application to a call, from its draft through the
 * script's events (documents uploaded before each submit, item verdicts before a return or an
 * accept, corrected documents before a resubmit), then the script's thread. Shared by the demo
 * seed and the bench's recruitment, so both draw from `random` in the same order.
 */
import { type Track, trackOf } from "../../domain/call";
import { attachDocument, recordVerdicts, replaceDocument } from "./application-documents";
import { message } from "./application-notices";
import {
  answersMaker,
  between,
  HOUR,
  MINUTE,
  type Script,
  type Thread,
  UPLOAD_WINDOW,
} from "./application-plan";
import {
  INELIGIBLE_REASON,
  ITEM_FINDINGS,
  RETURN_INTRO,
  THREADS,
  WITHDRAW_REASON,
} from "./application-texts";
import {
  createApplication,
  finish,
  type Live,
  type ProfileRow,
  type SeedCall,
  type SeedContext,
  transition,
} from "./application-writer";
import { pickerOf } from "./generate";

export interface Story {
  call: SeedCall;
  script: Script;
  profile: ProfileRow;
  track: Track;
  /** When it was created, then when each of the script's events happened. */
  times: Date[];
}

/** Writes one story for this organization and track, as the services would have. */
export async function playStory(ctx: SeedContext, random: () => number, story: Story): Promise<Live> {
  const { call, script, profile, track, times } = story;
  const created = times[0] as Date;
  const draft = script.events.length === 0;
  const answers = answersMaker(ctx.now, random)(
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
        await attachDocument(ctx, live, d.key, between(new Date(from), at, 0.1 + (0.8 * k) / chosen.length));
      }
    } else if (event === "return") {
      const candidates = requiredDocuments(call, track)
        .map((d) => d.key)
        .filter((key) => ITEM_FINDINGS[key]);
      flagged = candidates.filter(() => random() < 0.4).slice(0, 2);
      if (flagged.length === 0) flagged = [pickerOf(random)(candidates)];
      await recordVerdicts(
        ctx,
        live,
        verdictsWith(call, track, flagged),
        new Date(at.getTime() - 20 * MINUTE),
      );
      const lines = flagged.map(
        (key, n) => `${n + 1}. ${docs.find((d) => d.key === key)?.label}：${ITEM_FINDINGS[key]?.reason}`,
      );
      const reason = [RETURN_INTRO, ...lines].join("\n");
      await transition(ctx, live, "return", at, reason);
      const readAt = new Date(at.getTime() + 3 * HOUR);
      await message(ctx, live, "staff", reason, new Date(at.getTime() + MINUTE), readAt, false);
      continue;
    } else if (event === "resubmit") {
      for (const key of flagged) await replaceDocument(ctx, live, key, new Date(at.getTime() - 40 * MINUTE));
    } else if (event === "accept") {
      await recordVerdicts(ctx, live, verdictsWith(call, track, []), new Date(at.getTime() - 15 * MINUTE));
    }
    const reason =
      event === "mark_ineligible" ? INELIGIBLE_REASON : event === "withdraw" ? WITHDRAW_REASON : null;
    await transition(ctx, live, event, at, reason);
  }
  const last = times.at(-1) as Date;
  if (script.partialIntake) {
    const some = requiredDocuments(call, track)
      .slice(0, 2)
      .map((d) => ({ key: d.key, status: "ok" as const, reason: null }));
    await recordVerdicts(ctx, live, some, between(last, ctx.now, 0.3));
  }
  await playThread(ctx, live, script.thread, last);
  await finish(ctx, live);
  return live;
}

/** The documents a track requires (under the call's current rules). */
export function requiredDocuments(call: SeedCall, track: Track) {
  return (trackOf(call.rules, track)?.documents ?? []).filter((d) => d.required);
}

/** A verdict on every required document: the flagged ones with their finding, the others ok. */
function verdictsWith(call: SeedCall, track: Track, flagged: string[]) {
  return requiredDocuments(call, track).map((d) => {
    const finding = flagged.includes(d.key) ? ITEM_FINDINGS[d.key] : undefined;
    return finding ? { key: d.key, ...finding } : { key: d.key, status: "ok" as const, reason: null };
  });
}

async function playThread(ctx: SeedContext, live: Live, thread: Thread | undefined, last: Date) {
  if (thread === "waitingAfterSubmit" || thread === "askAfterReturn") {
    await message(ctx, live, "applicant", THREADS[thread], between(last, ctx.now, 0.45), null);
  } else if (thread === "afterResubmit") {
    const at = new Date(last.getTime() + 3 * MINUTE);
    await message(ctx, live, "applicant", THREADS.afterResubmit, at, null);
  } else if (thread === "acceptedQuestion") {
    const asked = between(last, ctx.now, 0.3);
    const readAt = new Date(asked.getTime() + HOUR);
    await message(ctx, live, "applicant", THREADS.acceptedQuestion, asked, readAt);
    const answered = new Date(asked.getTime() + 2 * HOUR);
    const answerRead = new Date(answered.getTime() + 3 * HOUR);
    await message(ctx, live, "staff", THREADS.acceptedAnswer, answered, answerRead);
  }
}

/**
 * Creating and editing calls. A draft edits freely; a published call's title, description and
 * rules change only with a note, as a new revision applicants see, and never in a way that pulls
 * the rug from under them (a track with applications removed, the deadline moved into the past).
 */
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { callRevisions, calls } from "../../../../db/schema";
import { type CallRules, callRulesProblems, removedTracks } from "../../../../domain/call";
import type { FieldMessageKey } from "../../../../schemas/messages";
import type { Call, ZCallInput, ZCallUpdate } from "../../../../schemas/recruitment/calls";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { activeApplicationsInTracks, type CallRow, callView, findCall } from "./view";

type CallInputData = z.output<typeof ZCallInput>;
type CallUpdateData = z.output<typeof ZCallUpdate>;

export async function createCall(db: Db, ctx: Context, input: CallInputData): Promise<Call> {
  const baseId = ctx.actor.baseId;
  requireAccess(ctx.actor, "call.manage", { baseId });
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(calls)
      .values({ baseId, ...content(input), status: "draft", revision: 0, createdBy: ctx.actor.userId })
      .returning();
    if (!created) throw new Error("call insert returned nothing");
    await recordAudit(tx, ctx, {
      baseId,
      action: "call.created",
      entityType: "call",
      entityId: created.id,
      after: { title: created.title, rules: created.rules },
    });
    return created;
  });
  return callView(db, row, ctx.lang);
}

/** Loads a call the actor may manage, or 403 / 404. */
export async function managedCall(db: Db, ctx: Context, id: string): Promise<CallRow> {
  requireRoleFor(ctx.actor, "call.manage");
  const row = await findCall(db, id);
  if (!row) throw notFound();
  requireAccess(ctx.actor, "call.manage", { baseId: row.baseId });
  return row;
}

export function statusInvalid(ctx: Context, row: CallRow): AppError {
  return new AppError("call_status_invalid", {
    params: { status: RECRUITMENT_LABELS[ctx.lang].callStatus[row.status] },
    details: { currentStatus: row.status },
  });
}

export async function updateCall(db: Db, ctx: Context, id: string, input: CallUpdateData): Promise<Call> {
  const current = await managedCall(db, ctx, id);
  if (current.status === "closed") throw statusInvalid(ctx, current);
  if (input.version !== current.version) throw versionConflict(current.version);
  const next = content(input);
  const published = current.status === "published";
  const changed =
    next.title !== current.title ||
    next.description !== current.description ||
    canonical(next.rules) !== canonical(current.rules);
  if (!changed) return callView(db, current, ctx.lang);

  const row = await db.transaction(async (tx) => {
    // Checked on the locked row: an applicant entering a track holds the call FOR SHARE, so no
    // application can land in a track between "it has none" and its removal.
    const [locked] = await tx.select().from(calls).where(eq(calls.id, id)).for("update");
    if (!locked || locked.version !== input.version)
      throw versionConflict(locked?.version ?? current.version);
    if (published) await checkRevision(tx, ctx, locked, next.rules, input.note ?? null);
    const [saved] = await tx
      .update(calls)
      .set({
        ...next,
        revision: published ? sql`${calls.revision} + 1` : current.revision,
        version: sql`${calls.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(calls.id, id), eq(calls.version, input.version)))
      .returning();
    if (!saved) throw versionConflict((await findCall(tx, id))?.version ?? current.version);
    if (published) {
      await tx.insert(callRevisions).values({
        baseId: saved.baseId,
        callId: id,
        revision: saved.revision,
        title: saved.title,
        description: saved.description,
        rules: saved.rules,
        note: input.note ?? null,
        changedBy: ctx.actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      baseId: saved.baseId,
      action: published ? "call.revised" : "call.updated",
      entityType: "call",
      entityId: id,
      before: { title: current.title, description: current.description, rules: current.rules },
      after: {
        title: saved.title,
        description: saved.description,
        rules: saved.rules,
        ...(published ? { revision: saved.revision, note: input.note } : {}),
      },
    });
    return saved;
  });
  return callView(db, row, ctx.lang);
}

/** What a change to a published call must satisfy; throws the first problem as a field error. */
async function checkRevision(
  db: Db,
  ctx: Context,
  current: CallRow,
  rules: CallRules,
  note: string | null,
): Promise<void> {
  if (!note) throw fieldError("note", "note_required");
  throwRulesProblems(rules);
  const now = Date.now();
  const closesAt = new Date(rules.closesAt).getTime();
  if (closesAt !== current.closesAt.getTime() && closesAt <= now) {
    throw fieldError("rules.closesAt", "closes_in_past");
  }
  const opensAt = new Date(rules.opensAt).getTime();
  if (current.opensAt.getTime() <= now && opensAt > now) throw fieldError("rules.opensAt", "opens_at_locked");
  const removed = removedTracks(current.rules, rules);
  const held = await activeApplicationsInTracks(db, current.id, removed);
  const first = held.find((h) => h.n > 0);
  if (first) {
    throw fieldError("rules.tracks", "track_has_applications", {
      track: RECRUITMENT_LABELS[ctx.lang].track[first.track],
    });
  }
}

export function throwRulesProblems(rules: CallRules): void {
  const [problem] = callRulesProblems(rules);
  if (problem) throw fieldError(problem.field, problem.code satisfies FieldMessageKey, problem.params);
}

function content(input: CallInputData) {
  const rules: CallRules = input.rules;
  return {
    title: input.title,
    description: input.description,
    rules,
    opensAt: new Date(rules.opensAt),
    closesAt: new Date(rules.closesAt),
  };
}

/** JSON with sorted keys: jsonb does not keep key order, so plain JSON.stringify would differ. */
/**
 * Rules as one comparable string: keys sorted, and a null or false field the same as an absent
 * one (a field added later, like a question's maxLength, min, max or integer, is absent from calls
 * saved before it; every boolean of the rules is present whenever it matters).
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, field]) => field !== null && field !== false)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

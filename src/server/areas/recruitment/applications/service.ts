/**
 * The applicant's own acts on an application: open a draft, autosave it, withdraw, and the
 * lists and detail both sides read.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, calls, organizations } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { type AnswerProblem, type Answers, answerProblems } from "../../../../domain/answers";
import { deadlineOf, isEditableByApplicant } from "../../../../domain/application";
import { questionsFor, trackOf } from "../../../../domain/call";
import type { FieldMessageKey } from "../../../../schemas/messages";
import type {
  ApplicationCreate,
  ApplicationDetail,
  ApplicationDraft,
  MyApplications,
} from "../../../../schemas/recruitment/applications";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { requireListScope, scopeWhere } from "../../../scope";
import { APPLICATION_SCOPE } from "../intake/queue";
import { activeDocuments, authorizeRead, loadCall, loadForApply } from "./load";
import { questionRequirement, refreshMissingItems } from "./problems";
import { applyTransition, illegalTransition } from "./transition";
import { readApplicationDetail } from "./view";
import { windowError } from "./window";

export async function getApplication(db: Db, ctx: Context, id: string): Promise<ApplicationDetail> {
  requireRoleFor(ctx.actor, "application.read");
  return readApplicationDetail(db, ctx, id, (row) => authorizeRead(db, ctx, row));
}

/** The member organization's applications, newest first, with what a card shows. */
export async function listMine(db: Db, ctx: Context): Promise<MyApplications> {
  const scope = requireListScope(ctx.actor, "application.listOwn");
  const rows = await db
    .select({ application: applications, call: calls, organizationName: organizations.name })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(scopeWhere(scope, APPLICATION_SCOPE))
    .orderBy(desc(applications.updatedAt));
  return {
    serverNow: new Date().toISOString(),
    items: rows.map(({ application: a, call, organizationName }) => ({
      id: a.id,
      baseId: a.baseId,
      callId: call.id,
      callTitle: call.title,
      callStatus: call.status,
      organizationId: a.organizationId,
      organizationName,
      track: a.track,
      status: a.status,
      version: a.version,
      missingItems: a.missingItems,
      submissionCount: a.submissionCount,
      opensAt: call.opensAt.toISOString(),
      deadline: deadlineOf(call.closesAt, a.extendedUntil).toISOString(),
      extendedUntil: a.extendedUntil?.toISOString() ?? null,
      lastSubmittedAt: a.lastSubmittedAt?.toISOString() ?? null,
      statusChangedAt: a.statusChangedAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    })),
  };
}

/** A draft of the member's organization; drafts may be started once a call is published. */
export async function createApplication(
  db: Db,
  ctx: Context,
  input: ApplicationCreate,
): Promise<ApplicationDetail> {
  requireAccess(ctx.actor, "application.apply");
  const organizationId = ctx.actor.organizationId as string;
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      // FOR SHARE: a staff edit removing this track waits for this insert, then counts it.
      const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).limit(1).for("share");
      if (!call || call.baseId !== ctx.actor.baseId || call.status === "draft") throw notFound();
      const refused = windowError(call, new Date(), null, ctx.lang, "draft");
      if (refused) throw refused;
      if (!trackOf(call.rules, input.track)) throw new AppError("track_not_offered", { field: "track" });
      await throwIfApplied(tx, call.id, organizationId);
      const [row] = await tx
        .insert(applications)
        .values({
          baseId: call.baseId,
          callId: call.id,
          organizationId,
          track: input.track,
          callRevision: call.revision,
          createdBy: ctx.actor.userId,
        })
        .returning();
      if (!row) throw new Error("application not created");
      await refreshMissingItems(tx, row);
      await recordAudit(tx, ctx, {
        baseId: row.baseId,
        action: "application.create",
        entityType: "application",
        entityId: row.id,
        after: { callId: call.id, track: row.track },
      });
      return row.id;
    });
  } catch (error) {
    // Two tabs creating at once: the unique index decides, the loser is told where the first is.
    if (isUniqueViolation(error)) await throwIfApplied(db, input.callId, organizationId);
    throw error;
  }
  return getApplication(db, ctx, id);
}

async function throwIfApplied(db: Db, callId: string, organizationId: string): Promise<void> {
  const [existing] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.organizationId, organizationId)))
    .limit(1);
  if (existing) throw new AppError("already_applied", { details: { applicationId: existing.id } });
}

/** Autosave: answers merge key by key (null clears one); a stale version is refused whole. */
export async function saveDraft(
  db: Db,
  ctx: Context,
  id: string,
  input: ApplicationDraft,
): Promise<ApplicationDetail> {
  await db.transaction(async (tx) => {
    // Locks in the house order, the call before the application (as submit takes them): moving
    // to another track holds the call FOR SHARE first; the version check covers the gap.
    const peek = await loadForApply(tx, ctx, id);
    const moving = input.track !== undefined && input.track !== peek.track;
    const call = await loadCall(tx, peek.callId, moving ? { lock: "share" } : {});
    const row = await loadForApply(tx, ctx, id, { lock: true });
    if (!isEditableByApplicant(row.status)) throw illegalTransition(row.status);
    if (input.version !== row.version) throw versionConflict(row.version);
    const track = input.track ?? row.track;
    if (!trackOf(call.rules, track)) throw new AppError("track_not_offered", { field: "track" });
    // Once submitted, the track is what staff review and what the track's cap counted.
    if (track !== row.track && row.submissionCount > 0) throw fieldError("track", "track_locked");
    const given = input.answers ?? {};
    await checkAnswers(tx, row.id, questionsFor(call.rules, track), given);
    const answers: Answers = { ...row.answers };
    for (const [key, value] of Object.entries(given)) {
      if (value === null) delete answers[key];
      else answers[key] = value;
    }
    const [updated] = await tx
      .update(applications)
      .set({ track, answers, callRevision: call.revision, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(applications.id, row.id), eq(applications.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    await refreshMissingItems(tx, updated);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "application.save",
      entityType: "application",
      entityId: row.id,
      before: { track: row.track },
      after: { track, answerKeys: Object.keys(given) },
    });
  });
  return getApplication(db, ctx, id);
}

const ANSWER_MESSAGES: Record<AnswerProblem["code"], FieldMessageKey> = {
  required: "invalid",
  number_invalid: "number_invalid",
  integer_required: "integer_required",
  too_small: "too_small",
  too_big: "too_big",
  date_invalid: "date_invalid",
  date_nonexistent: "date_nonexistent",
  date_out_of_range: "date_out_of_range",
  invalid_option: "invalid_option",
  too_long: "too_long",
};

/** Values saved must be well-formed (not complete); a file answer names this application's document. */
async function checkAnswers(
  tx: Db,
  applicationId: string,
  questions: ReturnType<typeof questionsFor>,
  given: Answers,
): Promise<void> {
  for (const key of Object.keys(given)) {
    if (!questions.some((q) => q.key === key)) throw fieldError(`answers.${key}`, "invalid");
  }
  const [problem] = answerProblems(questions, given, false);
  if (problem) {
    const { key, code, ...params } = problem;
    throw fieldError(`answers.${key}`, ANSWER_MESSAGES[code], params);
  }
  const fileQuestions = questions.filter((q) => q.type === "file" && typeof given[q.key] === "string");
  if (fileQuestions.length === 0) return;
  const documents = await activeDocuments(tx, applicationId);
  for (const q of fileQuestions) {
    const ok = documents.some(
      (d) => d.id === given[q.key] && d.requirementKey === questionRequirement(q.key),
    );
    if (!ok) throw fieldError(`answers.${q.key}`, "invalid");
  }
}

export async function withdrawApplication(
  db: Db,
  ctx: Context,
  id: string,
  input: { version: number; reason?: string | null },
): Promise<ApplicationDetail> {
  await db.transaction(async (tx) => {
    const row = await loadForApply(tx, ctx, id, { lock: true });
    await applyTransition(tx, ctx, row, "withdraw", {
      reason: input.reason ?? null,
      expectedVersion: input.version,
    });
  });
  return getApplication(db, ctx, id);
}

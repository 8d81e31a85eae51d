/**
 * Submit and resubmit. One transaction holds the call row, so two applicants racing for the last
 * place under a track's cap are served one after the other; an Idempotency-Key makes a retried
 * request (a phone on a bad network) answer the first result instead of submitting twice.
 */
import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationSubmissions, applications } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { COUNTED_FOR_TRACK_CAP, submitEventFor } from "../../../../domain/application";
import { trackOf } from "../../../../domain/call";
import type { SubmissionSnapshot, SubmitResult } from "../../../../schemas/recruitment/applications";
import type { Context } from "../../../context";
import { AppError, versionConflict } from "../../../errors";
import { activeDocuments, loadCall, loadForApply, loadProfile } from "./load";
import { applicationProblems, missingCount } from "./problems";
import { applyTransition, illegalTransition } from "./transition";
import { windowError } from "./window";

export async function submitApplication(
  db: Db,
  ctx: Context,
  id: string,
  input: { version: number; idempotencyKey: string },
): Promise<SubmitResult> {
  try {
    return await db.transaction((tx) => submitInTransaction(tx, ctx, id, input));
  } catch (error) {
    // The same key raced past the check in another transaction: answer with its result.
    if (isUniqueViolation(error)) {
      const replay = await replayed(db, id, input.idempotencyKey);
      if (replay) return replay;
    }
    throw error;
  }
}

async function submitInTransaction(
  tx: Db,
  ctx: Context,
  id: string,
  input: { version: number; idempotencyKey: string },
): Promise<SubmitResult> {
  const peek = await loadForApply(tx, ctx, id);
  // The call row first, then the application: every submit to this call queues here.
  const call = await loadCall(tx, peek.callId, { lock: "update" });
  const row = await loadForApply(tx, ctx, id, { lock: true });
  const replay = await replayed(tx, id, input.idempotencyKey);
  if (replay) return replay;

  const event = submitEventFor(row.status);
  if (!event) throw illegalTransition(row.status);
  if (input.version !== row.version) throw versionConflict(row.version);
  const now = new Date();
  const refused = windowError(call, now, row.extendedUntil, ctx.lang, "submit");
  if (refused) throw refused;

  // One after the other: a transaction is one connection, which runs one query at a time.
  const profile = await loadProfile(tx, row.organizationId);
  const documents = await activeDocuments(tx, row.id);
  const problems = applicationProblems(row, call, profile, documents, now);
  if (problems.length > 0) {
    throw new AppError("submission_incomplete", {
      params: { count: problems.length },
      details: { problems },
    });
  }

  const track = trackOf(call.rules, row.track);
  if (track?.maxApplications != null) {
    const [taken] = await tx
      .select({ n: count() })
      .from(applications)
      .where(
        and(
          eq(applications.callId, call.id),
          eq(applications.track, row.track),
          inArray(applications.status, [...COUNTED_FOR_TRACK_CAP]),
          ne(applications.id, row.id),
        ),
      );
    if ((taken?.n ?? 0) >= track.maxApplications) {
      throw new AppError("track_full", { details: { maxApplications: track.maxApplications } });
    }
  }

  const snapshot: SubmissionSnapshot = {
    track: row.track,
    callRevision: call.revision,
    answers: row.answers,
    organization: { ...profile },
    documents: documents.map((d) => ({
      id: d.id,
      fileId: d.file.id,
      requirementKey: d.requirementKey,
      originalName: d.file.originalName,
      sha256: d.file.sha256,
      size: d.file.size,
    })),
  };
  const number = row.submissionCount + 1;
  const [submission] = await tx
    .insert(applicationSubmissions)
    .values({
      baseId: row.baseId,
      applicationId: row.id,
      number,
      idempotencyKey: input.idempotencyKey,
      snapshot,
      submittedBy: ctx.actor.userId,
    })
    .returning();
  if (!submission) throw new Error("submission not written");
  const updated = await applyTransition(tx, ctx, row, event, {
    expectedVersion: input.version,
    set: {
      submissionCount: number,
      firstSubmittedAt: row.firstSubmittedAt ?? now,
      lastSubmittedAt: now,
      callRevision: call.revision,
      missingItems: missingCount(problems),
    },
    noticeParams: { callTitle: call.title, number },
  });
  return {
    applicationId: row.id,
    number,
    createdAt: submission.createdAt.toISOString(),
    status: updated.status,
    version: updated.version,
  };
}

/** The result of an earlier submit with this key, if there was one. */
async function replayed(db: Db, applicationId: string, key: string): Promise<SubmitResult | null> {
  const [found] = await db
    .select({
      number: applicationSubmissions.number,
      createdAt: applicationSubmissions.createdAt,
      status: applications.status,
      version: applications.version,
    })
    .from(applicationSubmissions)
    .innerJoin(applications, eq(applications.id, applicationSubmissions.applicationId))
    .where(
      and(
        eq(applicationSubmissions.applicationId, applicationId),
        eq(applicationSubmissions.idempotencyKey, key),
      ),
    )
    .limit(1);
  if (!found) return null;
  return {
    applicationId,
    number: found.number,
    createdAt: found.createdAt.toISOString(),
    status: found.status,
    version: found.version,
  };
}

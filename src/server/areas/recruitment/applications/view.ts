/** The application detail both sides see: one shape, the phone masked unless the viewer is staff. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationEvents, applicationSubmissions, intakeVerdicts, users } from "../../../../db/schema";
import { availableEvents, deadlineOf } from "../../../../domain/application";
import { canSubmitAt, questionsFor, trackOf } from "../../../../domain/call";
import { eligibilityChecks } from "../../../../domain/eligibility";
import { maskMobile } from "../../../../domain/phone";
import { hasRole } from "../../../../domain/roles";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type {
  ApplicationDetail,
  ApplicationDocument,
  ApplicationOrganization,
  EligibilityReport,
} from "../../../../schemas/recruitment/applications";
import type { Context } from "../../../context";
import {
  type ApplicationRow,
  activeDocuments,
  loadCall,
  loadProfile,
  type ProfileRow,
  replacedDocuments,
} from "./load";
import { applicationProblems } from "./problems";

export function isStaff(ctx: Context): boolean {
  return hasRole(ctx.actor, "admin", "staff");
}

function profileView(profile: ProfileRow, revealPhone: boolean): ApplicationOrganization {
  return {
    ...profile,
    contactPhone:
      revealPhone || !profile.contactPhone ? profile.contactPhone : maskMobile(profile.contactPhone),
  };
}

/** A current document as both sides see it (the detail, and the answer to an upload). */
export function documentView(d: {
  id: string;
  requirementKey: string;
  file: { id: string; originalName: string; size: number; mime: string; createdAt: Date };
}): ApplicationDocument {
  const { id, originalName, size, mime, createdAt } = d.file;
  return {
    id: d.id,
    requirementKey: d.requirementKey,
    file: { id, originalName, size, mime, createdAt: createdAt.toISOString() },
  };
}

/**
 * The track's rules judged on the registry's record as it is now, counted to the day of the last
 * submit (the day the rule speaks of, src/domain/call.ts), or to today before any.
 */
export function eligibilityReport(
  rule: Parameters<typeof eligibilityChecks>[0],
  profile: Parameters<typeof eligibilityChecks>[1],
  row: Pick<ApplicationRow, "lastSubmittedAt">,
  now: Date,
): EligibilityReport {
  const onDate = shanghaiDate(row.lastSubmittedAt ?? now);
  return { onDate, checks: eligibilityChecks(rule, profile, onDate) };
}

export async function applicationDetail(
  db: Db,
  ctx: Context,
  row: ApplicationRow,
): Promise<ApplicationDetail> {
  const now = new Date();
  const [call, profile, documents, replaced, verdicts, events, submissions] = await Promise.all([
    loadCall(db, row.callId),
    loadProfile(db, row.organizationId),
    activeDocuments(db, row.id),
    replacedDocuments(db, row.id),
    db
      .select({
        requirementKey: intakeVerdicts.requirementKey,
        status: intakeVerdicts.status,
        reason: intakeVerdicts.reason,
        checkedAt: intakeVerdicts.checkedAt,
        checkerName: users.displayName,
      })
      .from(intakeVerdicts)
      .leftJoin(users, eq(users.id, intakeVerdicts.checkedBy))
      .where(eq(intakeVerdicts.applicationId, row.id))
      .orderBy(asc(intakeVerdicts.requirementKey)),
    db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, row.id))
      .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id)),
    db
      .select({
        number: applicationSubmissions.number,
        createdAt: applicationSubmissions.createdAt,
        submittedByName: users.displayName,
      })
      .from(applicationSubmissions)
      .leftJoin(users, eq(users.id, applicationSubmissions.submittedBy))
      .where(eq(applicationSubmissions.applicationId, row.id))
      .orderBy(asc(applicationSubmissions.number)),
  ]);
  const staff = isStaff(ctx);
  const track = trackOf(call.rules, row.track);
  return {
    id: row.id,
    baseId: row.baseId,
    status: row.status,
    track: row.track,
    version: row.version,
    callRevision: row.callRevision,
    missingItems: row.missingItems,
    submissionCount: row.submissionCount,
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    lastSubmittedAt: row.lastSubmittedAt?.toISOString() ?? null,
    statusChangedAt: row.statusChangedAt.toISOString(),
    extendedUntil: row.extendedUntil?.toISOString() ?? null,
    statusReason: row.statusReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    call: {
      id: call.id,
      title: call.title,
      status: call.status,
      revision: call.revision,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
    },
    organization: profileView(profile, staff),
    requirements: {
      documents: track?.documents ?? [],
      questions: questionsFor(call.rules, row.track),
    },
    answers: row.answers,
    documents: documents.map(documentView),
    replacedDocuments: replaced.map((d) => ({
      ...documentView(d),
      replacedAt: (d.replacedAt ?? d.file.createdAt).toISOString(),
      replacedById: d.replacedById ?? "",
    })),
    verdicts: verdicts.map((r) => ({ ...r, checkedAt: r.checkedAt.toISOString() })),
    events: events.map((e) => ({
      id: e.id,
      event: e.event,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      side: e.side,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    })),
    submissions: submissions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
    problems: applicationProblems(row, call, profile, documents, now),
    canSubmitNow: canSubmitAt(call, now, row.extendedUntil),
    deadline: deadlineOf(call.closesAt, row.extendedUntil).toISOString(),
    availableEvents: availableEvents(row.status, staff ? "staff" : "applicant"),
    ...(staff ? { eligibility: track ? eligibilityReport(track.eligibility, profile, row, now) : null } : {}),
    serverNow: now.toISOString(),
  };
}

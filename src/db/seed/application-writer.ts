/**
 * Writes one demo application as the real services would have left it: documents and their files,
 * one frozen submission per submit, a history row per transition (state machine checked), item
 * verdicts, thread messages and the notices each act sent. Times are given by the caller (past).
 */
import { eq } from "drizzle-orm";
import type { Answers } from "../../domain/answers";
import {
  type ApplicationEvent,
  type ApplicationStatus,
  EVENT_SIDE,
  nextStatus,
} from "../../domain/application";
import { applicationProblems, missingCount } from "../../domain/application-problems";
import type { CallRules, Track } from "../../domain/call";
import type { NotificationKind } from "../../schemas/platform/notifications";
import type { SubmissionSnapshot } from "../../schemas/recruitment/applications";
import type { Db } from "../client";
import { recordApplicationHistory } from "../history";
import { findOrganizationProfile } from "../organization-profile";
import { applicationSubmissions, applications, notifications } from "../schema";
import type { DemoBlob } from "./demo-pdf";

const HOUR = 3600 * 1000;

/** The registry profile a submission freezes, as the applications area reads it. */
export async function loadSeedProfile(tx: Db, organizationId: string) {
  const row = await findOrganizationProfile(tx, organizationId);
  if (!row) throw new Error("seed: organization not found");
  return row;
}
export type ProfileRow = Awaited<ReturnType<typeof loadSeedProfile>>;

export interface SeedCall {
  id: string;
  title: string;
  rules: CallRules;
  revisions: { revision: number; rules: CallRules; createdAt: Date }[];
}

export interface SeedContext {
  tx: Db;
  baseId: string;
  now: Date;
  staff: { id: string; name: string };
  /** Staff and admin accounts: they hear of every applicant's act. */
  staffRecipients: string[];
  member: { id: string; name: string; organizationId: string | null };
  blobs: Map<string, DemoBlob>;
  /** Ids for rows a writer makes itself (the bench's are seeded); random UUIDs when absent. */
  newId?: () => string;
}

interface LiveDocument {
  id: string;
  requirementKey: string;
  fileId: string;
  originalName: string;
  sha256: string;
  size: number;
}

/** An application being written: its row's state in memory, its documents as they stand. */
export interface Live {
  id: string;
  call: SeedCall;
  profile: ProfileRow;
  track: Track;
  answers: Answers;
  /** The member account acting for the organization, when it has one. */
  userId: string | null;
  /** Who acts for the applicant: the member account, or the organization's contact person. */
  applicantName: string;
  status: ApplicationStatus;
  version: number;
  statusReason: string | null;
  statusChangedAt: Date;
  submissionCount: number;
  firstSubmittedAt: Date | null;
  lastSubmittedAt: Date | null;
  callRevision: number;
  updatedAt: Date;
  documents: LiveDocument[];
}

/** The revision of a call's rules in force at `at`. */
function revisionAt(call: SeedCall, at: Date) {
  const inForce = call.revisions.filter((r) => r.createdAt <= at);
  return inForce.at(-1) ?? call.revisions[0] ?? { revision: 1, rules: call.rules, createdAt: at };
}

export async function createApplication(
  ctx: SeedContext,
  call: SeedCall,
  profile: ProfileRow,
  track: Track,
  answers: Answers,
  at: Date,
): Promise<Live> {
  const userId = profile.id === ctx.member.organizationId ? ctx.member.id : null;
  const callRevision = revisionAt(call, at).revision;
  const [row] = await ctx.tx
    .insert(applications)
    .values({
      baseId: ctx.baseId,
      callId: call.id,
      organizationId: profile.id,
      track,
      answers,
      callRevision,
      createdBy: userId,
      statusChangedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: applications.id });
  if (!row) throw new Error("seed: application insert returned nothing");
  return {
    id: row.id,
    call,
    profile,
    track,
    answers,
    userId,
    applicantName: userId ? ctx.member.name : (profile.contactName ?? profile.name),
    status: "draft",
    version: 2, // created, then its answers autosaved
    statusReason: null,
    statusChangedAt: at,
    submissionCount: 0,
    firstSubmittedAt: null,
    lastSubmittedAt: null,
    callRevision,
    updatedAt: at,
    documents: [],
  };
}

/** One transition, refused here exactly when the state machine (or a submit's checks) would. */
export async function transition(
  ctx: SeedContext,
  live: Live,
  event: ApplicationEvent,
  at: Date,
  reason: string | null = null,
) {
  const to = nextStatus(live.status, event);
  if (!to) throw new Error(`seed: ${event} is not allowed from ${live.status}`);
  const side = EVENT_SIDE[event];
  let number: number | null = null;
  if (event === "submit" || event === "resubmit") number = await writeSubmission(ctx, live, at);
  await recordApplicationHistory(ctx.tx, {
    baseId: ctx.baseId,
    applicationId: live.id,
    organizationId: live.profile.id,
    track: live.track,
    event,
    fromStatus: live.status,
    toStatus: to,
    reason,
    side,
    actor: side === "staff" ? ctx.staff : { id: live.userId, name: live.applicantName },
    at,
  });
  await notice(ctx, live, side, "application_status", at, {
    status: to,
    reason,
    callTitle: live.call.title,
    ...(number === null ? {} : { number }),
  });
  // As applyTransition keeps it: a return or ineligibility without reason clears the old one.
  live.statusReason =
    reason ?? (event === "return" || event === "mark_ineligible" ? null : live.statusReason);
  live.status = to;
  live.version += 1;
  live.statusChangedAt = at;
  live.updatedAt = at;
}

async function writeSubmission(ctx: SeedContext, live: Live, at: Date): Promise<number> {
  const { revision, rules } = revisionAt(live.call, at);
  const problems = applicationProblems(live, { rules }, live.profile, live.documents, at);
  if (problems.length > 0) {
    throw new Error(`seed: the submit would be refused: ${JSON.stringify(problems)}`);
  }
  const snapshot: SubmissionSnapshot = {
    track: live.track,
    callRevision: revision,
    answers: live.answers,
    organization: { ...live.profile },
    documents: live.documents.map((d) => ({
      id: d.id,
      fileId: d.fileId,
      requirementKey: d.requirementKey,
      originalName: d.originalName,
      sha256: d.sha256,
      size: d.size,
    })),
  };
  const number = live.submissionCount + 1;
  await ctx.tx.insert(applicationSubmissions).values({
    baseId: ctx.baseId,
    applicationId: live.id,
    number,
    idempotencyKey: `demo-${live.id}-${number}`,
    snapshot,
    submittedBy: live.userId,
    createdAt: at,
  });
  live.submissionCount = number;
  live.firstSubmittedAt ??= at;
  live.lastSubmittedAt = at;
  live.callRevision = revision;
  return number;
}

/** Writes the application row's final state, `missing_items` computed as the server does. */
export async function finish(ctx: SeedContext, live: Live) {
  const current = live.call.revisions.at(-1)?.rules ?? live.call.rules;
  const problems = applicationProblems(live, { rules: current }, live.profile, live.documents, ctx.now);
  await ctx.tx
    .update(applications)
    .set({
      status: live.status,
      answers: live.answers,
      version: live.version,
      statusReason: live.statusReason,
      statusChangedAt: live.statusChangedAt,
      submissionCount: live.submissionCount,
      firstSubmittedAt: live.firstSubmittedAt,
      lastSubmittedAt: live.lastSubmittedAt,
      callRevision: live.status === "draft" ? (live.call.revisions.at(-1)?.revision ?? 1) : live.callRevision,
      missingItems: missingCount(problems),
      updatedAt: live.updatedAt,
    })
    .where(eq(applications.id, live.id));
}

/** The notices one act sends: staff hear of the applicant, the organization's members of staff. */
export async function notice(
  ctx: SeedContext,
  live: Live,
  side: "applicant" | "staff",
  kind: NotificationKind,
  at: Date,
  params: Record<string, string | number | null>,
) {
  const members = live.profile.id === ctx.member.organizationId ? [ctx.member.id] : [];
  const recipients = side === "applicant" ? ctx.staffRecipients : members;
  if (recipients.length === 0) return;
  // Notices older than two days have been read; the recent ones wait in the bell.
  const readAt = ctx.now.getTime() - at.getTime() > 48 * HOUR ? new Date(at.getTime() + 2 * HOUR) : null;
  await ctx.tx.insert(notifications).values(
    recipients.map((userId) => ({
      baseId: ctx.baseId,
      userId,
      kind,
      params: { applicationId: live.id, ...params },
      link: side === "applicant" ? `/applications/${live.id}` : `/my-applications/${live.id}`,
      readAt,
      createdAt: at,
    })),
  );
}

/**
 * Applications as both sides see them (the applicant's form and staff's detail), the draft
 * autosave, submits, and the comparison of two submitted versions.
 */
import { z } from "zod";
import { APPLICATION_EVENTS, INTAKE_VERDICT_STATUSES } from "../../domain/application";
import { CALL_STATUSES } from "../../domain/call";
import { ORGANIZATION_FIELDS, REGISTRATION_STATUSES } from "../../domain/organization";
import { longText, text, ZId, ZVersion } from "../common";
import { ZApplicationStatus, ZDocumentRequirementView, ZQuestionView, ZTrack } from "./calls";

const ZEventName = z.enum([...APPLICATION_EVENTS, "extend"]);

/** One answer: text, number, the chosen options, a date (YYYY-MM-DD) or a file id; null clears. */
const ZAnswerValue = z.union([longText(10_000), z.number(), z.array(text(500)).max(100), z.null()]);
const ZAnswers = z.record(text(100), ZAnswerValue);
/** An answer as stored, in what the server answers (checked on the way in, not again on the way out). */
const ZAnswerValueView = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);

export const ZApplicationCreate = z.object({ callId: ZId, track: ZTrack });
export type ApplicationCreate = z.infer<typeof ZApplicationCreate>;

/** Autosave of the form: only what is sent changes; answers are merged key by key. */
export const ZApplicationDraft = z.object({
  version: ZVersion,
  track: ZTrack.optional(),
  answers: ZAnswers.optional(),
});
export type ApplicationDraft = z.infer<typeof ZApplicationDraft>;

export const ZApplicationSubmit = z.object({ version: ZVersion });
export const ZApplicationWithdraw = z.object({
  version: ZVersion,
  reason: longText(500).nullish(),
});

/** What blocks a submit now; `code` is a stable key the web app words (applications.problem.*). */
export const ZApplicationProblem = z.object({
  kind: z.enum(["eligibility", "answer", "document", "profile"]),
  code: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApplicationProblem = z.infer<typeof ZApplicationProblem>;

const ZFileInfo = z.object({
  id: z.string(),
  originalName: z.string(),
  size: z.number(),
  mime: z.string(),
  createdAt: z.string(),
});
export type FileInfo = z.infer<typeof ZFileInfo>;

export const ZApplicationDocument = z.object({
  id: z.string(),
  requirementKey: z.string(),
  file: ZFileInfo,
});
export type ApplicationDocument = z.infer<typeof ZApplicationDocument>;

/** A document a corrected file replaced (已替换): out of the current set, kept in its item's history. */
export const ZReplacedDocument = ZApplicationDocument.extend({
  replacedAt: z.string(),
  replacedById: z.string(),
});
export type ReplacedDocument = z.infer<typeof ZReplacedDocument>;
const ZEligibilityResult = z.enum(["met", "not_met", "unknown"]);
/** Each rule of the track judged on the registry's current record (src/domain/eligibility.ts). */
export const ZEligibilityReport = z.object({
  /** The day months are counted to: the last submit, or today before any. */
  onDate: z.string(),
  checks: z.array(
    z.discriminatedUnion("rule", [
      z.object({
        rule: z.literal("registration"),
        result: ZEligibilityResult,
        allowUnregistered: z.boolean(),
        registrationStatus: z.enum(REGISTRATION_STATUSES),
      }),
      z.object({
        rule: z.literal("founded"),
        result: ZEligibilityResult,
        minMonths: z.number().nullable(),
        maxMonths: z.number().nullable(),
        foundedOn: z.string().nullable(),
        months: z.number().nullable(),
      }),
      z.object({ rule: z.literal("note"), result: z.literal("unknown"), note: z.string() }),
    ]),
  ),
});
export type EligibilityReport = z.infer<typeof ZEligibilityReport>;

const ZCallRef = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(CALL_STATUSES),
  revision: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
});

const ZOrganizationProfile = z.object({
  id: z.string(),
  name: z.string(),
  registrationStatus: z.enum(REGISTRATION_STATUSES),
  creditCode: z.string().nullable(),
  foundedOn: z.string().nullable(),
  townId: z.string().nullable(),
  townName: z.string().nullable(),
  fields: z.array(z.enum(ORGANIZATION_FIELDS)),
  leaderName: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked (138****8000) unless the viewer is staff. */
  contactPhone: z.string().nullable(),
  staffCount: z.number().nullable(),
  volunteerCount: z.number().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
});
export type ApplicationOrganization = z.infer<typeof ZOrganizationProfile>;

export const ZApplicationSummary = z.object({
  id: z.string(),
  baseId: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  callStatus: z.enum(CALL_STATUSES),
  organizationId: z.string(),
  organizationName: z.string(),
  track: ZTrack,
  status: ZApplicationStatus,
  version: z.number(),
  missingItems: z.number(),
  submissionCount: z.number(),
  opensAt: z.string(),
  /** The call's closing time, or this application's extension when later. */
  deadline: z.string(),
  extendedUntil: z.string().nullable(),
  lastSubmittedAt: z.string().nullable(),
  statusChangedAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof ZApplicationSummary>;

export const ZMyApplications = z.object({
  items: z.array(ZApplicationSummary),
  /** The server's clock, for countdowns (the phone's clock is not trusted). */
  serverNow: z.string(),
});
export type MyApplications = z.infer<typeof ZMyApplications>;

export const ZApplicationDetail = z.object({
  id: z.string(),
  baseId: z.string(),
  status: ZApplicationStatus,
  track: ZTrack,
  version: z.number(),
  callRevision: z.number(),
  missingItems: z.number(),
  submissionCount: z.number(),
  firstSubmittedAt: z.string().nullable(),
  lastSubmittedAt: z.string().nullable(),
  statusChangedAt: z.string(),
  extendedUntil: z.string().nullable(),
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  call: ZCallRef,
  organization: ZOrganizationProfile,
  requirements: z.object({ documents: z.array(ZDocumentRequirementView), questions: z.array(ZQuestionView) }),
  answers: z.record(z.string(), ZAnswerValueView),
  documents: z.array(ZApplicationDocument),
  /** The replaced documents, oldest replacement first: each item's history. */
  replacedDocuments: z.array(ZReplacedDocument),
  verdicts: z.array(
    z.object({
      requirementKey: z.string(),
      status: z.enum(INTAKE_VERDICT_STATUSES),
      reason: z.string().nullable(),
      checkedAt: z.string(),
      checkerName: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      event: ZEventName,
      fromStatus: ZApplicationStatus.nullable(),
      toStatus: ZApplicationStatus.nullable(),
      reason: z.string().nullable(),
      side: z.enum(["applicant", "staff"]),
      actorName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  submissions: z.array(
    z.object({ number: z.number(), createdAt: z.string(), submittedByName: z.string().nullable() }),
  ),
  problems: z.array(ZApplicationProblem),
  canSubmitNow: z.boolean(),
  /** The call's closing time, or this application's extension when later. */
  deadline: z.string(),
  availableEvents: z.array(z.enum(APPLICATION_EVENTS)),
  /** Staff only: how the organization meets the track's conditions (null: the track is gone). */
  eligibility: ZEligibilityReport.nullable().optional(),
  serverNow: z.string(),
});
export type ApplicationDetail = z.infer<typeof ZApplicationDetail>;

export const ZSubmitResult = z.object({
  applicationId: z.string(),
  number: z.number(),
  createdAt: z.string(),
  status: ZApplicationStatus,
  version: z.number(),
});
export type SubmitResult = z.infer<typeof ZSubmitResult>;

/** A submission frozen at submit time (src/server/areas/applications/snapshot.ts writes it). */
export const ZSubmissionSnapshot = z.object({
  track: ZTrack,
  callRevision: z.number(),
  answers: z.record(z.string(), ZAnswerValueView),
  organization: z.record(z.string(), z.unknown()),
  documents: z.array(
    z.object({
      id: z.string(),
      fileId: z.string(),
      requirementKey: z.string(),
      originalName: z.string(),
      sha256: z.string(),
      size: z.number(),
    }),
  ),
});
export type SubmissionSnapshot = z.infer<typeof ZSubmissionSnapshot>;

export const ZSubmission = z.object({
  number: z.number(),
  createdAt: z.string(),
  submittedByName: z.string().nullable(),
  snapshot: ZSubmissionSnapshot,
});
export type Submission = z.infer<typeof ZSubmission>;

/** A submission's number (an int4 in the database: anything larger is refused here, not there). */
const ZSubmissionNumber = z.coerce.number().int().min(1).max(100_000, { error: "too_big" });
export const ZSubmissionParams = z.object({ id: ZId, number: ZSubmissionNumber });
export const ZCompareQuery = z.object({
  from: ZSubmissionNumber,
  to: ZSubmissionNumber,
});

const ZSnapshotDocument = z.object({ fileId: z.string(), originalName: z.string(), sha256: z.string() });

/** What changed from submission `from` to `to`. */
export const ZSubmissionCompare = z.object({
  from: z.number(),
  to: z.number(),
  track: z.object({ before: ZTrack, after: ZTrack }).nullable(),
  callRevision: z.object({ before: z.number(), after: z.number() }).nullable(),
  answers: z.array(z.object({ key: z.string(), before: ZAnswerValueView, after: ZAnswerValueView })),
  profile: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  documents: z.array(
    z.object({
      requirementKey: z.string(),
      added: z.array(ZSnapshotDocument),
      removed: z.array(ZSnapshotDocument),
    }),
  ),
});
export type SubmissionCompare = z.infer<typeof ZSubmissionCompare>;

export const ZDocumentParams = z.object({ id: ZId, documentId: ZId });

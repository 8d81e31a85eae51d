/**
 * Stages 2 and 3 of the incubation cycle: the inspection of an accepted application (考察筛选),
 * the experts and their conflicts, the rubrics, review rounds and reviews, and the admission
 * decision with its public notice (入壳评审). The application's status (src/domain/application.ts)
 * says where it stands; these tables hold what each step recorded.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { DECISION_STATUSES, type DecisionStatus } from "../../domain/application";
import { TRACKS, type Track } from "../../domain/call";
import {
  INSPECTION_MODES,
  INSPECTION_STATUSES,
  type InspectionMode,
  type InspectionStatus,
  RECOMMENDATIONS,
  type Recommendation,
} from "../../domain/inspection";
import type { OrganizationField } from "../../domain/organization";
import type { CriterionTemplate } from "../../domain/review/default-rubrics";
import {
  ASSIGNMENT_SOURCES,
  type AssignmentSource,
  CONFLICT_SOURCES,
  type ConflictSource,
  INVITATION_STATUSES,
  type InvitationStatus,
  NOTICE_STATUSES,
  type NoticeStatus,
  REVIEW_STATUSES,
  type ReviewStatus,
  ROUND_STATUSES,
  ROUND_SUBJECT_KINDS,
  type RoundStatus,
  type RoundSubjectKind,
} from "../../domain/review/round";
import { RANK_METHODS, type RankMethod } from "../../domain/review/track-ranking";
import type { InspectionFindingInput } from "../../schemas/admission/inspections";
import { users } from "./accounts";
import { oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { organizations } from "./organizations";
import { applications, calls } from "./recruitment";

/**
 * One inspection of an application's organization. A signed-off record is frozen: a correction
 * is a new row (`revision` + 1, `supersedes_id` the one it corrects, with the reason), so every
 * version stays as it was signed. The finding is the contract's shape (ZInspectionFinding).
 */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    revision: integer("revision").notNull().default(1),
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => inspections.id),
    correctionReason: text("correction_reason"),
    status: text("status").$type<InspectionStatus>().notNull().default("planned"),
    mode: text("mode").$type<InspectionMode>().notNull(),
    scheduledAt: at("scheduled_at").notNull(),
    /** The address on site, or the meeting link online. */
    place: text("place"),
    finding: jsonb("finding").$type<InspectionFindingInput>().notNull().default(sql`'{}'::jsonb`),
    /** Copied from the finding at sign-off, for lists and the screening file. */
    recommendation: text("recommendation").$type<Recommendation>(),
    signedOffAt: at("signed_off_at"),
    signedOffBy: userRef("signed_off_by"),
    cancelledReason: text("cancelled_reason"),
    createdBy: userRef("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("inspections_status", t.status, INSPECTION_STATUSES),
    oneOf("inspections_mode", t.mode, INSPECTION_MODES),
    oneOf("inspections_recommendation", t.recommendation, RECOMMENDATIONS),
    uniqueIndex("inspections_application_revision").on(t.applicationId, t.revision),
    index("inspections_base_status").on(t.baseId, t.status, t.scheduledAt),
    index("inspections_base_organization").on(t.baseId, t.organizationId),
  ],
);

/** Who inspects: staff or invited experts (the `inspector` relation of the policy). */
export const inspectionInspectors = pgTable(
  "inspection_inspectors",
  {
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    baseId: baseRef(),
  },
  (t) => [
    primaryKey({ columns: [t.inspectionId, t.userId] }),
    index("inspection_inspectors_user").on(t.baseId, t.userId),
  ],
);

/** An external expert's profile in a base: fields of expertise, affiliation. */
export const expertProfiles = pgTable(
  "expert_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    baseId: baseRef(),
    fields: text("fields").array().$type<OrganizationField[]>().notNull().default(sql`'{}'::text[]`),
    affiliation: text("affiliation"),
    title: text("title"),
    bio: text("bio"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("expert_profiles_base").on(t.baseId)],
);

/** An invitation to review for the base: the link's token is kept as its SHA-256 only. */
export const expertInvitations = pgTable(
  "expert_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    tokenHash: text("token_hash").notNull(),
    name: text("name").notNull(),
    mobile: text("mobile"),
    email: text("email"),
    fields: text("fields").array().$type<OrganizationField[]>().notNull().default(sql`'{}'::text[]`),
    message: text("message"),
    status: text("status").$type<InvitationStatus>().notNull().default("sent"),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    /** The account the invitation created or linked. */
    userId: userRef("user_id"),
    createdBy: userRef("created_by"),
    createdAt: created(),
  },
  (t) => [
    oneOf("expert_invitations_status", t.status, INVITATION_STATUSES),
    uniqueIndex("expert_invitations_token").on(t.tokenHash),
    index("expert_invitations_base").on(t.baseId, t.createdAt),
  ],
);

/**
 * A short-lived, single-use link that signs a user in and opens one page (an expert's
 * assignments). Only the token's SHA-256 is kept; `used_at` makes it single use.
 */
export const signInLinks = pgTable(
  "sign_in_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The app path it opens after signing in (e.g. /reviews). */
    target: text("target").notNull(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    createdBy: userRef("created_by"),
    createdAt: created(),
  },
  (t) => [uniqueIndex("sign_in_links_token").on(t.tokenHash), index("sign_in_links_user").on(t.userId)],
);

/** A conflict of interest declared by an expert or recorded by staff (detected ones are computed). */
export const expertConflicts = pgTable(
  "expert_conflicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    source: text("source").$type<ConflictSource>().notNull(),
    reason: text("reason").notNull(),
    createdBy: userRef("created_by"),
    createdAt: created(),
  },
  (t) => [
    oneOf("expert_conflicts_source", t.source, CONFLICT_SOURCES),
    uniqueIndex("expert_conflicts_pair").on(t.expertId, t.organizationId),
    index("expert_conflicts_base_organization").on(t.baseId, t.organizationId),
  ],
);

/**
 * A track's rubric (评审指标), versioned: a version used by a round is frozen (`frozen_at`), and
 * editing makes the next version for new rounds. Criteria carry their words and level bands.
 */
export const rubrics = pgTable(
  "rubrics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    track: text("track").$type<Track>().notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    criteria: jsonb("criteria").$type<CriterionTemplate[]>().notNull(),
    /** Where the criteria come from (the sources docs/REVIEW.md cites), shown with the rubric. */
    source: text("source"),
    frozenAt: at("frozen_at"),
    createdBy: userRef("created_by"),
    createdAt: created(),
  },
  (t) => [
    oneOf("rubrics_track", t.track, TRACKS),
    uniqueIndex("rubrics_base_track_version").on(t.baseId, t.track, t.version),
  ],
);

/** A review round: which subjects, which experts, k reviews each, the deadline and the method. */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    subjectKind: text("subject_kind").$type<RoundSubjectKind>().notNull().default("application"),
    /** The call whose applications it reviews (subject kind "application"). */
    callId: uuid("call_id").references(() => calls.id),
    title: text("title").notNull(),
    status: text("status").$type<RoundStatus>().notNull().default("draft"),
    reviewsPerSubject: integer("reviews_per_subject").notNull(),
    deadline: at("deadline").notNull(),
    method: text("method").$type<RankMethod>().notNull().default("mean"),
    trimmedMinReviews: integer("trimmed_min_reviews").notNull().default(4),
    /** Points (0-100 totals): a spread above it flags the application. */
    spreadThreshold: integer("spread_threshold").notNull().default(30),
    expertDeviationThreshold: integer("expert_deviation_threshold").notNull().default(15),
    /** Experts see the others' scores after submitting their own (never before). */
    revealAfterSubmit: boolean("reveal_after_submit").notNull().default(false),
    /** The rubric version used per track, frozen when the round opens. */
    rubricIds: jsonb("rubric_ids").$type<Partial<Record<Track, string>>>().notNull(),
    /** Places per track for this round's decisions (defaults to the call's quotas). */
    quotas: jsonb("quotas").$type<Partial<Record<Track, number>>>().notNull().default(sql`'{}'::jsonb`),
    openedAt: at("opened_at"),
    closedAt: at("closed_at"),
    createdBy: userRef("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("review_rounds_status", t.status, ROUND_STATUSES),
    oneOf("review_rounds_subject_kind", t.subjectKind, ROUND_SUBJECT_KINDS),
    oneOf("review_rounds_method", t.method, RANK_METHODS),
    index("review_rounds_base_status").on(t.baseId, t.status, t.deadline),
  ],
);

/** The experts of a round; `dropped_at` when one drops out (their reviews are reassigned). */
export const roundExperts = pgTable(
  "round_experts",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    baseId: baseRef(),
    /** Most reviews this expert takes in the round; null: an even share. */
    maxLoad: integer("max_load"),
    droppedAt: at("dropped_at"),
    addedAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.expertId] }),
    index("round_experts_expert").on(t.baseId, t.expertId),
  ],
);

/** The subjects of a round (applications with a signed-off inspection), with their track. */
export const roundSubjects = pgTable(
  "round_subjects",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    subjectId: uuid("subject_id").notNull(),
    baseId: baseRef(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    track: text("track").$type<Track>().notNull(),
    addedAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.subjectId] }),
    oneOf("round_subjects_track", t.track, TRACKS),
    index("round_subjects_subject").on(t.baseId, t.subjectId),
  ],
);

/**
 * One expert's review of one subject in a round (the assignment and the scores in one row):
 * `scores` and `comments` by criterion key, saved as a draft while typed, frozen on submit.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    subjectId: uuid("subject_id").notNull(),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    rubricId: uuid("rubric_id")
      .notNull()
      .references(() => rubrics.id),
    status: text("status").$type<ReviewStatus>().notNull().default("assigned"),
    source: text("source").$type<AssignmentSource>().notNull().default("auto"),
    scores: jsonb("scores").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    comments: jsonb("comments").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    overallComment: text("overall_comment"),
    submittedAt: at("submitted_at"),
    /**
     * The weighted total in micro-points (domain/review/rubric.ts `totalMicro`), written when the
     * review is submitted and cleared when it is reopened, so the ranking sums numbers instead of
     * reading every review's scores (docs/REVIEW.md, "Computed in the database"). Null on a review
     * written otherwise: the ranking then computes it from the scores.
     */
    totalMicro: bigint("total_micro", { mode: "number" }),
    reopenedCount: integer("reopened_count").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("reviews_status", t.status, REVIEW_STATUSES),
    oneOf("reviews_source", t.source, ASSIGNMENT_SOURCES),
    uniqueIndex("reviews_round_subject_expert").on(t.roundId, t.subjectId, t.expertId),
    index("reviews_base_expert").on(t.baseId, t.expertId, t.status),
  ],
);

/** The review meeting's notes: on the round, or on one subject when `subject_id` is set. */
export const roundNotes = pgTable(
  "round_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    subjectId: uuid("subject_id"),
    body: text("body").notNull(),
    authorId: userRef("author_id"),
    createdAt: created(),
  },
  (t) => [index("round_notes_round").on(t.roundId, t.subjectId, t.createdAt)],
);

/**
 * The admission decision on an application (one row, updated with `version`; the history is the
 * application's events). Provisional until the public notice closes (`final_at`); then the
 * admitted organization confirms its place by `confirm_by`.
 */
export const admissionDecisions = pgTable(
  "admission_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    roundId: uuid("round_id").references(() => reviewRounds.id),
    track: text("track").$type<Track>().notNull(),
    decision: text("decision").$type<DecisionStatus>().notNull(),
    reason: text("reason").notNull(),
    /** Set when an admission exceeds the track's quota: the explicit override's reason. */
    overQuotaReason: text("over_quota_reason"),
    /** A summary of the panel's view staff chose to release to the applicant (never raw comments). */
    releasedSummary: text("released_summary"),
    decidedBy: userRef("decided_by"),
    decidedAt: at("decided_at").notNull().defaultNow(),
    finalAt: at("final_at"),
    confirmBy: at("confirm_by"),
    respondedAt: at("responded_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("admission_decisions_decision", t.decision, DECISION_STATUSES),
    oneOf("admission_decisions_track", t.track, TRACKS),
    uniqueIndex("admission_decisions_application").on(t.applicationId),
    index("admission_decisions_base_round").on(t.baseId, t.roundId, t.decision),
  ],
);

/** The public notice (公示) of the organizations to be admitted, for a period the base sets. */
export const admissionNotices = pgTable(
  "admission_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    status: text("status").$type<NoticeStatus>().notNull().default("published"),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    /** The applications listed, frozen at publishing. */
    applicationIds: uuid("application_ids").array().notNull(),
    publishedBy: userRef("published_by"),
    closedAt: at("closed_at"),
    closedBy: userRef("closed_by"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    oneOf("admission_notices_status", t.status, NOTICE_STATUSES),
    index("admission_notices_base").on(t.baseId, t.status, t.endsAt),
  ],
);

/** An objection received during a notice period, recorded by staff and answered. */
export const noticeObjections = pgTable(
  "notice_objections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => admissionNotices.id),
    applicationId: uuid("application_id").references(() => applications.id),
    objector: text("objector").notNull(),
    contact: text("contact"),
    body: text("body").notNull(),
    receivedAt: at("received_at").notNull(),
    answer: text("answer"),
    answeredAt: at("answered_at"),
    answeredBy: userRef("answered_by"),
    recordedBy: userRef("recorded_by"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
  },
  (t) => [index("notice_objections_notice").on(t.noticeId, t.receivedAt)],
);

/**
 * The contracts of progress reports (进展报告): the schedule, the report the grantee writes
 * (indicator values with evidence, people reached, person-times per activity, narrative,
 * problems, photos), the staff's review (accept, return, fail), ending a grant after a failed
 * mid-term evaluation, and the funding to-do of the homes.
 */
import { z } from "zod";
import { GRANT_STATUSES, REPORT_KINDS, REPORT_STATUSES } from "../../domain/funding/grant";
import { MAX_FEN } from "../../domain/funding/money";
import { DEFAULT_REPORT_DUE_AFTER_DAYS, SCHEDULE_FREQUENCIES } from "../../domain/funding/schedule";
import { longText, optionalText, text, ZDay, ZId, ZVersion } from "../common";

/** People and person-times: whole, non-negative, below ten million. */
const ZPeople = z
  .number({ error: "number_invalid" })
  .int({ error: "integer_required" })
  .min(0, { error: "not_negative" })
  .max(9_999_999, { error: "too_big" });

/** An indicator's value: at most two decimals, as text so no float rounds it (numeric(14,2)). */
const ZIndicatorValue = text(20).regex(/^\d{1,12}(\.\d{1,2})?$/, { error: "number_invalid" });

const ZFen = z
  .number({ error: "number_invalid" })
  .int({ error: "integer_required" })
  .min(0, { error: "not_negative" })
  .max(MAX_FEN, { error: "too_big" });

export const ZReportScheduleInput = z.object({
  frequency: z.enum(SCHEDULE_FREQUENCIES).default("quarterly"),
  /** Days after each period's end that its report is due. */
  dueAfterDays: z
    .number()
    .int({ error: "integer_required" })
    .min(0, { error: "not_negative" })
    .max(60, { error: "too_big" })
    .default(DEFAULT_REPORT_DUE_AFTER_DAYS),
});
export type ReportScheduleInput = z.input<typeof ZReportScheduleInput>;

/** One report staff add by hand (while the plan is not enough). */
export const ZReportAdd = z.object({
  kind: z.enum(REPORT_KINDS),
  periodStart: ZDay,
  periodEnd: ZDay,
  dueOn: ZDay,
});
export type ReportAdd = z.input<typeof ZReportAdd>;

export const ZReportEntry = z.object({
  id: z.uuid(),
  grantId: z.uuid(),
  kind: z.enum(REPORT_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  /** The last day before a report not in fails (due plus the base's grace days). */
  failsAfter: z.string(),
  status: z.enum(REPORT_STATUSES),
  /** Past due and not in (due or returned). */
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
});
export type ReportEntry = z.infer<typeof ZReportEntry>;

export const ZGrantReportsView = z.object({
  grantId: z.uuid(),
  grantNumber: z.string(),
  grantStatus: z.enum(GRANT_STATUSES),
  graceDays: z.number().int(),
  /** Staff may schedule (the grant is signed or active) and review; the grantee writes. */
  canSchedule: z.boolean(),
  canReview: z.boolean(),
  canWrite: z.boolean(),
  items: z.array(ZReportEntry),
});
export type GrantReportsView = z.infer<typeof ZGrantReportsView>;

export const ZReportScheduled = z.object({ added: z.number().int(), items: z.array(ZReportEntry) });

const ZValueInput = z.object({
  indicatorId: ZId,
  /** Empty while drafting; every indicator needs one to submit. */
  value: ZIndicatorValue.nullish().or(z.literal("").transform(() => null)),
  evidence: longText(1000).default(""),
});

/** The report's content, saved as a draft or submitted. */
export const ZReportContent = z.object({
  version: ZVersion,
  narrative: longText(5000).default(""),
  problems: longText(3000).default(""),
  /** People reached for the first time this period (人数): each person once. */
  newPeople: ZPeople.default(0),
  /** Person-times per activity (人次): a person at three activities counts three times. */
  activityCounts: z
    .array(z.object({ activity: text(200).min(1, { error: "required" }), personTimes: ZPeople }))
    .max(50, { error: "too_big" })
    .default([]),
  values: z.array(ZValueInput).max(100, { error: "too_big" }).default([]),
  /** Photos and evidence uploaded to this report. */
  fileIds: z.array(ZId).max(30, { error: "too_big" }).default([]),
});
export type ReportContent = z.input<typeof ZReportContent>;

const ZIndicatorLine = z.object({
  indicatorId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  level: z.string(),
  method: z.string(),
  baselineValue: z.string(),
  targetValue: z.string(),
  value: z.string().nullable(),
  evidence: z.string(),
});

export const ZReportView = ZReportEntry.extend({
  grant: z.object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(GRANT_STATUSES),
    startsOn: z.string(),
    endsOn: z.string(),
    disbursedFen: z.number().int(),
    owedFen: z.number().int(),
    version: z.number().int(),
  }),
  project: z.object({ id: z.uuid(), title: z.string(), activities: z.array(z.string()) }),
  organizationName: z.string(),
  narrative: z.string(),
  problems: z.string(),
  newPeople: z.number().int(),
  activityCounts: z.array(z.object({ activity: z.string(), personTimes: z.number().int() })),
  indicators: z.array(ZIndicatorLine),
  files: z.array(z.object({ id: z.uuid(), originalName: z.string(), size: z.number(), mime: z.string() })),
  reviewedByName: z.string().nullable(),
  can: z.object({ write: z.boolean(), review: z.boolean(), fail: z.boolean(), endGrant: z.boolean() }),
});
export type ReportView = z.infer<typeof ZReportView>;

/** Accept (a note optional), return (the note says what to change). */
export const ZReportReview = z.object({ version: ZVersion, note: optionalText(1000, true) });
export type ReportReview = z.input<typeof ZReportReview>;

/** Ending the grant after a failed mid-term evaluation: why, and what is to be paid back. */
const ZEndGrant = z.object({ reason: text(500).min(1, { error: "required" }), owedFen: ZFen });

/** Fail a mid-term evaluation or final report (why), ending the grant at once if staff choose. */
export const ZReportFail = z.object({
  version: ZVersion,
  note: longText(1000).min(1, { error: "required" }),
  endGrant: ZEndGrant.nullish(),
});
export type ReportFail = z.input<typeof ZReportFail>;

/** End the grant of a failed mid-term evaluation later (a late one failed by the platform). */
export const ZReportEndGrant = ZEndGrant.extend({ version: ZVersion });
export type ReportEndGrant = z.input<typeof ZReportEndGrant>;

export const ZReportStepDone = z.object({
  id: z.uuid(),
  status: z.enum(REPORT_STATUSES),
  version: z.number().int(),
});

// ---------------------------------------------------------------------------------------------
// What the money asks of each on the home page

const ZWaitingReport = z.object({
  id: z.uuid(),
  grantId: z.uuid(),
  grantNumber: z.string(),
  organizationName: z.string(),
  kind: z.enum(REPORT_KINDS),
  status: z.enum(REPORT_STATUSES),
  dueOn: z.string(),
  late: z.boolean(),
});

export const ZFundingWaiting = z.object({
  counts: z.object({
    /** Staff: grants proposed by another staff member, waiting for a second person's approval. */
    grantsToApprove: z.number().int(),
    /** Staff: tranches prepared by another staff member, waiting to be paid. */
    tranchesToPay: z.number().int(),
    reportsToReview: z.number().int(),
    reportsOverdue: z.number().int(),
    milestonesOverdue: z.number().int(),
    /** A member: its reports due or returned; queried spending items. */
    reportsDue: z.number().int(),
    expensesQueried: z.number().int(),
    /** A partner: its fund's running grants. */
    grantsWatched: z.number().int(),
  }),
  reports: z.array(ZWaitingReport),
  expenses: z.array(
    z.object({
      id: z.uuid(),
      grantId: z.uuid(),
      grantNumber: z.string(),
      description: z.string(),
      amountFen: z.number().int(),
    }),
  ),
  grants: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      projectTitle: z.string(),
      organizationName: z.string(),
      status: z.enum(GRANT_STATUSES),
      nextDueOn: z.string().nullable(),
      reportsLate: z.number().int(),
    }),
  ),
});
export type FundingWaiting = z.infer<typeof ZFundingWaiting>;

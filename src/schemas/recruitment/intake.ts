/**
 * Base staff's side of stage 1: the work queue, decisions, the completeness check of each
 * required item, deadline extensions, bulk decisions and the staff home's to-do list.
 */
import { z } from "zod";
import { APPLICATION_STATUSES, INTAKE_VERDICT_STATUSES } from "../../domain/application";
import { TRACKS } from "../../domain/call";
import { INTAKE_GAP_STATES } from "../../domain/intake-gaps";
import { ORGANIZATION_FIELDS } from "../../domain/organization";
import { longText, text, ZId, ZInstant, ZPage, ZPageQuery, ZVersion } from "../common";

export const QUEUE_SORTS = ["statusChangedAt", "lastSubmittedAt", "name", "missingItems"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Statuses as one comma-separated parameter (`status=submitted,resubmitted`), so links stay short. */
const ZStatusList = text(200)
  .transform((s) => s.split(",").filter((x) => x !== ""))
  .pipe(z.array(z.enum(APPLICATION_STATUSES, { error: "invalid_option" })).max(APPLICATION_STATUSES.length));

const ZFlag = z.enum(["true", "false"]).transform((v) => v === "true");

/** The queue's filters; the export takes the same ones. Drafts show only when asked for by status. */
export const ZQueueFilter = z.object({
  callId: ZId.optional(),
  track: z.enum(TRACKS).optional(),
  status: ZStatusList.optional(),
  townId: ZId.optional(),
  field: z.enum(ORGANIZATION_FIELDS).optional(),
  completeness: z.enum(["complete", "incomplete"]).optional(),
  q: text(100).optional(),
  /** Only applications whose applicant wrote after the base last did (a reply is owed). */
  unread: ZFlag.optional(),
  sort: z.enum(QUEUE_SORTS).default("statusChangedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export const ZQueueQuery = ZPageQuery.extend(ZQueueFilter.shape);
/**
 * The screening file is one call's (its questions and documents are the columns): the call is
 * required. Without `status` it holds the applications that reached screening.
 */
export const ZScreeningExportQuery = ZQueueFilter.extend({ callId: ZId });
export type ScreeningExportQuery = z.input<typeof ZScreeningExportQuery>;
export type QueueQuery = z.input<typeof ZQueueQuery>;
/** The queue page's state: the query as parsed (statuses as a list, flags as booleans). */
export type QueueListState = z.output<typeof ZQueueQuery>;

export const ZQueueRow = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string(), townName: z.string().nullable() }),
  call: z.object({ id: z.string(), title: z.string() }),
  track: z.enum(TRACKS),
  status: z.enum(APPLICATION_STATUSES),
  missingItems: z.number(),
  submissionCount: z.number(),
  lastSubmittedAt: z.string().nullable(),
  statusChangedAt: z.string(),
  extendedUntil: z.string().nullable(),
  /** Applicant messages staff have not read yet. */
  unreadMessages: z.number(),
  version: z.number(),
});
export type QueueRow = z.infer<typeof ZQueueRow>;
export const ZQueuePage = ZPage(ZQueueRow);
export type QueuePage = z.infer<typeof ZQueuePage>;

const reason = (max: number) => longText(max).min(1, { error: "required" });

/** Until when the applicant may resubmit; required once the call's own deadline has passed. */
const ZResubmitUntil = ZInstant.nullish();
export const ZReturnBody = z.object({
  version: ZVersion,
  reason: reason(2000),
  resubmitUntil: ZResubmitUntil,
});
export const ZIneligibleBody = z.object({ version: ZVersion, reason: reason(2000) });
/**
 * An item that holds back an acceptance (src/domain/intake-gaps.ts), as a 409's details list it.
 * A confirmation sends back the items it was shown (key and state; a label sent along is ignored).
 */
const ZIntakeGap = z.object({
  key: z.string(),
  label: z.string(),
  state: z.enum(INTAKE_GAP_STATES),
});
export type IntakeGap = z.infer<typeof ZIntakeGap>;
const ZConfirmedGaps = z
  .array(z.object({ key: text(120).min(1), state: z.enum(INTAKE_GAP_STATES) }))
  .max(100, { error: "too_big" });
/** The 409 `intake_items_unchecked` details: per application, what it still lacks. */
export interface IntakeGapsDetails {
  applications: { id: string; organizationName: string; items: IntakeGap[] }[];
}

export const ZAcceptBody = z.object({
  version: ZVersion,
  note: longText(2000).nullish(),
  /** The unchecked, stale or failed items staff were shown and accept over; without them, 409. */
  confirmUnchecked: ZConfirmedGaps.optional(),
});
export const ZExtendBody = z.object({
  version: ZVersion,
  until: ZInstant,
  reason: longText(500).nullish(),
});
export type ExtendBody = z.infer<typeof ZExtendBody>;

/** The decision answer: where the application stands now. */
export const ZDecisionResult = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number(),
  extendedUntil: z.string().nullable(),
  statusReason: z.string().nullable(),
});
export type DecisionResult = z.infer<typeof ZDecisionResult>;

export const ZVerdictParams = z.object({ id: ZId, requirementKey: text(120).min(1) });
export const ZVerdictBody = z.object({
  status: z.enum(INTAKE_VERDICT_STATUSES),
  reason: longText(1000).nullish(),
});
export type VerdictBody = z.infer<typeof ZVerdictBody>;
/** Several items checked at once ("全部合格"): all written, or none. */
export const ZVerdictItem = ZVerdictBody.extend({ requirementKey: ZVerdictParams.shape.requirementKey });
export type VerdictItem = z.infer<typeof ZVerdictItem>;
export const ZVerdictsBody = z.object({
  items: z.array(ZVerdictItem).min(1, { error: "required" }).max(100, { error: "too_big" }),
});
export type VerdictsBody = z.infer<typeof ZVerdictsBody>;
export const ZIntakeVerdict = z.object({
  requirementKey: z.string(),
  status: z.enum(INTAKE_VERDICT_STATUSES),
  reason: z.string().nullable(),
  checkedAt: z.string(),
  checkerName: z.string().nullable(),
});
export type IntakeVerdict = z.infer<typeof ZIntakeVerdict>;
/** The batch's answer: the items' verdicts as written, in the order asked. */
export const ZIntakeVerdicts = z.object({ verdicts: z.array(ZIntakeVerdict) });
export type IntakeVerdicts = z.infer<typeof ZIntakeVerdicts>;

export const BULK_ACTIONS = ["accept", "return", "ineligible"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const ZBulkBody = z.object({
  ids: z.array(ZId).min(1, { error: "required" }).max(200, { error: "too_big" }),
  action: z.enum(BULK_ACTIONS),
  reason: longText(2000).nullish(),
  resubmitUntil: ZResubmitUntil,
  /**
   * Accept only: per application, the items staff were shown and accept over. An application not
   * named here is accepted only if nothing holds it back.
   */
  confirmUnchecked: z
    .array(z.object({ id: ZId, items: ZConfirmedGaps }))
    .max(200, { error: "too_big" })
    .optional(),
});
export type BulkBody = z.infer<typeof ZBulkBody>;
export const ZBulkResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      code: z.string().optional(),
      currentStatus: z.enum(APPLICATION_STATUSES).optional(),
    }),
  ),
  done: z.number(),
  failed: z.number(),
});
export type BulkResult = z.infer<typeof ZBulkResult>;

const ZWaitingItem = z.object({
  applicationId: z.string(),
  organizationName: z.string(),
  callTitle: z.string(),
  track: z.enum(TRACKS),
  status: z.enum(APPLICATION_STATUSES),
  /** Since when it waits: the submit, the oldest unread message, or the missed deadline. */
  since: z.string(),
  /** Unread messages (messages card), or the first words of the oldest one. */
  unread: z.number().optional(),
  preview: z.string().optional(),
  /** Stage 2's card of inspections to sign off: the inspection the item opens. */
  inspectionId: z.string().optional(),
});
export type WaitingItem = z.infer<typeof ZWaitingItem>;

export const ZWaiting = z.object({
  toCheck: z.object({ count: z.number(), items: z.array(ZWaitingItem) }),
  unansweredMessages: z.object({ count: z.number(), items: z.array(ZWaitingItem) }),
  closingSoon: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      closesAt: z.string(),
      drafts: z.number(),
      toCheck: z.number(),
      returned: z.number(),
      accepted: z.number(),
    }),
  ),
  returnedOverdue: z.object({ count: z.number(), items: z.array(ZWaitingItem) }),
  /** Stage 2: accepted applications with no inspection planned yet. */
  toPlan: z.object({ count: z.number(), items: z.array(ZWaitingItem) }),
  /** Stage 2: inspections planned or being recorded whose time has passed, not signed off. */
  toSignOff: z.object({ count: z.number(), items: z.array(ZWaitingItem) }),
});
export type Waiting = z.infer<typeof ZWaiting>;

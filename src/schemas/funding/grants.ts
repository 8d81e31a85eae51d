/**
 * The contracts of grants (资助): proposing and editing one while proposed (budget lines,
 * milestones, tranches), the lifecycle events, the tranches' prepare / withdraw / pay, marking
 * milestones, the list and its filters, the grant page's view and the set-up page's facts.
 * Money is integer fen throughout (`…Fen`).
 */
import { z } from "zod";
import {
  BUDGET_CATEGORIES,
  FUND_KINDS,
  GRANT_EVENTS,
  GRANT_STATUSES,
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  TRANCHE_CONDITIONS,
  TRANCHE_STATUSES,
} from "../../domain/funding/grant";
import { MAX_FEN } from "../../domain/funding/money";
import { optionalText, text, ZDay, ZId, ZPage, ZPageQuery, ZVersion } from "../common";

/** A positive amount in fen (at most MAX_FEN). */
const ZFen = z
  .number({ error: "integer_required" })
  .max(MAX_FEN, { error: "too_big" })
  .int({ error: "integer_required" })
  .min(1, { error: "too_small" });

export const ZBudgetLineInput = z.object({
  category: z.enum(BUDGET_CATEGORIES),
  description: text(200).default(""),
  amountFen: ZFen,
});

export const ZMilestoneInput = z.object({
  title: text(100).min(1, { error: "required" }),
  dueOn: ZDay,
});

export const ZTrancheInput = z.object({
  amountFen: ZFen,
  condition: z.enum(TRANCHE_CONDITIONS),
  plannedOn: ZDay.nullish(),
  /** For `milestone_met`: the milestone's position in `milestones` (0-based). */
  milestoneIndex: z.number().int().min(0).max(19).nullish(),
});

const terms = {
  fundId: ZId,
  amountFen: ZFen,
  startsOn: ZDay,
  endsOn: ZDay,
  budgetLines: z.array(ZBudgetLineInput).min(1, { error: "required" }).max(30, { error: "too_big" }),
  milestones: z.array(ZMilestoneInput).max(20, { error: "too_big" }).default([]),
  tranches: z.array(ZTrancheInput).min(1, { error: "required" }).max(12, { error: "too_big" }),
};

export const ZGrantCreate = z.object({ projectId: ZId, ...terms });
export type GrantCreate = z.input<typeof ZGrantCreate>;

/** Edit a proposed grant's terms, at the version read (budget, milestones, tranches replaced). */
export const ZGrantUpdate = z.object({ ...terms, version: ZVersion });
export type GrantUpdate = z.input<typeof ZGrantUpdate>;

export const ZGrantEventName = z.enum(["approve", "sign", "suspend", "resume", "close", "cancel"]);
export type GrantEventName = z.infer<typeof ZGrantEventName>;

/** A lifecycle event at the version read; suspend, close and cancel carry a reason; sign its day. */
export const ZGrantStep = z.object({
  version: ZVersion,
  reason: optionalText(500, true),
  signedOn: ZDay.nullish(),
});
export type GrantStep = z.input<typeof ZGrantStep>;

export const ZTrancheParams = z.object({ id: ZId, trancheId: ZId });
export const ZMilestoneParams = z.object({ id: ZId, milestoneId: ZId });

/** Prepare, withdraw or pay a tranche at its version; paying carries the finance office's reference. */
export const ZTrancheStep = z.object({
  version: ZVersion,
  paymentReference: optionalText(100),
});
export type TrancheStep = z.input<typeof ZTrancheStep>;

export const ZMilestoneMark = z.object({
  version: ZVersion,
  status: z.enum(["met", "missed"]),
  metOn: ZDay.nullish(),
  note: optionalText(500, true),
});
export type MilestoneMark = z.input<typeof ZMilestoneMark>;

export const ZGrantQuery = ZPageQuery.extend({
  status: z.enum(GRANT_STATUSES).optional(),
  fundId: ZId.optional(),
  fundKind: z.enum(FUND_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Part of the organization's name, the project's title or the grant's number. */
  q: optionalText(60),
});
export type GrantQuery = z.input<typeof ZGrantQuery>;

export const ZGrantListEntry = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(GRANT_STATUSES),
  projectId: z.uuid(),
  projectTitle: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  fundId: z.uuid(),
  fundName: z.string(),
  fundKind: z.enum(FUND_KINDS),
  amountFen: z.number().int(),
  disbursedFen: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type GrantListItem = z.infer<typeof ZGrantListEntry>;
export const ZGrantPage = ZPage(ZGrantListEntry);

const ZPerson = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ZTrancheView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  amountFen: z.number().int(),
  condition: z.enum(TRANCHE_CONDITIONS),
  milestoneId: z.uuid().nullable(),
  plannedOn: z.string().nullable(),
  status: z.enum(TRANCHE_STATUSES),
  preparedBy: ZPerson,
  preparedAt: z.iso.datetime().nullable(),
  paidBy: ZPerson,
  paidAt: z.iso.datetime().nullable(),
  paymentReference: z.string().nullable(),
  stoppedReason: z.string().nullable(),
  /** Whether its condition holds now (so it may be prepared). */
  conditionMet: z.boolean(),
  version: z.number().int(),
});
export type TrancheView = z.infer<typeof ZTrancheView>;

export const ZMilestoneView = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  metOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const ZGrantHistoryEntry = z.object({
  event: z.string(),
  fromStatus: z.enum(GRANT_STATUSES).nullable(),
  toStatus: z.enum(GRANT_STATUSES),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.iso.datetime(),
});

export const ZGrantView = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(GRANT_STATUSES),
  project: z.object({ id: z.uuid(), title: z.string(), status: z.enum(PROJECT_STATUSES) }),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  fund: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(FUND_KINDS) }),
  partnerName: z.string().nullable(),
  baseName: z.string(),
  amountFen: z.number().int(),
  disbursedFen: z.number().int(),
  owedFen: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  preparedBy: ZPerson,
  approvedBy: ZPerson,
  approvedAt: z.iso.datetime().nullable(),
  signedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  budgetLines: z.array(
    z.object({
      id: z.uuid(),
      category: z.enum(BUDGET_CATEGORIES),
      description: z.string(),
      amountFen: z.number().int(),
    }),
  ),
  milestones: z.array(ZMilestoneView),
  tranches: z.array(ZTrancheView),
  history: z.array(ZGrantHistoryEntry),
  version: z.number().int(),
  /** What the reader may do: staff only; the two-person rule's refusal is said, not hidden. */
  may: z.object({
    manage: z.boolean(),
    edit: z.boolean(),
    events: z.array(z.enum(GRANT_EVENTS)),
    /** Why the reader may not approve (they prepared it), when that is the reason. */
    approveBlocked: z.string().nullable(),
  }),
});
export type GrantView = z.infer<typeof ZGrantView>;

/** Without a project: the projects a grant may go to now, to choose one. */
export const ZGrantSetupQuery = z.object({ projectId: ZId.optional(), grantId: ZId.optional() });

/** What the set-up page shows: the project, the funds with what is still free, the cap and its room. */
const ZSetupProject = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(PROJECT_STATUSES),
  organizationName: z.string(),
});

export const ZGrantSetup = z.object({
  /** The project asked for; null when none was. */
  project: ZSetupProject.nullable(),
  /** The base's projects a grant may go to now (draft or active, incubation open), when none was asked for. */
  projects: z.array(ZSetupProject),
  funds: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(FUND_KINDS),
      partnerName: z.string().nullable(),
      capacityFen: z.number().int(),
      committedFen: z.number().int(),
      availableFen: z.number().int(),
    }),
  ),
  capFen: z.number().int(),
  /** The project's project grants, committed or proposed (this grant left out when editing). */
  projectGrantsFen: z.number().int(),
  capRoomFen: z.number().int(),
});
export type GrantSetup = z.infer<typeof ZGrantSetup>;

export const ZGrantDone = z.object({ id: z.uuid(), status: z.string(), version: z.number().int() });

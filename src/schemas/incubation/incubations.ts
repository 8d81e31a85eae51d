/**
 * Stage 4's incubations (孵化) in the API: one organization's stay, its cohort (期), the base's
 * incubation settings, the staff list with its filters and bulk actions, and the history. The
 * lifecycle is src/domain/incubation/lifecycle.ts; every status change names its event.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import {
  INCUBATION_EVENTS,
  INCUBATION_ORIGINS,
  INCUBATION_SETTING_LIMITS,
  INCUBATION_STATUSES,
  RESIDENCIES,
} from "../../domain/incubation/lifecycle";
import { longText, text, ZDay, ZId, ZPage, ZPageQuery, ZVersion } from "../common";

const reason = () => longText(2000).min(1, { error: "required" });
const limit = (k: keyof typeof INCUBATION_SETTING_LIMITS) =>
  z
    .number({ error: "number_invalid" })
    .max(INCUBATION_SETTING_LIMITS[k].max, { error: "too_big" })
    .int({ error: "integer_required" })
    .min(INCUBATION_SETTING_LIMITS[k].min, { error: "too_small" });

// ---------------------------------------------------------------------------------------------
// Settings and cohorts.

export const ZIncubationSettings = z.object({
  termMonths: z.number().int(),
  baselineDueDays: z.number().int(),
  exitDueDays: z.number().int(),
  version: z.number().int(),
  /** False while the base runs on the defaults (no row yet). */
  saved: z.boolean(),
});
export type IncubationSettingsView = z.infer<typeof ZIncubationSettings>;

export const ZIncubationSettingsBody = z.object({
  termMonths: limit("termMonths"),
  baselineDueDays: limit("baselineDueDays"),
  exitDueDays: limit("exitDueDays"),
  version: ZVersion,
});
export type IncubationSettingsBody = z.input<typeof ZIncubationSettingsBody>;

const STATUS_COUNTS = z.object(
  Object.fromEntries(INCUBATION_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof INCUBATION_STATUSES)[number],
    z.ZodNumber
  >,
);

export const ZCohort = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: z.string(),
  total: z.number().int(),
  counts: STATUS_COUNTS,
});
export type Cohort = z.infer<typeof ZCohort>;
export const ZCohortList = z.object({ items: z.array(ZCohort) });
export type CohortList = z.infer<typeof ZCohortList>;

export const ZCohortCreate = z.object({
  name: text(60).min(1, { error: "required" }),
  startsOn: ZDay,
});
export type CohortCreate = z.input<typeof ZCohortCreate>;

// ---------------------------------------------------------------------------------------------
// One incubation.

const ZPerson = z.object({ id: z.string(), name: z.string() });

const ZIncubationHistoryEntry = z.object({
  id: z.string(),
  event: z.enum([...INCUBATION_EVENTS, "enrol"]),
  fromStatus: z.enum(INCUBATION_STATUSES).nullable(),
  toStatus: z.enum(INCUBATION_STATUSES),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
  actorName: z.string().nullable(),
  at: z.iso.datetime(),
});

export const ZIncubation = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  applicationId: z.string().nullable(),
  cohort: z.object({ id: z.string(), name: z.string(), startsOn: z.string() }),
  track: z.enum(TRACKS),
  residency: z.enum(RESIDENCIES),
  needsDesk: z.boolean(),
  origin: z.enum(INCUBATION_ORIGINS),
  enrolReason: z.string().nullable(),
  startOn: z.string(),
  plannedEndOn: z.string(),
  endedOn: z.string().nullable(),
  responsible: ZPerson.nullable(),
  status: z.enum(INCUBATION_STATUSES),
  /** What the actor may fire now (empty for a member: the base acts). */
  actions: z.array(z.enum(INCUBATION_EVENTS)),
  canEdit: z.boolean(),
  history: z.array(ZIncubationHistoryEntry),
  version: z.number().int(),
});
export type Incubation = z.infer<typeof ZIncubation>;

/** Staff enrol an organization directly (not from an admission), with a reason. */
export const ZEnrolBody = z.object({
  organizationId: ZId,
  track: z.enum(TRACKS),
  residency: z.enum(RESIDENCIES).default("virtual"),
  needsDesk: z.boolean().optional(),
  cohortId: ZId,
  startOn: ZDay,
  responsibleId: ZId.nullish(),
  reason: reason(),
});
export type EnrolBody = z.input<typeof ZEnrolBody>;

export const ZTransitionBody = z.object({
  event: z.enum(INCUBATION_EVENTS),
  reason: longText(2000).optional(),
  /** The new planned end (extend). */
  plannedEndOn: ZDay.optional(),
  version: ZVersion,
});
export type TransitionBody = z.input<typeof ZTransitionBody>;

export const ZIncubationEdit = z.object({
  cohortId: ZId.optional(),
  startOn: ZDay.optional(),
  responsibleId: ZId.nullable().optional(),
  residency: z.enum(RESIDENCIES).optional(),
  needsDesk: z.boolean().optional(),
  version: ZVersion,
});
export type IncubationEdit = z.input<typeof ZIncubationEdit>;

// ---------------------------------------------------------------------------------------------
// The staff list.

export const INCUBATION_SORTS = ["startOn", "plannedEndOn", "name", "updatedAt"] as const;
export const INCUBATION_DUE = ["baseline", "plan", "actions", "exit"] as const;
const ZStatusList = text(200)
  .transform((s) => s.split(",").filter((x) => x !== ""))
  .pipe(z.array(z.enum(INCUBATION_STATUSES, { error: "invalid_option" })).max(INCUBATION_STATUSES.length));

export const ZIncubationQuery = ZPageQuery.extend({
  cohortId: ZId.optional(),
  track: z.enum(TRACKS).optional(),
  residency: z.enum(RESIDENCIES).optional(),
  status: ZStatusList.optional(),
  responsibleId: ZId.optional(),
  due: z.enum(INCUBATION_DUE).optional(),
  q: text(100).optional(),
  sort: z.enum(INCUBATION_SORTS).default("startOn"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type IncubationQuery = z.input<typeof ZIncubationQuery>;
export type IncubationListState = z.output<typeof ZIncubationQuery>;

export const ZIncubationRow = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  cohort: z.object({ id: z.string(), name: z.string() }),
  track: z.enum(TRACKS),
  residency: z.enum(RESIDENCIES),
  origin: z.enum(INCUBATION_ORIGINS),
  status: z.enum(INCUBATION_STATUSES),
  startOn: z.string(),
  plannedEndOn: z.string(),
  endedOn: z.string().nullable(),
  responsible: ZPerson.nullable(),
  /** No submitted assessor baseline, and its due day has passed. */
  baselineOverdue: z.boolean(),
  /** Open, and the planned end is within the exit window. */
  exitDue: z.boolean(),
  version: z.number().int(),
});
export type IncubationRow = z.infer<typeof ZIncubationRow>;
export const ZIncubationPage = ZPage(ZIncubationRow);
export type IncubationPage = z.infer<typeof ZIncubationPage>;

const ZBulkIds = z
  .array(ZId)
  .min(1)
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, { error: "duplicate" });
export const ZIncubationBulk = z.discriminatedUnion("action", [
  z.object({ action: z.literal("assign"), ids: ZBulkIds, responsibleId: ZId.nullable() }),
  z.object({ action: z.literal("move"), ids: ZBulkIds, cohortId: ZId }),
]);
export type IncubationBulk = z.input<typeof ZIncubationBulk>;
export const ZIncubationBulkResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
  done: z.number().int(),
  failed: z.number().int(),
});
export type IncubationBulkResult = z.infer<typeof ZIncubationBulkResult>;

/** The member's home card and the organization page: its incubations, newest first. */
export const ZOrganizationIncubations = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      cohortName: z.string(),
      track: z.enum(TRACKS),
      status: z.enum(INCUBATION_STATUSES),
      startOn: z.string(),
      plannedEndOn: z.string(),
      endedOn: z.string().nullable(),
    }),
  ),
});
export type OrganizationIncubations = z.infer<typeof ZOrganizationIncubations>;

/** The staff home's to-do: baselines overdue and exits due. */
const ZWaitingIncubation = z.object({
  id: z.string(),
  organizationName: z.string(),
  cohortName: z.string(),
  day: z.string(),
});
export const ZIncubationWaiting = z.object({
  baselineOverdue: z.object({ count: z.number().int(), items: z.array(ZWaitingIncubation) }),
  exitDue: z.object({ count: z.number().int(), items: z.array(ZWaitingIncubation) }),
  /** Plans not agreed when the baseline is due (the first month): the oldest start first. */
  planNotAgreed: z.object({ count: z.number().int(), items: z.array(ZWaitingIncubation) }),
  /** Incubations with an agreed plan's action overdue: the oldest start first. */
  actionsOverdue: z.object({ count: z.number().int(), items: z.array(ZWaitingIncubation) }),
});
export type IncubationWaiting = z.infer<typeof ZIncubationWaiting>;

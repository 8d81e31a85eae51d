/**
 * The contracts of service requests (服务申请) and service records (服务记录): asking, the staff's
 * and handler's steps, the thread, closing with a record, records given unasked (one or a group),
 * ratings, the queue and its filters, the handler picker.
 */
import { z } from "zod";
import { SERVICE_CATEGORIES } from "../../domain/services/categories";
import {
  HANDLER_KINDS,
  RATING_EDIT_DAYS,
  REQUEST_EVENTS,
  REQUEST_SIDES,
  REQUEST_STATUSES,
  SERVICE_LIMITS,
  SERVICE_MODES,
} from "../../domain/services/request";
import { longText, optionalText, text, ZDay, ZId, ZInstant, ZPage, ZPageQuery, ZVersion } from "../common";

export { RATING_EDIT_DAYS };

export const ZRequestCreate = z.object({
  /** A catalogue service; without one, a free-text request of `category`. */
  catalogueId: ZId.nullish(),
  category: z.enum(SERVICE_CATEGORIES).nullish(),
  /** Free text: what is asked (the catalogue service's name when omitted). */
  title: optionalText(100),
  detail: longText(2000).min(1, { error: "required" }),
  needId: ZId.nullish(),
  goalId: ZId.nullish(),
});
export type RequestCreate = z.input<typeof ZRequestCreate>;

export const ZRequestParams = z.object({ id: ZId });

/** Accept, decline (with a reason), cancel: at the version read, with a note. */
export const ZRequestStep = z.object({ version: ZVersion, note: optionalText(500, true) });
export type RequestStep = z.input<typeof ZRequestStep>;

export const ZRequestSchedule = z.object({
  version: ZVersion,
  scheduledAt: ZInstant,
  place: optionalText(200),
  online: z.boolean().default(false),
  note: optionalText(500, true),
});
export type RequestSchedule = z.input<typeof ZRequestSchedule>;

export const ZRequestAssign = z.object({
  version: ZVersion,
  handlerKind: z.enum(HANDLER_KINDS),
  /** A staff or mentor user (for those kinds). */
  userId: ZId.nullish(),
  /** A partner (for that kind). */
  partnerId: ZId.nullish(),
});
export type RequestAssign = z.input<typeof ZRequestAssign>;

/** What was done: the record's own fields. */
export const ZRecordFields = z.object({
  title: text(100).min(1, { error: "required" }),
  detail: longText(4000).default(""),
  mode: z.enum(SERVICE_MODES),
  deliveredOn: ZDay,
  minutes: z
    .number({ error: "integer_required" })
    .int({ error: "integer_required" })
    .min(1)
    .max(SERVICE_LIMITS.minutes),
  /** Who gave it, when not the one recording it (a colleague, a partner's expert). */
  givenByName: optionalText(60),
  /** Attachments uploaded to the request (owner kind service_request). */
  fileIds: z.array(ZId).max(20).default([]),
});
export type RecordFields = z.input<typeof ZRecordFields>;

export const ZRequestClose = ZRecordFields.extend({ version: ZVersion });
export type RequestClose = z.input<typeof ZRequestClose>;

/** A service given unasked to one organization. */
export const ZRecordCreate = ZRecordFields.omit({ fileIds: true }).extend({
  organizationId: ZId,
  category: z.enum(SERVICE_CATEGORIES),
});
export type RecordCreate = z.input<typeof ZRecordCreate>;

/** The same service given to a group: one form, one record per organization, all or nothing. */
export const ZRecordBulkCreate = ZRecordFields.omit({ fileIds: true }).extend({
  organizationIds: z.array(ZId).min(1, { error: "required" }).max(SERVICE_LIMITS.bulkOrganizations),
  category: z.enum(SERVICE_CATEGORIES),
});
export type RecordBulkCreate = z.input<typeof ZRecordBulkCreate>;

export const ZRatingInput = z.object({
  rating: z.number({ error: "integer_required" }).int({ error: "integer_required" }).min(1).max(5),
  comment: optionalText(500, true),
});
export type RatingInput = z.input<typeof ZRatingInput>;

export const ZMessageCreate = z.object({ body: longText(2000).min(1, { error: "required" }) });
export type MessageCreate = z.input<typeof ZMessageCreate>;

export const ZRequestQuery = ZPageQuery.extend({
  /** A status, or "open" (submitted, accepted, scheduled). */
  status: z.enum([...REQUEST_STATUSES, "open"]).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  handlerKind: z.enum(HANDLER_KINDS).optional(),
  /** A staff or mentor user, or a partner, as handler; "none": not assigned yet. */
  handler: z.union([ZId, z.literal("none")]).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  organizationId: ZId.optional(),
  q: text(60).optional(),
});
export type RequestQuery = z.input<typeof ZRequestQuery>;

export const ZRecordEntry = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  requestId: z.uuid().nullable(),
  batchId: z.uuid().nullable(),
  category: z.enum(SERVICE_CATEGORIES),
  title: z.string(),
  detail: z.string(),
  mode: z.enum(SERVICE_MODES),
  deliveredOn: z.iso.date(),
  minutes: z.number().int(),
  givenByName: z.string(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  files: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type RecordEntry = z.infer<typeof ZRecordEntry>;

export const ZRequestEntry = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  catalogueId: z.uuid().nullable(),
  catalogueName: z.string().nullable(),
  category: z.enum(SERVICE_CATEGORIES),
  title: z.string(),
  status: z.enum(REQUEST_STATUSES),
  handlerKind: z.enum(HANDLER_KINDS).nullable(),
  handlerName: z.string().nullable(),
  scheduledAt: z.iso.datetime().nullable(),
  respondBy: z.iso.datetime(),
  overdue: z.boolean(),
  rating: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type RequestEntry = z.infer<typeof ZRequestEntry>;
export const ZRequestPage = ZPage(ZRequestEntry);
export type RequestPage = z.infer<typeof ZRequestPage>;

export const ZRequestView = ZRequestEntry.extend({
  detail: z.string(),
  needTitle: z.string().nullable(),
  goalTitle: z.string().nullable(),
  handlerUserId: z.uuid().nullable(),
  handlerPartnerId: z.uuid().nullable(),
  place: z.string().nullable(),
  online: z.boolean(),
  declineReason: z.string().nullable(),
  requestedByName: z.string().nullable(),
  history: z.array(
    z.object({
      event: z.enum([...REQUEST_EVENTS, "submit", "assign"]),
      toStatus: z.enum(REQUEST_STATUSES).nullable(),
      note: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.uuid(),
      side: z.enum(REQUEST_SIDES),
      authorName: z.string(),
      body: z.string(),
      mine: z.boolean(),
      at: z.iso.datetime(),
    }),
  ),
  record: ZRecordEntry.nullable(),
  /** The request's attachments (the organization's papers, the handler's minutes), oldest first. */
  files: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** What the reader may do now. */
  may: z.object({
    events: z.array(z.enum(REQUEST_EVENTS)),
    assign: z.boolean(),
    message: z.boolean(),
    rate: z.boolean(),
    /** Attach a file (the organization or whoever handles it, while the request is open). */
    attach: z.boolean(),
  }),
});
export type RequestView = z.infer<typeof ZRequestView>;

export const ZMessageEntry = z.object({ id: z.uuid(), at: z.iso.datetime() });

export const ZRecordQuery = ZPageQuery.extend({
  organizationId: ZId.optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export const ZRecordPage = ZPage(ZRecordEntry);
export type RecordPage = z.infer<typeof ZRecordPage>;

export const ZBulkRecorded = z.object({ batchId: z.uuid(), count: z.number().int(), ids: z.array(z.uuid()) });

export const ZHandlerOptionsView = z.object({
  staff: z.array(z.object({ id: z.uuid(), name: z.string() })),
  mentors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type HandlerOptionsView = z.infer<typeof ZHandlerOptionsView>;

/** The staff home's to-do: requests overdue (not accepted in time, or past their appointment). */
export const ZServiceWaitingView = z.object({
  overdue: z.number().int(),
  unassigned: z.number().int(),
  items: z.array(ZRequestEntry),
});
export type ServiceWaitingView = z.infer<typeof ZServiceWaitingView>;

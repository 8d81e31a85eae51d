/**
 * The service request (服务申请) lifecycle as a table: an organization asks, staff accept (or
 * decline with a reason), a handler schedules it, and it is closed as done with a service record;
 * the organization may cancel while nothing is delivered. Every status change goes through
 * `nextRequestStatus`; the server refuses anything it returns null for with 409.
 */
export const REQUEST_STATUSES = [
  "submitted",
  "accepted",
  "scheduled",
  "done",
  "declined",
  "cancelled",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_EVENTS = ["accept", "decline", "schedule", "close", "cancel"] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

/**
 * Who fires an event: the organization (its members), the base (staff), or the handler (the
 * staff user, mentor or partner assigned; staff may always act as the handler).
 */
export const REQUEST_SIDES = ["organization", "base", "handler"] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

export const REQUEST_EVENT_SIDE: Record<RequestEvent, RequestSide> = {
  accept: "base",
  decline: "base",
  schedule: "handler",
  close: "handler",
  cancel: "organization",
};

const TRANSITIONS: Record<RequestStatus, Partial<Record<RequestEvent, RequestStatus>>> = {
  submitted: { accept: "accepted", decline: "declined", cancel: "cancelled" },
  // Accepted: a handler may schedule it, or close it at once (a question answered by phone).
  accepted: { schedule: "scheduled", close: "done", decline: "declined", cancel: "cancelled" },
  // Scheduled: scheduling again moves the appointment.
  scheduled: { schedule: "scheduled", close: "done", cancel: "cancelled" },
  done: {},
  declined: {},
  cancelled: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextRequestStatus(status: RequestStatus, event: RequestEvent): RequestStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The events a side may fire now (which buttons to show). */
export function requestEventsFor(status: RequestStatus, sides: readonly RequestSide[]): RequestEvent[] {
  return (Object.keys(TRANSITIONS[status]) as RequestEvent[]).filter((e) =>
    sides.includes(REQUEST_EVENT_SIDE[e]),
  );
}

/** No event leaves these. */
export function isRequestFinal(status: RequestStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** Still to be answered or delivered: the queue's "open" filter and the handlers' homes. */
export function isRequestOpen(status: RequestStatus): boolean {
  return status === "submitted" || status === "accepted" || status === "scheduled";
}

/** A handler may be (re)assigned while the request is open. */
export function mayAssign(status: RequestStatus): boolean {
  return isRequestOpen(status);
}

/**
 * Overdue (逾期): not accepted by the end of its expected response time, or scheduled and not
 * closed by the end of its scheduled day. `respondBy` is the end of the response time; `scheduledEnd`
 * the end (Asia/Shanghai) of the appointment's day.
 */
export function isRequestOverdue(
  r: { status: RequestStatus; respondBy: Date; scheduledEnd: Date | null },
  now: Date,
): boolean {
  if (r.status === "submitted") return now.getTime() > r.respondBy.getTime();
  if (r.status === "scheduled" && r.scheduledEnd) return now.getTime() > r.scheduledEnd.getTime();
  return false;
}

/** Where a service was given. */
export const SERVICE_MODES = ["onsite", "visit", "phone", "online"] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

/** Who handles a request, or a catalogue service by default. */
export const HANDLER_KINDS = ["staff", "mentor", "partner"] as const;
export type HandlerKind = (typeof HANDLER_KINDS)[number];

export const CATALOGUE_STATUSES = ["active", "archived"] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

/** The served organization may change its rating within this many days of first giving it. */
export const RATING_EDIT_DAYS = 30;

export const SERVICE_LIMITS = {
  /** One form for a group: a talk to a full hall, not the whole registry. */
  bulkOrganizations: 200,
  /** A day is 1440 minutes; a record is one service, not a month of them. */
  minutes: 1440,
  responseDays: 60,
  messages: 500,
} as const;

/**
 * The application lifecycle (stage 1 of the incubation cycle) as a state machine. Every status
 * change goes through `nextStatus`; the server refuses anything it returns null for with 409 and
 * the current status. Later stages (screening, review, admission) extend the table.
 */
export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "resubmitted",
  "accepted",
  "ineligible",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = [
  "submit",
  "return",
  "resubmit",
  "accept",
  "mark_ineligible",
  "withdraw",
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** Which side of the conversation may fire an event. */
export const APPLICATION_SIDES = ["applicant", "staff"] as const;
export type ApplicationSide = (typeof APPLICATION_SIDES)[number];

export const EVENT_SIDE: Record<ApplicationEvent, ApplicationSide> = {
  submit: "applicant",
  resubmit: "applicant",
  withdraw: "applicant",
  return: "staff",
  accept: "staff",
  mark_ineligible: "staff",
};

const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  draft: { submit: "submitted", withdraw: "withdrawn" },
  submitted: {
    return: "returned",
    accept: "accepted",
    mark_ineligible: "ineligible",
    withdraw: "withdrawn",
  },
  returned: { resubmit: "resubmitted", mark_ineligible: "ineligible", withdraw: "withdrawn" },
  resubmitted: {
    return: "returned",
    accept: "accepted",
    mark_ineligible: "ineligible",
    withdraw: "withdrawn",
  },
  accepted: { withdraw: "withdrawn" },
  ineligible: {},
  withdrawn: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The events one side may fire now (what buttons to show). */
export function availableEvents(status: ApplicationStatus, side: ApplicationSide): ApplicationEvent[] {
  return (Object.keys(TRANSITIONS[status]) as ApplicationEvent[]).filter((e) => EVENT_SIDE[e] === side);
}

/** The applicant edits the form and documents only while it is theirs to change. */
export function isEditableByApplicant(status: ApplicationStatus): boolean {
  return status === "draft" || status === "returned";
}

/** Waiting for staff: the work queue's "to check" filter. */
export function awaitsStaff(status: ApplicationStatus): boolean {
  return status === "submitted" || status === "resubmitted";
}

/** No event leaves these. */
export function isFinal(status: ApplicationStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** The submit event from where the application stands: first submit or resubmit. */
export function submitEventFor(status: ApplicationStatus): ApplicationEvent | null {
  if (status === "draft") return "submit";
  if (status === "returned") return "resubmit";
  return null;
}

/** A verdict on one required item in the completeness check (intake, 材料审核). */
export const INTAKE_VERDICT_STATUSES = ["pending", "ok", "missing", "needs_correction"] as const;
export type IntakeVerdictStatus = (typeof INTAKE_VERDICT_STATUSES)[number];

/** The time this application may still be submitted until: the call's, or a later extension. */
export function deadlineOf(closesAt: Date, extendedUntil: Date | null): Date {
  return extendedUntil && extendedUntil > closesAt ? extendedUntil : closesAt;
}

/** Applications that hold a place under a track's cap on submitted applications. */
export const COUNTED_FOR_TRACK_CAP: readonly ApplicationStatus[] = [
  "submitted",
  "returned",
  "resubmitted",
  "accepted",
];

/**
 * The statuses of applications that reached screening (初筛): what the screening file holds by
 * default. Later stages' statuses join here as they are built.
 */
export const SCREENING_STATUSES = ["accepted"] as const satisfies readonly ApplicationStatus[];

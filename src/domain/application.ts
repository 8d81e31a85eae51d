/**
 * The application lifecycle as a state machine, from the application (stage 1) through the
 * inspection (stage 2, 考察筛选) to the admission review and its decision (stage 3, 入壳评审).
 * Every status change goes through `nextStatus`; the server refuses anything it returns null for
 * with 409 and the current status. A confirmed place is where stage 4 (the incubation) picks up.
 */
export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "resubmitted",
  "accepted",
  "ineligible",
  "withdrawn",
  // Stage 2: an inspection is planned or being recorded; signed off; or screened out on its finding.
  "in_inspection",
  "inspected",
  "screened_out",
  // Stage 3: in a review round; the decision; the organization's answer to an offered place.
  "in_review",
  "admitted",
  "waitlisted",
  "rejected",
  "confirmed",
  "declined",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = [
  "submit",
  "return",
  "resubmit",
  "accept",
  "mark_ineligible",
  "withdraw",
  "plan_inspection",
  "cancel_inspection",
  "sign_off_inspection",
  "reopen_inspection",
  "screen_out",
  "enter_review",
  "leave_review",
  "admit",
  "waitlist",
  "reject",
  "reconsider",
  "confirm",
  "decline",
  "lapse",
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** Which side of the conversation may fire an event. Inspectors and panels act for the base. */
export const APPLICATION_SIDES = ["applicant", "staff"] as const;
export type ApplicationSide = (typeof APPLICATION_SIDES)[number];

export const EVENT_SIDE: Record<ApplicationEvent, ApplicationSide> = {
  submit: "applicant",
  resubmit: "applicant",
  withdraw: "applicant",
  confirm: "applicant",
  decline: "applicant",
  return: "staff",
  accept: "staff",
  mark_ineligible: "staff",
  plan_inspection: "staff",
  cancel_inspection: "staff",
  sign_off_inspection: "staff",
  reopen_inspection: "staff",
  screen_out: "staff",
  enter_review: "staff",
  leave_review: "staff",
  admit: "staff",
  waitlist: "staff",
  reject: "staff",
  reconsider: "staff",
  // The organization let the confirmation date pass: staff record it, and the place goes on.
  lapse: "staff",
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
  accepted: { plan_inspection: "in_inspection", screen_out: "screened_out", withdraw: "withdrawn" },
  ineligible: {},
  withdrawn: {},
  in_inspection: {
    sign_off_inspection: "inspected",
    cancel_inspection: "accepted",
    screen_out: "screened_out",
    withdraw: "withdrawn",
  },
  // A correction to a signed-off record reopens it; the application waits for the new sign-off.
  inspected: {
    enter_review: "in_review",
    reopen_inspection: "in_inspection",
    screen_out: "screened_out",
    withdraw: "withdrawn",
  },
  screened_out: {},
  in_review: {
    admit: "admitted",
    waitlist: "waitlisted",
    reject: "rejected",
    leave_review: "inspected",
    withdraw: "withdrawn",
  },
  // Until the decision is final (after the public notice), the panel may reconsider it.
  admitted: { confirm: "confirmed", decline: "declined", lapse: "declined", reconsider: "in_review" },
  // The waitlist is offered a place when an admitted organization declines.
  waitlisted: { admit: "admitted", reject: "rejected", reconsider: "in_review", withdraw: "withdrawn" },
  rejected: { reconsider: "in_review" },
  confirmed: {},
  declined: {},
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
  "in_inspection",
  "inspected",
  "in_review",
  "admitted",
  "waitlisted",
  "confirmed",
];

/**
 * The statuses of applications that reached screening (初筛) and went on from it: what the
 * screening file holds by default.
 */
export const SCREENING_STATUSES = [
  "accepted",
  "in_inspection",
  "inspected",
  "screened_out",
  "in_review",
  "admitted",
  "waitlisted",
  "rejected",
  "confirmed",
  "declined",
] as const satisfies readonly ApplicationStatus[];

/** The decision statuses of the admission review (stage 3), provisional until the public notice ends. */
export const DECISION_STATUSES = [
  "admitted",
  "waitlisted",
  "rejected",
] as const satisfies readonly ApplicationStatus[];
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** The decision events, by the status each leads to. */
export const DECISION_EVENT: Record<DecisionStatus, ApplicationEvent> = {
  admitted: "admit",
  waitlisted: "waitlist",
  rejected: "reject",
};

/**
 * A review round (评审轮次) of the admission review, as records: its lifecycle, the state of each
 * expert's review in it, and the conflicts of interest that keep an expert off an application.
 * The subject is generic (applications of one call now; stage 5's exit panel reviews exit
 * assessments with the same rounds), so a round names its subject kind.
 */

export const ROUND_SUBJECT_KINDS = ["application"] as const;
export type RoundSubjectKind = (typeof ROUND_SUBJECT_KINDS)[number];

/** draft (being set up, assignments editable) → open (experts score) → closed (the panel decides). */
export const ROUND_STATUSES = ["draft", "open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_EVENTS = ["open", "close", "reopen"] as const;
export type RoundEvent = (typeof ROUND_EVENTS)[number];

const ROUND_TRANSITIONS: Record<RoundStatus, Partial<Record<RoundEvent, RoundStatus>>> = {
  draft: { open: "open" },
  open: { close: "closed" },
  closed: { reopen: "open" },
};

/** The round's status after `event`, or null when not allowed now (the server's 409). */
export function nextRoundStatus(status: RoundStatus, event: RoundEvent): RoundStatus | null {
  return ROUND_TRANSITIONS[status][event] ?? null;
}

/**
 * One expert's review of one subject: assigned (nothing typed), draft (scores saved as typed),
 * submitted (frozen; only staff reopen it, audited, which makes it a draft again).
 */
export const REVIEW_STATUSES = ["assigned", "draft", "submitted"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** How a reviewer came to a subject: the solver, staff by hand, or a reassignment after a drop-out. */
export const ASSIGNMENT_SOURCES = ["auto", "manual", "reassigned"] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/**
 * Why an expert may not review an organization. Declared by the expert, or recorded by staff;
 * the detected ones (membership, shared phone or email domain, inspecting it, mentoring it) are
 * computed when needed and never stored, so they cannot go stale.
 */
export const CONFLICT_SOURCES = ["declared", "staff"] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export const DETECTED_CONFLICTS = [
  "member",
  "linked",
  "phone",
  "email_domain",
  "inspector",
  "mentor",
] as const;
export type DetectedConflict = (typeof DETECTED_CONFLICTS)[number];

/** The public notice (公示) of the organizations to be admitted: published, then closed. */
export const NOTICE_STATUSES = ["published", "closed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** An expert invitation: sent, accepted (account created or linked), revoked; expiry is by date. */
export const INVITATION_STATUSES = ["sent", "accepted", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

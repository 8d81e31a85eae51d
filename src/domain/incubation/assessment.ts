/**
 * A capacity assessment (能力评估) of one incubation on one instrument version: its phase in the
 * year, whose view it is (the organization's self-assessment, or the base's assessor: staff or an
 * invited expert), per-indicator scores with comments and evidence, and a submitted state after
 * which it is read-only; a correction is a new revision that supersedes it.
 */
export const ASSESSMENT_PHASES = ["baseline", "midterm", "exit", "followup"] as const;
export type AssessmentPhase = (typeof ASSESSMENT_PHASES)[number];

export const ASSESSMENT_SIDES = ["self", "assessor"] as const;
export type AssessmentSide = (typeof ASSESSMENT_SIDES)[number];

/** `superseded`: a later revision corrected it; it stays readable as it was submitted. */
export const ASSESSMENT_STATUSES = ["draft", "submitted", "superseded"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

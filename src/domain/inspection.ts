/**
 * Stage 2 (考察筛选): the inspection of an accepted application's organization, as the record an
 * inspector fills in on site, and the rules that say when it may be signed off. The record is a
 * draft while it is being filled (saved as it goes, every part optional); signing it off needs
 * every part the review will rely on, and freezes it: a correction after that is a new,
 * audited version. Only an application with a signed-off inspection goes on to the admission
 * review (stage 3).
 *
 * Money is in fen (integer), as everywhere in the platform.
 */
import type { RegistrationStatus } from "./organization";

export const INSPECTION_MODES = ["on_site", "online"] as const;
export type InspectionMode = (typeof INSPECTION_MODES)[number];

/** planned → recording (the inspector has begun) → signed_off; planned or recording → cancelled. */
export const INSPECTION_STATUSES = ["planned", "recording", "signed_off", "cancelled"] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_EVENTS = ["record", "sign_off", "cancel", "correct"] as const;
export type InspectionEvent = (typeof INSPECTION_EVENTS)[number];

const TRANSITIONS: Record<InspectionStatus, Partial<Record<InspectionEvent, InspectionStatus>>> = {
  planned: { record: "recording", cancel: "cancelled" },
  recording: { record: "recording", sign_off: "signed_off", cancel: "cancelled" },
  // A correction opens a new version of a signed-off record; this one stays as it was signed.
  signed_off: { correct: "recording" },
  cancelled: {},
};

/** The status after `event`, or null when the event is not allowed now (the server's 409). */
export function nextInspectionStatus(
  status: InspectionStatus,
  event: InspectionEvent,
): InspectionStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The inspector's word on the organization, with a reason. */
export const RECOMMENDATIONS = ["proceed", "hold", "reject"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const FUNDING_STABILITIES = ["stable", "partly_stable", "unstable"] as const;
export type FundingStability = (typeof FUNDING_STABILITIES)[number];

/** Where an organization's money comes from. */
export const INCOME_SOURCES = [
  "government_purchase",
  "foundation_grant",
  "donations",
  "service_fees",
  "membership_dues",
  "enterprise_support",
  "other",
] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

/**
 * The exclusions bases commonly apply, each answered with its evidence. For each, the answer
 * that excludes: a penalty found, an inspection failed, no account of its own, a listing found.
 */
export const REGISTERED_EXCLUSIONS = [
  "administrative_penalty_2y",
  "annual_inspection_failed",
  "no_own_bank_account",
  "abnormal_or_dishonest_listing",
] as const;
/** For a team not yet registered, the two conditions that stand in for registration. */
export const UNREGISTERED_CONDITIONS = ["name_approved", "stable_core_team"] as const;
export type ExclusionCheck =
  | (typeof REGISTERED_EXCLUSIONS)[number]
  | (typeof UNREGISTERED_CONDITIONS)[number];

/** yes / no as found, or not determinable (which blocks sign-off: find out first). */
export const CHECK_ANSWERS = ["yes", "no", "unknown"] as const;
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];

export interface CheckFinding {
  answer: CheckAnswer;
  /** How it was established: the register consulted, the document seen. */
  evidence?: string | null;
  /** Files kept as evidence (photos, scans). */
  fileIds?: readonly string[];
}

/** The inspection record as filled in so far; every part may still be missing in a draft. */
export interface InspectionFinding {
  leader?: {
    background?: string | null;
    commitment?: string | null;
    skills?: string | null;
    /** References were contacted; what they said goes in `referencesNote`. */
    referencesChecked?: boolean | null;
    referencesNote?: string | null;
  };
  businessModel?: string | null;
  finances?: {
    incomeSources?: readonly IncomeSource[];
    lastYearIncomeFen?: number | null;
    lastYearSpendingFen?: number | null;
    stability?: FundingStability | null;
  };
  governance?: string | null;
  risks?: string | null;
  checks?: Partial<Record<ExclusionCheck, CheckFinding>>;
  recommendation?: { decision?: Recommendation | null; reason?: string | null };
}

/** The checks an organization's inspection must answer, by whether it is registered. */
export function checksFor(registration: RegistrationStatus): readonly ExclusionCheck[] {
  return registration === "unregistered" ? UNREGISTERED_CONDITIONS : REGISTERED_EXCLUSIONS;
}

/** A part of the record still missing for sign-off, named by its path in the form. */
export type InspectionGap =
  | "leader.background"
  | "leader.commitment"
  | "leader.skills"
  | "leader.referencesChecked"
  | "businessModel"
  | "finances.incomeSources"
  | "finances.lastYearIncomeFen"
  | "finances.lastYearSpendingFen"
  | "finances.stability"
  | "governance"
  | "risks"
  | `checks.${ExclusionCheck}`
  | `checks.${ExclusionCheck}.evidence`
  | "recommendation.decision"
  | "recommendation.reason";

const filled = (text: string | null | undefined) => typeof text === "string" && text.trim() !== "";
const amount = (fen: number | null | undefined) =>
  typeof fen === "number" && Number.isSafeInteger(fen) && fen >= 0;

/**
 * What still keeps the record from being signed off, in the form's order; empty when complete.
 * Every check needs an answer other than "unknown" and its evidence; a reference check needs
 * a yes or a no (a "no" is an answer: the panel then knows they were not asked).
 */
export function inspectionGaps(
  finding: InspectionFinding,
  registration: RegistrationStatus,
): InspectionGap[] {
  const gaps: InspectionGap[] = [];
  const { leader = {}, finances = {}, checks = {}, recommendation = {} } = finding;
  if (!filled(leader.background)) gaps.push("leader.background");
  if (!filled(leader.commitment)) gaps.push("leader.commitment");
  if (!filled(leader.skills)) gaps.push("leader.skills");
  if (typeof leader.referencesChecked !== "boolean") gaps.push("leader.referencesChecked");
  if (!filled(finding.businessModel)) gaps.push("businessModel");
  if (!finances.incomeSources || finances.incomeSources.length === 0) gaps.push("finances.incomeSources");
  if (!amount(finances.lastYearIncomeFen)) gaps.push("finances.lastYearIncomeFen");
  if (!amount(finances.lastYearSpendingFen)) gaps.push("finances.lastYearSpendingFen");
  if (!finances.stability) gaps.push("finances.stability");
  if (!filled(finding.governance)) gaps.push("governance");
  if (!filled(finding.risks)) gaps.push("risks");
  for (const check of checksFor(registration)) {
    const found = checks[check];
    if (!found || found.answer === "unknown") gaps.push(`checks.${check}`);
    else if (!filled(found.evidence) && (found.fileIds?.length ?? 0) === 0)
      gaps.push(`checks.${check}.evidence`);
  }
  if (!recommendation.decision) gaps.push("recommendation.decision");
  if (!filled(recommendation.reason)) gaps.push("recommendation.reason");
  return gaps;
}

/**
 * The exclusions the record found, which a base commonly holds against admission: for a
 * registered organization a "yes" to any exclusion; for a team, a "no" to either condition.
 * The inspector's recommendation and staff's decision weigh them; this only names them.
 */
export function exclusionsFound(
  finding: InspectionFinding,
  registration: RegistrationStatus,
): ExclusionCheck[] {
  const checks = finding.checks ?? {};
  if (registration === "unregistered") {
    return UNREGISTERED_CONDITIONS.filter((c) => checks[c]?.answer === "no");
  }
  return REGISTERED_EXCLUSIONS.filter((c) => checks[c]?.answer === "yes");
}

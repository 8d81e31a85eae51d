/**
 * The record form's values as flat keys ("leader.background", "checks.no_own_bank_account.answer"),
 * the shape the offline draft store keeps and the conflict view compares field by field; and back
 * to the finding the API takes.
 */
import type { ExclusionCheck, InspectionFinding } from "../../../../../domain/inspection";
import type { InspectionFindingInput } from "../../../../../schemas/admission/inspections";
import type { DraftValue } from "../../../../offline/drafts";

export type FindingValues = Record<string, DraftValue>;

/** Every key of the form for an organization answering `checks`. */
export function findingKeys(checks: readonly string[]): string[] {
  return [
    "leader.background",
    "leader.commitment",
    "leader.skills",
    "leader.referencesChecked",
    "leader.referencesNote",
    "businessModel",
    "finances.incomeSources",
    "finances.lastYearIncomeFen",
    "finances.lastYearSpendingFen",
    "finances.stability",
    "governance",
    "risks",
    ...checks.flatMap((c) => [`checks.${c}.answer`, `checks.${c}.evidence`, `checks.${c}.fileIds`]),
    "recommendation.decision",
    "recommendation.reason",
    "fileIds",
  ];
}

const value = (v: unknown): DraftValue => (v === undefined ? null : (v as DraftValue));

export function toValues(
  finding: InspectionFinding & { fileIds?: readonly string[] },
  checks: readonly string[],
): FindingValues {
  const { leader = {}, finances = {}, recommendation = {} } = finding;
  const values: FindingValues = {
    "leader.background": value(leader.background),
    "leader.commitment": value(leader.commitment),
    "leader.skills": value(leader.skills),
    "leader.referencesChecked": value(leader.referencesChecked),
    "leader.referencesNote": value(leader.referencesNote),
    businessModel: value(finding.businessModel),
    "finances.incomeSources": [...(finances.incomeSources ?? [])],
    "finances.lastYearIncomeFen": value(finances.lastYearIncomeFen),
    "finances.lastYearSpendingFen": value(finances.lastYearSpendingFen),
    "finances.stability": value(finances.stability),
    governance: value(finding.governance),
    risks: value(finding.risks),
    "recommendation.decision": value(recommendation.decision),
    "recommendation.reason": value(recommendation.reason),
    fileIds: [...(finding.fileIds ?? [])],
  };
  for (const c of checks) {
    const found = finding.checks?.[c as ExclusionCheck];
    values[`checks.${c}.answer`] = value(found?.answer);
    values[`checks.${c}.evidence`] = value(found?.evidence);
    values[`checks.${c}.fileIds`] = [...(found?.fileIds ?? [])];
  }
  return values;
}

const str = (v: DraftValue | undefined) => (typeof v === "string" && v !== "" ? v : null);
const num = (v: DraftValue | undefined) => (typeof v === "number" ? v : null);
const list = (v: DraftValue | undefined) => (Array.isArray(v) ? (v as string[]) : []);

/** The finding the API takes; a check with nothing filled is left out. */
export function toFinding(
  values: FindingValues,
  checks: readonly string[],
): InspectionFindingInput & { fileIds?: string[] } {
  const checkEntries: Record<
    string,
    { answer: "yes" | "no" | "unknown"; evidence: string | null; fileIds: string[] }
  > = {};
  for (const c of checks) {
    const answer = str(values[`checks.${c}.answer`]);
    const evidence = str(values[`checks.${c}.evidence`]);
    const fileIds = list(values[`checks.${c}.fileIds`]);
    if (!answer && !evidence && fileIds.length === 0) continue;
    // Evidence written before the answer is chosen: kept as "cannot tell yet" (which blocks sign-off).
    checkEntries[c] = { answer: (answer ?? "unknown") as "yes" | "no" | "unknown", evidence, fileIds };
  }
  const referencesChecked = values["leader.referencesChecked"];
  return {
    leader: {
      background: str(values["leader.background"]),
      commitment: str(values["leader.commitment"]),
      skills: str(values["leader.skills"]),
      referencesChecked: typeof referencesChecked === "boolean" ? referencesChecked : null,
      referencesNote: str(values["leader.referencesNote"]),
    },
    businessModel: str(values.businessModel),
    finances: {
      incomeSources: list(values["finances.incomeSources"]) as never,
      lastYearIncomeFen: num(values["finances.lastYearIncomeFen"]),
      lastYearSpendingFen: num(values["finances.lastYearSpendingFen"]),
      stability: str(values["finances.stability"]) as never,
    },
    governance: str(values.governance),
    risks: str(values.risks),
    checks: checkEntries as never,
    recommendation: {
      decision: str(values["recommendation.decision"]) as never,
      reason: str(values["recommendation.reason"]),
    },
    fileIds: list(values.fileIds),
  };
}

/**
 * Staff's verdicts the applicant still has to act on: the items a verdict marked 需修改 or 缺失,
 * and whether a newer file was uploaded for each since (then the item counts as updated; the
 * server does not say whether the new file fixes it, so the page says only "已更新").
 */
import type { TFunction } from "i18next";
import { isEditableByApplicant } from "../../../../../domain/application";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";

export interface Flag {
  /** The requirement key: a document's key, or `q:<key>` of a file question. */
  key: string;
  label: string;
  /** Where the item is on the form (the same anchors as the submit checklist). */
  anchor: string;
  status: "missing" | "needs_correction";
  reason: string | null;
  checkedAt: string;
  updated: boolean;
}

/** Flagged items in the order of the form (documents, then file questions). */
export function flagsOf(detail: ApplicationDetail): Flag[] {
  if (!isEditableByApplicant(detail.status)) return [];
  const order = [
    ...detail.requirements.documents.map((d) => ({ key: d.key, label: d.label, anchor: `doc-${d.key}` })),
    ...detail.requirements.questions.map((q) => ({
      key: `q:${q.key}`,
      label: q.label,
      anchor: `q-${q.key}`,
    })),
  ];
  const flags: Flag[] = [];
  for (const item of order) {
    const verdict = detail.verdicts.find((r) => r.requirementKey === item.key);
    if (!verdict || (verdict.status !== "missing" && verdict.status !== "needs_correction")) continue;
    const checked = Date.parse(verdict.checkedAt);
    const updated = detail.documents.some(
      (d) => d.requirementKey === item.key && Date.parse(d.file.createdAt) > checked,
    );
    flags.push({
      ...item,
      status: verdict.status,
      reason: verdict.reason,
      checkedAt: verdict.checkedAt,
      updated,
    });
  }
  return flags;
}

export function flagFor(detail: ApplicationDetail, key: string): Flag | undefined {
  return flagsOf(detail).find((f) => f.key === key);
}

/** Flagged items with no newer file: what a resubmit would send back unchanged. */
export function staleFlags(detail: ApplicationDetail): Flag[] {
  return flagsOf(detail).filter((f) => !f.updated);
}

/** "A、B" / "A, B" with the labels in quotes as the checklist words them. */
export function flagList(flags: Flag[], t: TFunction): string {
  return flags.map((f) => `“${f.label}”`).join(t("common.listSeparator"));
}

/**
 * Staff's verdicts the applicant still has to act on: the items a review marked 需修改 or 缺失,
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
  reviewedAt: string;
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
    const review = detail.reviews.find((r) => r.requirementKey === item.key);
    if (!review || (review.status !== "missing" && review.status !== "needs_correction")) continue;
    const reviewed = Date.parse(review.reviewedAt);
    const updated = detail.documents.some(
      (d) => d.requirementKey === item.key && Date.parse(d.file.createdAt) > reviewed,
    );
    flags.push({
      ...item,
      status: review.status,
      reason: review.reason,
      reviewedAt: review.reviewedAt,
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

/** Shared bits of the trainings' pages: the language's 4Z labels, times as the base's clock reads. */
import { useTranslation } from "react-i18next";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import { formatDateTime } from "../../../components/format";

export function useCategoryLabels() {
  const { i18n } = useTranslation();
  return SERVICE_CATEGORY_LABELS[(i18n.language === "en" ? "en" : "zh-CN") as Lang];
}

/** "2026-12-15 09:00 – 11:00" (the end's day left out when it is the same day). */
export function timeRange(startsAt: string, endsAt: string): string {
  const start = formatDateTime(startsAt);
  const end = formatDateTime(endsAt);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
}

import { useTranslation } from "react-i18next";
import type { PersonSource } from "../../../../domain/services/people";
import { ToneTag } from "../../../components/labels";

/** Hours to one decimal, as the export and the trainings' pages give them. */
export const hours = (minutes: number) => Math.round(minutes / 6) / 10;

export function SourceTag({ source }: { source: PersonSource | null }) {
  const { t } = useTranslation();
  if (!source) return null;
  return source === "registration" ? (
    <ToneTag tone="blue">{t("people.sourceRegistration")}</ToneTag>
  ) : (
    <ToneTag tone="default">{t("people.sourceStaff")}</ToneTag>
  );
}

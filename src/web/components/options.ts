import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FIVE_GOOD_FIELDS, OTHER_FIELDS } from "../../domain/organization";
import type { Town } from "../../schemas/platform/reference";

/** Service fields grouped as the base talks about them: the five good communities first. */
export function useFieldOptions() {
  const { t } = useTranslation();
  return useMemo(
    () => [
      {
        label: t("fieldGroup.fiveGood"),
        title: t("fieldGroup.fiveGood"),
        options: FIVE_GOOD_FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) })),
      },
      {
        label: t("fieldGroup.other"),
        title: t("fieldGroup.other"),
        options: OTHER_FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) })),
      },
    ],
    [t],
  );
}

/** Towns grouped into 镇 and 街道. */
export function useTownOptions(towns: Town[] | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!towns) return [];
    const groups = (["subdistrict", "town"] as const)
      .map((kind) => ({
        label: t(`townKind.${kind}`),
        title: t(`townKind.${kind}`),
        options: towns
          .filter((town) => town.kind === kind)
          .map((town) => ({ value: town.id, label: town.name })),
      }))
      .filter((group) => group.options.length > 0);
    return groups;
  }, [towns, t]);
}

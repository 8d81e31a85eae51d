/**
 * The growth file's areas (the `<area>` of a kind `<area>.<event>`) in both languages: the
 * filter's chips, the export's category column. An area that writes events adds its name here;
 * an area with no name here shows its code (the file never hides an event for want of a label).
 */
import type { Lang } from "../messages";

export const GROWTH_AREA_LABELS: Record<string, Record<Lang, string>> = {
  application: { "zh-CN": "申请与入壳", en: "Application and admission" },
  incubation: { "zh-CN": "孵化", en: "Incubation" },
  assessment: { "zh-CN": "能力评估", en: "Capacity assessment" },
  plan: { "zh-CN": "孵化计划", en: "Incubation plan" },
  need: { "zh-CN": "问题与需求", en: "Problems and needs" },
};

export function growthAreaLabel(area: string, lang: Lang): string {
  return GROWTH_AREA_LABELS[area]?.[lang] ?? area;
}

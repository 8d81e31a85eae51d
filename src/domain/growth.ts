/**
 * The growth file's kinds of event (组织成长档案). Each area declares the kinds it writes, with
 * the params each carries, by adding to `GrowthKinds` in a module of its own:
 *
 *   declare module "../../domain/growth" {
 *     interface GrowthKinds { "assessment.submitted": { phase: AssessmentPhase; total: number } }
 *   }
 *
 * so a new area adds its events without editing a central list or switch, and `recordGrowth`
 * accepts a kind only with its own params. The kind is `<area>.<event>`. Each event is written with
 * its title in both languages, so showing, filtering, printing and exporting the file needs no
 * code per kind; a `note` param, where there is one, is shown under the title.
 */
export type GrowthParamValue = string | number | boolean | null;

export interface GrowthTitle {
  zhCN: string;
  en: string;
}

// biome-ignore lint/suspicious/noEmptyInterface: filled by the areas' declarations (declaration merging)
export interface GrowthKinds {}

export type GrowthKind = keyof GrowthKinds & string;

/** The area a kind belongs to: what the web client links it by. */
export function growthArea(kind: string): string {
  return kind.slice(0, kind.indexOf("."));
}

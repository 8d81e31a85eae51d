/**
 * The checks of a rubric staff wrote, each with its own message on its own field, before the
 * domain's `validateRubric` (which the ranking relies on) sees it.
 */
import type { Track } from "../../../../domain/call";
import { ReviewInputError, validateRubric } from "../../../../domain/review/rubric";
import type { CriterionInput } from "../../../../schemas/admission/rubrics";
import { fieldError } from "../../../errors";

export function checkRubric(track: Track, criteria: readonly CriterionInput[]): void {
  const keys = new Set<string>();
  criteria.forEach((c, i) => {
    const criterion = c.name.zhCN || c.key;
    if (keys.has(c.key)) throw fieldError(`criteria.${i}.key`, "rubric_key_duplicate", { key: c.key });
    keys.add(c.key);
    if (!(c.weight > 0)) throw fieldError(`criteria.${i}.weight`, "rubric_weight_invalid", { criterion });
    if (c.min >= c.max) throw fieldError(`criteria.${i}.max`, "rubric_scale_invalid", { criterion });
    // The bands cover the scale in order: the first starts at min, each next one right after the
    // last, the last ends at max; so every score has exactly one meaning.
    const levels = [...c.levels].sort((a, b) => a.min - b.min);
    let expected = c.min;
    for (const band of levels) {
      if (band.min !== expected || band.max < band.min) {
        throw fieldError(`criteria.${i}.levels`, "rubric_levels_invalid", {
          criterion,
          min: c.min,
          max: c.max,
        });
      }
      expected = band.max + 1;
    }
    if (expected !== c.max + 1) {
      throw fieldError(`criteria.${i}.levels`, "rubric_levels_invalid", {
        criterion,
        min: c.min,
        max: c.max,
      });
    }
  });
  try {
    validateRubric({ id: "edit", track, criteria });
  } catch (error) {
    // Everything validateRubric refuses is caught above; this keeps a future rule from being a 500.
    if (error instanceof ReviewInputError)
      throw fieldError("criteria", "rubric_scale_invalid", { criterion: "" });
    throw error;
  }
}

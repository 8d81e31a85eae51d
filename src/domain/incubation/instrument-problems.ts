/**
 * What makes an instrument's content usable: the checks a draft must pass to be published (and
 * the editor shows while it is written). Pure: every problem names the field it is on (a path
 * such as `dimensions.2.indicators.0.weight`) and a code whose message is in
 * src/schemas/messages.ts (FIELD_MESSAGES), in Chinese and English.
 */
import type { Words } from "../review/default-rubrics";
import type { InstrumentContent, InstrumentIndicator } from "./instrument";

/** The limits of an instrument (the API's schema and the editor use the same numbers). */
export const INSTRUMENT_LIMITS = {
  dimensions: { min: 1, max: 15 },
  indicators: { min: 1, max: 12 },
  /** The scale's number of levels (max − min + 1). */
  levels: { max: 10 },
  scoreBound: { min: 0, max: 100 },
  dimensionWeightTotal: 100,
  indicatorWeight: { max: 100 },
  key: 40,
  name: 60,
  description: 1000,
  evidence: 500,
  level: 300,
} as const;

const INSTRUMENT_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export const INSTRUMENT_PROBLEM_CODES = [
  "instrument_key_invalid",
  "instrument_key_duplicate",
  "instrument_text_required",
  "instrument_text_invalid",
  "instrument_text_too_long",
  "instrument_weight_invalid",
  "instrument_weight_total",
  "instrument_scale_invalid",
  "instrument_levels_invalid",
  "instrument_dimensions_count",
  "instrument_indicators_count",
] as const;
export type InstrumentProblemCode = (typeof INSTRUMENT_PROBLEM_CODES)[number];

export interface InstrumentProblem {
  /** The field, dot-separated from the content's root: `dimensions.0.indicators.1.levels.2.description.zhCN`. */
  path: string;
  code: InstrumentProblemCode;
  params?: Record<string, string | number>;
}

// C0/C1 controls (a description may have line breaks and tabs), bidi overrides, lone surrogates.
const CONTROLS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069";
const UNSAFE_LINE = new RegExp(`[${CONTROLS}\\t\\n\\r\\u2028\\u2029]|\\p{Cs}`, "u");
const UNSAFE_LINES = new RegExp(`[${CONTROLS}]|\\p{Cs}`, "u");

const isPositiveInt = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0;
const isInt = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);

/** Every problem of `content`, in the order a reader meets them; none means it can be published. */
export function instrumentProblems(content: InstrumentContent): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const add = (path: string, code: InstrumentProblemCode, params?: InstrumentProblem["params"]) =>
    problems.push(params ? { path, code, params } : { path, code });

  const checkText = (
    path: string,
    value: unknown,
    max: number,
    options: { required: boolean; multiLine: boolean },
  ) => {
    const s = typeof value === "string" ? value : "";
    if (options.required && s.trim() === "") return add(path, "instrument_text_required");
    if (s.length > max) return add(path, "instrument_text_too_long", { max });
    if ((options.multiLine ? UNSAFE_LINES : UNSAFE_LINE).test(s)) add(path, "instrument_text_invalid");
  };
  const checkWords = (
    path: string,
    words: Words | undefined,
    max: number,
    options: { required: "both" | "zhCN" | "none"; multiLine: boolean },
  ) => {
    checkText(`${path}.zhCN`, words?.zhCN, max, {
      required: options.required !== "none",
      multiLine: options.multiLine,
    });
    checkText(`${path}.en`, words?.en, max, {
      required: options.required === "both",
      multiLine: options.multiLine,
    });
  };

  const scale = content.scale;
  const { min, max } = scale ?? { min: Number.NaN, max: Number.NaN };
  const scaleOk =
    isInt(min) &&
    isInt(max) &&
    min >= INSTRUMENT_LIMITS.scoreBound.min &&
    max <= INSTRUMENT_LIMITS.scoreBound.max &&
    min < max &&
    max - min + 1 <= INSTRUMENT_LIMITS.levels.max;
  if (!scaleOk) add("scale", "instrument_scale_invalid", { levels: INSTRUMENT_LIMITS.levels.max });

  const dimensions = Array.isArray(content.dimensions) ? content.dimensions : [];
  const { dimensions: dimCount, indicators: indCount } = INSTRUMENT_LIMITS;
  if (dimensions.length < dimCount.min || dimensions.length > dimCount.max) {
    add("dimensions", "instrument_dimensions_count", dimCount);
  }

  const dimensionKeys = new Set<string>();
  // Indicator keys are unique across the whole version: a score is kept by its indicator's key.
  const indicatorKeys = new Set<string>();
  let total = 0;
  let weightsOk = true;
  dimensions.forEach((dimension, d) => {
    const at = `dimensions.${d}`;
    checkKey(`${at}.key`, dimension.key, dimensionKeys, add);
    checkWords(`${at}.name`, dimension.name, INSTRUMENT_LIMITS.name, { required: "both", multiLine: false });
    checkWords(`${at}.description`, dimension.description, INSTRUMENT_LIMITS.description, {
      required: "none",
      multiLine: true,
    });
    if (!isPositiveInt(dimension.weight) || dimension.weight > INSTRUMENT_LIMITS.dimensionWeightTotal) {
      weightsOk = false;
      add(`${at}.weight`, "instrument_weight_invalid", { max: INSTRUMENT_LIMITS.dimensionWeightTotal });
    } else {
      total += dimension.weight;
    }
    const indicators = Array.isArray(dimension.indicators) ? dimension.indicators : [];
    if (indicators.length < indCount.min || indicators.length > indCount.max) {
      add(`${at}.indicators`, "instrument_indicators_count", indCount);
    }
    indicators.forEach((indicator, i) => {
      checkIndicator(`${at}.indicators.${i}`, indicator, scaleOk ? { min, max } : null);
    });
  });
  if (weightsOk && dimensions.length > 0 && total !== INSTRUMENT_LIMITS.dimensionWeightTotal) {
    add("dimensions", "instrument_weight_total", { total, expected: INSTRUMENT_LIMITS.dimensionWeightTotal });
  }
  return problems;

  function checkIndicator(
    at: string,
    indicator: InstrumentIndicator,
    scale: { min: number; max: number } | null,
  ) {
    checkKey(`${at}.key`, indicator.key, indicatorKeys, add);
    checkWords(`${at}.name`, indicator.name, INSTRUMENT_LIMITS.name, { required: "both", multiLine: false });
    checkWords(`${at}.description`, indicator.description, INSTRUMENT_LIMITS.description, {
      required: "none",
      multiLine: true,
    });
    checkWords(`${at}.evidence`, indicator.evidence, INSTRUMENT_LIMITS.evidence, {
      required: "none",
      multiLine: true,
    });
    if (!isPositiveInt(indicator.weight) || indicator.weight > INSTRUMENT_LIMITS.indicatorWeight.max) {
      add(`${at}.weight`, "instrument_weight_invalid", { max: INSTRUMENT_LIMITS.indicatorWeight.max });
    }
    const levels = Array.isArray(indicator.levels) ? indicator.levels : [];
    if (scale) {
      const expected = scale.max - scale.min + 1;
      if (levels.length !== expected || levels.some((l, j) => l.score !== scale.min + j)) {
        add(`${at}.levels`, "instrument_levels_invalid", { min: scale.min, max: scale.max });
      }
    }
    levels.forEach((level, j) => {
      checkWords(`${at}.levels.${j}.description`, level.description, INSTRUMENT_LIMITS.level, {
        required: "zhCN",
        multiLine: true,
      });
    });
  }
}

function checkKey(
  path: string,
  key: unknown,
  seen: Set<string>,
  add: (path: string, code: InstrumentProblemCode, params?: InstrumentProblem["params"]) => void,
) {
  if (typeof key !== "string" || !INSTRUMENT_KEY.test(key)) {
    add(path, "instrument_key_invalid");
    return;
  }
  if (seen.has(key)) add(path, "instrument_key_duplicate", { key });
  seen.add(key);
}

/**
 * Stage 4's capacity assessments (能力评估) in the API: starting one (phase and side), saving
 * scores as they are given (partial, for autosave), submitting, correcting, the comparison of two
 * and a cohort's baseline distribution. Scores are whole numbers; whether one lies within the
 * version's scale is the service's check (the scale is the version's).
 */
import { z } from "zod";
import { ASSESSMENT_PHASES, ASSESSMENT_SIDES, ASSESSMENT_STATUSES } from "../../domain/incubation/assessment";
import { longText, text, ZId, ZVersion } from "../common";

const ZWords = z.object({ zhCN: z.string(), en: z.string() });

/** Start an assessment of the incubation; staff may name the assessor (an expert of the base). */
export const ZAssessmentStart = z.object({
  phase: z.enum(ASSESSMENT_PHASES),
  side: z.enum(ASSESSMENT_SIDES),
  assessorId: ZId.nullish(),
});

export const ZAssessmentStarted = z.object({
  id: z.string(),
  /** False when the incubation already had this phase and side: the existing one is answered. */
  created: z.boolean(),
});

/** An indicator key as the instrument spells it (the service checks the version has it). */
const ZIndicatorKey = text(64).regex(/^[a-z0-9_]+$/, { error: "invalid_option" });

/** A score: a whole number (the scale's bounds are the version's, checked by the service), or null to clear it. */
const ZScore = z.number().int({ error: "integer_required" }).min(-1000).max(1000).nullable();

export const ZAssessmentSave = z.object({
  version: ZVersion,
  /** Only the indicators given are changed (autosave sends what changed). */
  scores: z
    .array(
      z.object({
        indicatorKey: ZIndicatorKey,
        score: ZScore.optional(),
        comment: longText(2000).optional(),
      }),
    )
    .max(200)
    .refine((items) => new Set(items.map((i) => i.indicatorKey)).size === items.length, {
      error: "duplicate",
    })
    .optional(),
  /** The overall comment: strengths, weaknesses, what to work on. */
  summary: longText(4000).optional(),
});

export const ZAssessmentSubmit = z.object({ version: ZVersion });

export const ZAssessmentCorrection = z.object({
  reason: longText(1000).min(1, { error: "required" }),
});

const ZDimensionResult = z.object({ score: z.number().nullable(), coverage: z.number() });

export const ZAssessmentResult = z.object({
  total: z.number().nullable(),
  coverage: z.number(),
  dimensions: z.record(z.string(), ZDimensionResult),
});

export const ZInstrumentContentOut = z.object({
  scale: z.object({ min: z.number(), max: z.number() }),
  dimensions: z.array(
    z.object({
      key: z.string(),
      name: ZWords,
      description: ZWords,
      weight: z.number(),
      indicators: z.array(
        z.object({
          key: z.string(),
          name: ZWords,
          description: ZWords,
          weight: z.number(),
          evidence: ZWords,
          levels: z.array(z.object({ score: z.number(), description: ZWords })),
        }),
      ),
    }),
  ),
});

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZAssessmentSummaryEntry = z.object({
  id: z.string(),
  phase: z.enum(ASSESSMENT_PHASES),
  side: z.enum(ASSESSMENT_SIDES),
  status: z.enum(ASSESSMENT_STATUSES),
  revision: z.number().int(),
  instrumentVersionId: z.string(),
  assessor: ZPerson,
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const ZAssessmentDetail = ZAssessmentSummaryEntry.extend({
  incubationId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  supersedesId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  summary: z.string(),
  version: z.number().int(),
  instrument: z.object({
    versionId: z.string(),
    name: z.string(),
    number: z.number().int(),
    content: ZInstrumentContentOut,
  }),
  scores: z.array(z.object({ indicatorKey: z.string(), score: z.number().nullable(), comment: z.string() })),
  evidence: z.array(
    z.object({
      indicatorKey: z.string(),
      id: z.string(),
      originalName: z.string(),
      size: z.number(),
      mime: z.string(),
    }),
  ),
  /** The result of the scores as they stand (the stored one once submitted). */
  result: ZAssessmentResult,
  /** Whether the reader may change it now (a draft on the reader's side). */
  editable: z.boolean(),
  /** Whether the reader may start a correction (the latest submitted revision, on the reader's side). */
  correctable: z.boolean(),
});

export const ZAssessmentSaved = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  result: ZAssessmentResult,
});

export const ZAssessmentSubmitted = z.object({ version: z.number().int(), total: z.number() });

export const ZIncubationAssessments = z.object({
  items: z.array(ZAssessmentSummaryEntry),
  baseline: z.object({
    /** The incubation's start + the base's baselineDueDays (a calendar day, Asia/Shanghai). */
    dueOn: z.string(),
    overdue: z.boolean(),
    selfDone: z.boolean(),
    assessorDone: z.boolean(),
  }),
});

export const ZComparisonQuery = z.object({ first: ZId, second: ZId });

const ZComparedSide = z.object({
  id: z.string(),
  phase: z.enum(ASSESSMENT_PHASES),
  side: z.enum(ASSESSMENT_SIDES),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
});

export const ZAssessmentComparison = z.object({
  organizationName: z.string(),
  instrument: z.object({ versionId: z.string(), name: z.string(), number: z.number().int() }),
  first: ZComparedSide,
  second: ZComparedSide,
  dimensions: z.array(
    z.object({
      key: z.string(),
      name: ZWords,
      weight: z.number(),
      first: z.number().nullable(),
      second: z.number().nullable(),
      difference: z.number().nullable(),
    }),
  ),
  total: z.object({
    first: z.number().nullable(),
    second: z.number().nullable(),
    difference: z.number().nullable(),
  }),
  largestGaps: z.array(z.string()),
  weakest: z.array(z.string()),
});

export const ZCohortDistribution = z.object({
  cohort: z.object({ id: z.string(), name: z.string() }),
  /** The instrument versions the scores come from (one, unless the cohort's tracks differ). */
  versions: z.array(z.object({ id: z.string(), name: z.string(), number: z.number().int() })),
  dimensions: z.array(
    z.object({
      key: z.string(),
      name: ZWords,
      n: z.number().int(),
      min: z.number().nullable(),
      q1: z.number().nullable(),
      median: z.number().nullable(),
      q3: z.number().nullable(),
      max: z.number().nullable(),
      values: z.array(z.number()),
    }),
  ),
  total: z.object({ n: z.number().int(), median: z.number().nullable(), values: z.array(z.number()) }),
  /** The cohort's incubations with no submitted assessor-side baseline yet. */
  missing: z.array(z.object({ incubationId: z.string(), organizationName: z.string() })),
});

/** The multipart fields sent before an evidence file: the indicator it supports. */
export const ZEvidenceFields = z.object({ indicatorKey: ZIndicatorKey });

export type AssessmentSave = z.input<typeof ZAssessmentSave>;
export type AssessmentDetail = z.infer<typeof ZAssessmentDetail>;
export type AssessmentSaved = z.infer<typeof ZAssessmentSaved>;
export type IncubationAssessments = z.infer<typeof ZIncubationAssessments>;
export type AssessmentComparisonView = z.infer<typeof ZAssessmentComparison>;
export type CohortDistribution = z.infer<typeof ZCohortDistribution>;

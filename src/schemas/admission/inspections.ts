/**
 * Stage 2's inspection (考察) in the API: planning one, and the record the inspector fills in.
 * The record is saved as a draft while it is filled, so every part is optional here; what
 * signing off needs is src/domain/inspection.ts's `inspectionGaps`. Amounts are whole fen.
 */
import { z } from "zod";
import {
  CHECK_ANSWERS,
  FUNDING_STABILITIES,
  INCOME_SOURCES,
  INSPECTION_MODES,
  RECOMMENDATIONS,
  REGISTERED_EXCLUSIONS,
  UNREGISTERED_CONDITIONS,
} from "../../domain/inspection";
import { optionalText, ZId, ZInstant } from "../common";

/** A year's income or spending: up to CNY 10 billion, in fen, never negative. */
export const MAX_FEN = 1_000_000_000_000;
const ZFen = z.number().max(MAX_FEN, { error: "too_big" }).int().min(0);

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** Staff plan an inspection: when, how, by whom (staff or invited experts). */
export const ZInspectionPlan = z.object({
  scheduledAt: ZInstant,
  mode: z.enum(INSPECTION_MODES),
  inspectorIds: z.array(ZId).min(1).max(10).refine(unique, { error: "duplicate" }),
  /** The address on site, or the meeting link online. */
  place: optionalText(300),
});
export type InspectionPlan = z.input<typeof ZInspectionPlan>;

const ZCheckFinding = z.object({
  answer: z.enum(CHECK_ANSWERS),
  evidence: optionalText(1000, true),
  fileIds: z.array(ZId).max(20).refine(unique, { error: "duplicate" }).optional(),
});

const para = () => optionalText(4000, true);

export const ZInspectionFinding = z.object({
  leader: z
    .object({
      background: para(),
      commitment: para(),
      skills: para(),
      referencesChecked: z.boolean().nullish(),
      referencesNote: para(),
    })
    .optional(),
  businessModel: para(),
  finances: z
    .object({
      incomeSources: z
        .array(z.enum(INCOME_SOURCES))
        .max(INCOME_SOURCES.length)
        .refine(unique, { error: "duplicate" })
        .optional(),
      lastYearIncomeFen: ZFen.nullish(),
      lastYearSpendingFen: ZFen.nullish(),
      stability: z.enum(FUNDING_STABILITIES).nullish(),
    })
    .optional(),
  governance: para(),
  risks: para(),
  checks: z
    .partialRecord(z.enum([...REGISTERED_EXCLUSIONS, ...UNREGISTERED_CONDITIONS]), ZCheckFinding)
    .optional(),
  recommendation: z.object({ decision: z.enum(RECOMMENDATIONS).nullish(), reason: para() }).optional(),
});
export type InspectionFindingInput = z.input<typeof ZInspectionFinding>;

/**
 * Stage 3's rubrics (评审指标) in the API: one per track, versioned. A version a round opened with
 * is frozen; editing the current version then writes the next one, and rounds keep theirs.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import { longText, text, ZVersion } from "../common";

const ZWords = (max: number, multiLine = false) =>
  z.object({
    zhCN: (multiLine ? longText(max) : text(max)).min(1, { error: "required" }),
    en: multiLine ? longText(max) : text(max),
  });

const ZScore = z.number().int({ error: "integer_required" }).min(0, { error: "too_small" }).max(100, {
  error: "too_big",
});

export const ZLevelBand = z.object({ min: ZScore, max: ZScore, meaning: ZWords(200) });

export const ZCriterion = z.object({
  key: text(40).regex(/^[a-z][a-z0-9_]*$/, { error: "rubric_key_invalid" }),
  name: ZWords(60),
  description: ZWords(500, true),
  weight: z.number().int({ error: "integer_required" }).min(1, { error: "too_small" }).max(1000, {
    error: "too_big",
  }),
  min: ZScore,
  max: ZScore,
  levels: z.array(ZLevelBand).min(1).max(20),
});
export type CriterionInput = z.infer<typeof ZCriterion>;

/** Staff's edit of a track's rubric: the version they edited (the current one), or 409. */
export const ZRubricEdit = z.object({
  version: ZVersion,
  title: text(100).min(1, { error: "required" }),
  source: longText(2000).nullish(),
  criteria: z.array(ZCriterion).min(1).max(20),
});
export type RubricEdit = z.input<typeof ZRubricEdit>;

export const ZRubricTrackParams = z.object({ track: z.enum(TRACKS) });

export const ZRubric = z.object({
  id: z.uuid(),
  track: z.enum(TRACKS),
  version: z.number().int(),
  title: z.string(),
  source: z.string().nullable(),
  criteria: z.array(ZCriterion),
  frozenAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** Rounds that use this version. */
  roundCount: z.number().int(),
});
export type Rubric = z.infer<typeof ZRubric>;

export const ZTrackRubrics = z.object({
  track: z.enum(TRACKS),
  current: ZRubric,
  /** Older versions, newest first. */
  older: z.array(ZRubric),
});
export const ZRubricList = z.object({ tracks: z.array(ZTrackRubrics) });
export type RubricList = z.infer<typeof ZRubricList>;
export type TrackRubrics = z.infer<typeof ZTrackRubrics>;

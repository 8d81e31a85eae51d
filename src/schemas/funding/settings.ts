/**
 * The base's funding settings (the project grant cap, the report grace period, the variance
 * threshold) and its flagship programmes (十大工程), as the API serves them. Money is integer fen.
 */
import { z } from "zod";
import { MAX_FEN } from "../../domain/funding/money";
import { optionalText, text, ZVersion } from "../common";

export const ZFundingSettingsBody = z.object({
  /** The most a project's project grants may add up to, in fen (default 30,000,000 = CNY 300,000). */
  projectGrantCapFen: z
    .number()
    .max(MAX_FEN, { error: "too_big" })
    .int({ error: "integer_required" })
    .min(100, {
      error: "too_small",
    }),
  /** Calendar days after a report's due day before it counts as failed. */
  reportGraceDays: z.number().max(365, { error: "too_big" }).int({ error: "integer_required" }).min(0),
  /** Basis points (1000 = 10%): a budget line over or under by more needs an explanation. */
  varianceThresholdBp: z.number().max(10_000, { error: "too_big" }).int({ error: "integer_required" }).min(0),
  version: ZVersion,
});
export type FundingSettingsBody = z.input<typeof ZFundingSettingsBody>;

export const ZFundingSettings = z.object({
  projectGrantCapFen: z.number().int(),
  reportGraceDays: z.number().int(),
  varianceThresholdBp: z.number().int(),
  version: z.number().int(),
  /** False while the base runs on the defaults (nothing saved yet). */
  saved: z.boolean(),
});
export type FundingSettingsView = z.infer<typeof ZFundingSettings>;

export const ZProgrammeInput = z.object({
  name: text(60).min(2, { error: "too_short" }),
  description: optionalText(500, true),
});
export type ProgrammeInput = z.input<typeof ZProgrammeInput>;

export const ZProgrammeQuery = z.object({
  /** With retired programmes too (the settings page); without, only those a project may choose. */
  all: z.enum(["true", "false"]).optional(),
});

export const ZProgramme = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  retired: z.boolean(),
  /** Projects incubated within it. */
  projectCount: z.number().int(),
});
export type Programme = z.infer<typeof ZProgramme>;
export const ZProgrammeList = z.object({ items: z.array(ZProgramme) });
export type ProgrammeList = z.infer<typeof ZProgrammeList>;

/**
 * The capacity assessment instrument (组织能力考核评价体系) in the API: a base's instruments, their
 * versions (a draft is edited, a published one is frozen), and the version each track uses.
 * The content's shape is checked here; its rules (weights adding up to 100, one level per score)
 * by instrumentProblems, which answers with every problem on its own field.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import { INSTRUMENT_VERSION_STATUSES } from "../../domain/incubation/instrument";
import { INSTRUMENT_LIMITS } from "../../domain/incubation/instrument-problems";
import { longText, text, ZId, ZVersion } from "../common";

// Lengths are checked by instrumentProblems (with the field's own message); the schema takes a
// little more so a too-long text reaches it, and refuses what could never be stored.
const ZWords = (max: number, multiLine = false) =>
  z.object({
    zhCN: multiLine ? longText(max * 2) : text(max * 2),
    en: multiLine ? longText(max * 2) : text(max * 2),
  });
const ZNumber = z.number().int({ error: "integer_required" }).min(-1000).max(1000);

export const ZInstrumentLevel = z.object({
  score: ZNumber,
  description: ZWords(INSTRUMENT_LIMITS.level, true),
});

export const ZInstrumentIndicator = z.object({
  key: text(INSTRUMENT_LIMITS.key * 2),
  name: ZWords(INSTRUMENT_LIMITS.name),
  description: ZWords(INSTRUMENT_LIMITS.description, true),
  weight: ZNumber,
  evidence: ZWords(INSTRUMENT_LIMITS.evidence, true),
  levels: z.array(ZInstrumentLevel).max(INSTRUMENT_LIMITS.levels.max + 1),
});

export const ZInstrumentDimension = z.object({
  key: text(INSTRUMENT_LIMITS.key * 2),
  name: ZWords(INSTRUMENT_LIMITS.name),
  description: ZWords(INSTRUMENT_LIMITS.description, true),
  weight: ZNumber,
  indicators: z.array(ZInstrumentIndicator).max(INSTRUMENT_LIMITS.indicators.max + 1),
});

export const ZInstrumentContent = z.object({
  scale: z.object({ min: ZNumber, max: ZNumber }),
  dimensions: z.array(ZInstrumentDimension).max(INSTRUMENT_LIMITS.dimensions.max + 1),
});

const ZTrack = z.enum(TRACKS);

/** One version in the list (without its content). */
export const ZInstrumentVersionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(INSTRUMENT_VERSION_STATUSES),
  changeNote: z.string(),
  basedOnId: z.uuid().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  /** For a draft's 409s. */
  version: z.number().int(),
  /** The tracks whose new assessments use this version. */
  tracks: z.array(ZTrack),
});

export const ZInstrument = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
  /** Newest first. */
  versions: z.array(ZInstrumentVersionSummary),
});
export type Instrument = z.infer<typeof ZInstrument>;

export const ZInstrumentList = z.object({
  instruments: z.array(ZInstrument),
  /** The active version of each track. */
  active: z.array(z.object({ track: ZTrack, versionId: z.uuid() })),
});
export type InstrumentList = z.infer<typeof ZInstrumentList>;

/** One version with its content. */
export const ZInstrumentVersion = ZInstrumentVersionSummary.extend({
  instrumentId: z.uuid(),
  instrumentName: z.string(),
  content: ZInstrumentContent,
});
export type InstrumentVersionView = z.infer<typeof ZInstrumentVersion>;

/** A new instrument: empty (a one-dimension skeleton to edit) or a copy of a version's content. */
export const ZInstrumentCreate = z.object({
  name: text(60).min(1, { error: "required" }),
  description: longText(500).optional(),
  copyFromVersionId: ZId.optional(),
});
export type InstrumentCreate = z.input<typeof ZInstrumentCreate>;

/** Saving a draft: its content and change note, with the version it was loaded at (else 409). */
export const ZInstrumentDraftSave = z.object({
  version: ZVersion,
  changeNote: longText(500),
  content: ZInstrumentContent,
});
export type InstrumentDraftSave = z.input<typeof ZInstrumentDraftSave>;

export const ZInstrumentPublish = z.object({ version: ZVersion });

export const ZActiveTrackParams = z.object({ track: ZTrack });
export const ZActiveSet = z.object({ versionId: ZId });
export const ZActiveInstrument = z.object({ track: ZTrack, versionId: z.uuid() });

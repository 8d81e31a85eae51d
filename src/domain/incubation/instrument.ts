/**
 * The capacity assessment instrument (组织能力考核评价体系): dimensions, their indicators, a weight
 * each, a scale whose every level is described, and the evidence expected. A base keeps versions
 * of an instrument; a published version is frozen (its content never changes again), and every
 * assessment keeps the version it used, so a baseline and an exit taken on one version compare.
 */
import type { Words } from "../review/default-rubrics";

export const INSTRUMENT_VERSION_STATUSES = ["draft", "published"] as const;
export type InstrumentVersionStatus = (typeof INSTRUMENT_VERSION_STATUSES)[number];

/** One level of an indicator's scale and what it looks like in an organization. */
export interface InstrumentLevel {
  score: number;
  description: Words;
}

export interface InstrumentIndicator {
  /** Stable within the version (scores are kept by it): lowercase letters, digits and `_`. */
  key: string;
  name: Words;
  description: Words;
  /** Relative weight within its dimension (positive). */
  weight: number;
  /** What the assessor asks to see (documents, records, a visit). */
  evidence: Words;
  /** One description per score of the scale, lowest first. */
  levels: InstrumentLevel[];
}

export interface InstrumentDimension {
  key: string;
  name: Words;
  description: Words;
  /** The dimension's share of the total: the dimensions' weights add up to 100. */
  weight: number;
  indicators: InstrumentIndicator[];
}

/** A version's content: frozen once published. */
export interface InstrumentContent {
  /** Every indicator is scored on this whole-number scale (the McKinsey grid and USAID OCA use 1-4). */
  scale: { min: number; max: number };
  dimensions: InstrumentDimension[];
}

/**
 * The incubation figures (孵化数据) of the home page for government viewers, community liaisons and
 * staff: counts and means only, never a name. Scoped as the recruitment figures are (the base,
 * every base for a city viewer, a liaison's town).
 */
import { z } from "zod";
import { INCUBATION_STATUSES, RESIDENCIES } from "../../domain/incubation/lifecycle";
import { ZTrack } from "../recruitment/calls";

const ZCount = z.number().int().min(0);

const ZCohortFigures = z.object({
  cohortId: z.string(),
  name: z.string(),
  startsOn: z.string(),
  total: ZCount,
  /** Still in the base: active, extended, suspended or in exit review. */
  current: ZCount,
  graduated: ZCount,
  terminated: ZCount,
  /** With a submitted baseline by the base's assessor; of the current ones, overdue without one. */
  baselineDone: ZCount,
  baselineOverdue: ZCount,
  /** The mean baseline total (out of 100) of those done; null when none is. */
  baselineMean: z.number().nullable(),
});

export const ZIncubationSection = z.object({
  baseId: z.string(),
  baseName: z.string(),
  total: ZCount,
  byStatus: z.array(z.object({ status: z.enum(INCUBATION_STATUSES), count: ZCount })),
  byTrack: z.array(z.object({ track: ZTrack, count: ZCount })),
  byResidency: z.array(z.object({ residency: z.enum(RESIDENCIES), count: ZCount })),
  /** Newest cohort first. */
  cohorts: z.array(ZCohortFigures),
});
export type IncubationSection = z.infer<typeof ZIncubationSection>;

export const ZIncubationFigures = z.object({
  scope: z.enum(["base", "bases", "town"]),
  town: z.object({ id: z.string(), name: z.string() }).nullable(),
  sections: z.array(ZIncubationSection),
});
export type IncubationFigures = z.infer<typeof ZIncubationFigures>;

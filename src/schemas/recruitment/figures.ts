/**
 * The recruitment figures (招募数据) government viewers and community liaisons read on their home
 * page: counts only, never a name, a phone or any other personal data.
 */
import { z } from "zod";
import { REGISTRATION_STATUSES } from "../../domain/organization";
import { ZApplicationStatus, ZTrack } from "./calls";

const ZCount = z.number().int().min(0);

/** Applications of one group (a track, a town): how many started, were submitted, were accepted. */
const ZStageCounts = z.object({ total: ZCount, submitted: ZCount, accepted: ZCount });

const ZFiguresSection = z.object({
  baseId: z.string(),
  baseName: z.string(),
  /** Published calls by where their window stands now (drafts are the base's own business). */
  calls: z.object({ upcoming: ZCount, open: ZCount, closed: ZCount }),
  applications: z.object({
    /**
     * The funnel, each stage counting every application that ever reached it: started (any
     * status), submitted at least once, accepted for screening (even if withdrawn since).
     */
    funnel: z.object({ started: ZCount, submitted: ZCount, accepted: ZCount }),
    /** Where applications stand now, every status present (zero included). */
    byStatus: z.array(z.object({ status: ZApplicationStatus, count: ZCount })),
    byTrack: z.array(ZStageCounts.extend({ track: ZTrack })),
    /** By the applicant organization's town; a liaison's figures have none (one town). */
    byTown: z.array(ZStageCounts.extend({ townId: z.string().nullable(), townName: z.string().nullable() })),
  }),
  organizations: z.object({
    total: ZCount,
    byKind: z.array(z.object({ kind: z.enum(REGISTRATION_STATUSES), count: ZCount })),
    byField: z.array(z.object({ field: z.string(), count: ZCount })),
  }),
});
export type FiguresSection = z.infer<typeof ZFiguresSection>;

export const ZRecruitmentFigures = z.object({
  /** `base`: the actor's base; `bases`: one section per base (a city-level viewer); `town`: a liaison's. */
  scope: z.enum(["base", "bases", "town"]),
  /** The liaison's town; null for the other scopes, or while the administrator has set none. */
  town: z.object({ id: z.string(), name: z.string() }).nullable(),
  sections: z.array(ZFiguresSection),
});
export type RecruitmentFigures = z.infer<typeof ZRecruitmentFigures>;

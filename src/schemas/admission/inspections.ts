/**
 * Stage 2's inspection (考察) in the API: planning one, and the record the inspector fills in.
 * The record is saved as a draft while it is filled, so every part is optional here; what
 * signing off needs is src/domain/inspection.ts's `inspectionGaps`. Amounts are whole fen.
 */
import { z } from "zod";
import { APPLICATION_STATUSES } from "../../domain/application";
import {
  CHECK_ANSWERS,
  FUNDING_STABILITIES,
  INCOME_SOURCES,
  INSPECTION_MODES,
  INSPECTION_STATUSES,
  RECOMMENDATIONS,
  REGISTERED_EXCLUSIONS,
  UNREGISTERED_CONDITIONS,
} from "../../domain/inspection";
import { longText, optionalText, text, ZDay, ZId, ZInstant, ZPage, ZPageQuery, ZVersion } from "../common";

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
  /** Files of the record in general (photos, scans), beside each check's evidence files. */
  fileIds: z.array(ZId).max(50).refine(unique, { error: "duplicate" }).optional(),
});
export type InspectionFindingInput = z.input<typeof ZInspectionFinding>;

// ---------------------------------------------------------------------------------------------
// The routes' bodies and answers.

const reason = (max: number) => longText(max).min(1, { error: "required" });

/** Plan an inspection of an accepted application. */
export const ZInspectionCreate = ZInspectionPlan.extend({ applicationId: ZId });
export type InspectionCreate = z.input<typeof ZInspectionCreate>;
/** Reschedule, change the inspectors, the mode or the place: the whole plan again, with the version. */
export const ZInspectionPlanEdit = ZInspectionPlan.extend({ version: ZVersion });
export type InspectionPlanEdit = z.input<typeof ZInspectionPlanEdit>;
export const ZInspectionCancel = z.object({ version: ZVersion, reason: reason(2000) });
export const ZFindingSave = z.object({ version: ZVersion, finding: ZInspectionFinding });
export type FindingSave = z.input<typeof ZFindingSave>;
export const ZSignOff = z.object({ version: ZVersion });
export const ZCorrection = z.object({ reason: reason(2000) });
export const ZScreenOutBody = z.object({ version: ZVersion, reason: reason(2000) });

/** The inspection list's filters (list-page kit query). */
export const INSPECTION_SORTS = ["scheduledAt", "updatedAt", "name"] as const;
const ZStatusList = text(200)
  .transform((s) => s.split(",").filter((x) => x !== ""))
  .pipe(z.array(z.enum(INSPECTION_STATUSES, { error: "invalid_option" })).max(INSPECTION_STATUSES.length));
export const ZInspectionQuery = ZPageQuery.extend({
  status: ZStatusList.optional(),
  mode: z.enum(INSPECTION_MODES).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  inspectorId: ZId.optional(),
  q: text(100).optional(),
  /** Only the latest revision of each inspection unless asked for. */
  sort: z.enum(INSPECTION_SORTS).default("scheduledAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type InspectionQuery = z.input<typeof ZInspectionQuery>;
export type InspectionListState = z.output<typeof ZInspectionQuery>;

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZInspectionRow = z.object({
  id: z.string(),
  applicationId: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  callTitle: z.string(),
  revision: z.number().int(),
  status: z.enum(INSPECTION_STATUSES),
  mode: z.enum(INSPECTION_MODES),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  inspectors: z.array(ZPerson),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  version: z.number().int(),
});
export type InspectionRow = z.infer<typeof ZInspectionRow>;
export const ZInspectionPage = ZPage(ZInspectionRow);
export type InspectionPage = z.infer<typeof ZInspectionPage>;

/** The finding as stored: the shape of ZInspectionFinding (typed as InspectionFinding in clients). */
const ZStoredFinding = z.record(z.string(), z.unknown());

export const ZInspectionRevision = z.object({
  id: z.string(),
  revision: z.number().int(),
  status: z.enum(INSPECTION_STATUSES),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.string().nullable(),
  correctionReason: z.string().nullable(),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  finding: ZStoredFinding,
});

export const ZInspectionDetail = ZInspectionRow.extend({
  application: z.object({
    id: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    track: z.string(),
    version: z.number().int(),
  }),
  organization: z.object({
    id: z.string(),
    name: z.string(),
    registrationStatus: z.string(),
    creditCode: z.string().nullable(),
  }),
  finding: ZStoredFinding,
  /** The checks this organization's record must answer (checksFor). */
  checks: z.array(z.string()),
  gaps: z.array(z.string()),
  exclusionsFound: z.array(z.string()),
  supersedesId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.string().nullable(),
  updatedAt: z.string(),
  /** Earlier revisions (signed-off versions a correction superseded), newest first. */
  revisions: z.array(ZInspectionRevision),
  /** The files the finding names (photos, scans), for their names and types. */
  files: z.array(z.object({ id: z.string(), originalName: z.string(), mime: z.string(), size: z.number() })),
  /** What the actor may do: plan edits and cancel (staff), record (staff or an inspector). */
  can: z.object({ plan: z.boolean(), record: z.boolean(), correct: z.boolean() }),
  /** The correction that supersedes this revision, if one was opened. */
  supersededById: z.string().nullable(),
});
export type InspectionDetail = z.infer<typeof ZInspectionDetail>;

/** The application's inspection, as the staff application page and the dossier show it. */
export const ZApplicationInspection = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    status: z.enum(INSPECTION_STATUSES),
    mode: z.enum(INSPECTION_MODES),
    scheduledAt: z.string(),
    place: z.string().nullable(),
    inspectors: z.array(ZPerson),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    signedOffAt: z.string().nullable(),
    exclusionsFound: z.array(z.string()),
    version: z.number().int(),
  })
  .nullable();
export type ApplicationInspection = z.infer<typeof ZApplicationInspection>;

/** Users of the base who may be named inspectors (staff, admins, experts). */
export const ZInspectorCandidates = z.array(ZPerson.extend({ roles: z.array(z.string()) }));

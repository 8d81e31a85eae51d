/**
 * The contracts of diagnosis and the incubation plan (孵化计划): needs tagged with the 4Z
 * categories, the plan as one document (goals with their actions), its lifecycle and the actions'
 * progress; and the words for them in both languages, shared by the server's messages and the page.
 */

import { z } from "zod";
import type { GrowthTitle } from "../../domain/growth";
import {
  ACTION_OWNERS,
  ACTION_STATUSES,
  type ActionOwner,
  type ActionStatus,
  NEED_SOURCES,
  NEED_STATUSES,
  type NeedSource,
  type NeedStatus,
  PLAN_EVENTS,
  PLAN_LIMITS,
  PLAN_STATUSES,
  type PlanStatus,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from "../../domain/incubation/plan";
import { INT4_MAX, longText, optionalText, text, ZDay, ZId, ZVersion } from "../common";
import { SERVICE_CATEGORY_LABELS } from "../labels";
import type { Lang } from "../messages";

const title = (max: number) => text(max).min(1, { error: "required" });
/** An instrument's dimension key (lowercase, digits, underscores). */
const ZDimensionKey = text(64)
  .regex(/^[a-z][a-z0-9_]*$/, { error: "invalid" })
  .nullish()
  .or(z.literal("").transform(() => null));

export const ZNeedCreate = z.object({
  category: z.enum(SERVICE_CATEGORIES),
  title: title(100),
  detail: longText(2000).default(""),
  source: z.enum(NEED_SOURCES),
  dimensionKey: ZDimensionKey,
});
export type NeedCreate = z.input<typeof ZNeedCreate>;

export const ZNeedUpdate = ZNeedCreate.extend({ status: z.enum(NEED_STATUSES), version: ZVersion });
export type NeedUpdate = z.input<typeof ZNeedUpdate>;

export const ZNeedParams = z.object({ id: ZId, needId: ZId });
export const ZActionParams = z.object({ id: ZId, actionId: ZId });

export const ZNeed = z.object({
  id: z.uuid(),
  category: z.enum(SERVICE_CATEGORIES),
  title: z.string(),
  detail: z.string(),
  source: z.enum(NEED_SOURCES),
  dimensionKey: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  version: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Need = z.infer<typeof ZNeed>;
export const ZNeedList = z.object({ items: z.array(ZNeed) });
export type NeedList = z.infer<typeof ZNeedList>;

export const ZActionInput = z.object({
  /** An action saved before keeps its id; a new one has none. */
  id: ZId.nullish(),
  title: title(200),
  ownerSide: z.enum(ACTION_OWNERS),
  ownerUserId: ZId.nullish(),
  dueOn: ZDay,
  service: z.enum(SERVICE_CATEGORIES).nullish(),
  needId: ZId.nullish(),
});
export type ActionInput = z.input<typeof ZActionInput>;

export const ZGoalInput = z.object({
  id: ZId.nullish(),
  title: title(100),
  dimensionKey: ZDimensionKey,
  target: longText(500).default(""),
  actions: z.array(ZActionInput).max(PLAN_LIMITS.actionsPerGoal, { error: "too_big" }),
});
export type GoalInput = z.input<typeof ZGoalInput>;

/** The whole draft as one document; `version` 0 writes the first draft. */
export const ZPlanSave = z.object({
  version: z.number().int().min(0).max(INT4_MAX, { error: "too_big" }),
  summary: longText(2000).default(""),
  goals: z.array(ZGoalInput).max(PLAN_LIMITS.goals, { error: "too_big" }),
});
export type PlanSave = z.input<typeof ZPlanSave>;

export const ZPlanStep = z.object({ version: ZVersion, note: optionalText(500, true) });
export type PlanStep = z.input<typeof ZPlanStep>;

export const ZActionProgress = z.object({
  version: ZVersion,
  status: z.enum(ACTION_STATUSES),
  note: optionalText(500, true),
});
export type ActionProgressInput = z.input<typeof ZActionProgress>;

export const ZProgress = z.object({
  total: z.number().int(),
  done: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  dropped: z.number().int(),
  percent: z.number().int(),
});
export type Progress = z.infer<typeof ZProgress>;

export const ZPlanActionView = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerSide: z.enum(ACTION_OWNERS),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  doneAt: z.iso.datetime().nullable(),
  doneNote: z.string().nullable(),
  service: z.enum(SERVICE_CATEGORIES).nullable(),
  needId: z.uuid().nullable(),
  /** Where the action came from, when not written in the plan: a mentoring session's action item. */
  origin: z.object({ kind: z.literal("mentoring"), mentorName: z.string(), heldOn: z.string() }).nullable(),
  version: z.number().int(),
});
export type PlanAction = z.infer<typeof ZPlanActionView>;

export const ZPlanGoal = z.object({
  id: z.uuid(),
  title: z.string(),
  dimensionKey: z.string().nullable(),
  target: z.string(),
  actions: z.array(ZPlanActionView),
  progress: ZProgress,
});
export type PlanGoal = z.infer<typeof ZPlanGoal>;

export const ZPlanEvent = z.object({
  event: z.string(),
  revision: z.number().int(),
  note: z.string().nullable(),
  onBehalf: z.boolean(),
  actorName: z.string().nullable(),
  at: z.iso.datetime(),
});

export const ZPlan = z.object({
  id: z.uuid(),
  status: z.enum(PLAN_STATUSES),
  revision: z.number().int(),
  summary: z.string(),
  version: z.number().int(),
  proposedAt: z.iso.datetime().nullable(),
  agreedAt: z.iso.datetime().nullable(),
  agreedByName: z.string().nullable(),
  agreedOnBehalf: z.boolean(),
  agreedNote: z.string().nullable(),
  goals: z.array(ZPlanGoal),
  progress: ZProgress,
  events: z.array(ZPlanEvent),
  eventsAvailable: z.array(z.enum(PLAN_EVENTS)),
});
export type Plan = z.infer<typeof ZPlan>;

/** A capacity dimension the goals may work on, with the baseline's score where there is one. */
export const ZPlanDimension = z.object({
  key: z.string(),
  name: z.object({ "zh-CN": z.string(), en: z.string() }),
  score: z.number().nullable(),
});
export type PlanDimension = z.infer<typeof ZPlanDimension>;

export const ZPlanView = z.object({
  incubationId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  startOn: z.string(),
  plannedEndOn: z.string(),
  /** Null until staff save the first draft; a member sees it only once proposed. */
  plan: ZPlan.nullable(),
  dimensions: z.array(ZPlanDimension),
  /** Who may own an action (staff only: the base's staff and the organization's members). */
  owners: z.array(z.object({ id: z.uuid(), name: z.string(), side: z.enum(ACTION_OWNERS) })),
  can: z.object({ manage: z.boolean(), agree: z.boolean(), progress: z.boolean() }),
});
export type PlanView = z.infer<typeof ZPlanView>;

export const ZPlanSaved = z.object({ version: z.number().int(), status: z.enum(PLAN_STATUSES) });
export const ZActionSaved = z.object({ version: z.number().int(), status: z.enum(ACTION_STATUSES) });

interface PlanWords {
  needSource: Record<NeedSource, string>;
  needStatus: Record<NeedStatus, string>;
  planStatus: Record<PlanStatus, string>;
  actionStatus: Record<ActionStatus, string>;
  owner: Record<ActionOwner, string>;
}

export const PLAN_LABELS: Record<Lang, PlanWords> = {
  "zh-CN": {
    needSource: { baseline: "基线评估", interview: "需求访谈", other: "其他" },
    needStatus: { open: "待解决", addressed: "已回应", dropped: "已撤销" },
    planStatus: { draft: "草稿", proposed: "待机构确认", agreed: "已确认" },
    actionStatus: { open: "进行中", done: "已完成", dropped: "已取消" },
    owner: { organization: "机构", base: "基地" },
  },
  en: {
    needSource: { baseline: "Baseline assessment", interview: "Needs interview", other: "Other" },
    needStatus: { open: "Open", addressed: "Addressed", dropped: "Dropped" },
    planStatus: { draft: "draft", proposed: "awaiting the organization's agreement", agreed: "agreed" },
    actionStatus: { open: "Open", done: "Done", dropped: "Dropped" },
    owner: { organization: "Organization", base: "Base" },
  },
};

const category = (lang: Lang, c: ServiceCategory) => SERVICE_CATEGORY_LABELS[lang][c];

/** The growth file's lines of the plan's kinds, in both languages. */
export const planTitles = {
  needRecorded: (title: string, c: ServiceCategory): GrowthTitle => ({
    zhCN: `记录需求（${category("zh-CN", c)}）：${title}`,
    en: `Need recorded (${category("en", c)}): ${title}`,
  }),
  agreed: (revision: number, onBehalf: boolean): GrowthTitle => ({
    zhCN: `孵化计划确认${revision > 1 ? `（第 ${revision} 版）` : ""}${onBehalf ? "（工作人员代为记录）" : ""}`,
    en: `Incubation plan agreed${revision > 1 ? ` (revision ${revision})` : ""}${onBehalf ? " (recorded by staff)" : ""}`,
  }),
  revised: (revision: number): GrowthTitle => ({
    zhCN: `孵化计划重新修订（第 ${revision} 版）`,
    en: `Incubation plan reopened for revision ${revision}`,
  }),
  actionClosed: (title: string, status: ActionStatus): GrowthTitle =>
    status === "dropped"
      ? { zhCN: `取消行动：${title}`, en: `Action dropped: ${title}` }
      : { zhCN: `完成行动：${title}`, en: `Action done: ${title}` },
};

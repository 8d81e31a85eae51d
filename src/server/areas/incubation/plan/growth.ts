/**
 * What the plan writes into the growth file (组织成长档案), declared here so the kinds live with
 * the area that writes them (src/domain/growth.ts).
 */
import type { GrowthTitle } from "../../../../domain/growth";
import type { ActionStatus, ServiceCategory } from "../../../../domain/incubation/plan";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";

declare module "../../../../domain/growth" {
  interface GrowthKinds {
    /** A need recorded from the baseline or the needs interview. */
    "need.recorded": { title: string; category: ServiceCategory };
    /** The plan agreed (by the organization, or recorded by staff on its behalf). */
    "plan.agreed": { revision: number; goals: number; actions: number; onBehalf: boolean };
    /** An agreed plan reopened for revision. */
    "plan.revised": { revision: number };
    /** An action done or dropped. */
    "plan.action_done": { title: string; status: ActionStatus; note: string | null };
  }
}

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

/**
 * Words for the assessments' phases and sides in both languages, shared by the web app and the
 * growth file's lines (written by the server), so a baseline reads the same everywhere.
 */

import type { GrowthTitle } from "../../domain/growth";
import type { AssessmentPhase, AssessmentSide } from "../../domain/incubation/assessment";
import type { Lang } from "../messages";

export const ASSESSMENT_LABELS: Record<
  Lang,
  { phase: Record<AssessmentPhase, string>; side: Record<AssessmentSide, string> }
> = {
  "zh-CN": {
    phase: { baseline: "基线前测", midterm: "中期评估", exit: "出壳评估", followup: "跟踪回访" },
    side: { self: "机构自评", assessor: "基地评估" },
  },
  en: {
    phase: { baseline: "Baseline", midterm: "Midterm", exit: "Exit", followup: "Follow-up" },
    side: { self: "Self-assessment", assessor: "Base assessment" },
  },
};

const zh = ASSESSMENT_LABELS["zh-CN"];
const en = ASSESSMENT_LABELS.en;

/** The growth file's lines of the assessments' kinds. */
export const assessmentTitles = {
  /** "基线前测 · 基地评估提交，总分 62.50". */
  submitted: (phase: AssessmentPhase, side: AssessmentSide, total: number): GrowthTitle => ({
    zhCN: `${zh.phase[phase]} · ${zh.side[side]}提交，总分 ${total.toFixed(2)}`,
    en: `${en.phase[phase]} · ${en.side[side]} submitted, total ${total.toFixed(2)}`,
  }),
  corrected: (phase: AssessmentPhase, side: AssessmentSide, revision: number): GrowthTitle => ({
    zhCN: `${zh.phase[phase]} · ${zh.side[side]}开始更正（第 ${revision} 版）`,
    en: `${en.phase[phase]} · ${en.side[side]} being corrected (revision ${revision})`,
  }),
};

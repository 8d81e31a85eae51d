/**
 * Words for the incubation vocabulary in both languages, shared by the web app, the export and
 * the notices, so a status reads the same everywhere.
 */

import type { Track } from "../../domain/call";
import type { GrowthTitle } from "../../domain/growth";
import type {
  IncubationEvent,
  IncubationOrigin,
  IncubationStatus,
  Residency,
} from "../../domain/incubation/lifecycle";
import type { Lang } from "../messages";
import { RECRUITMENT_LABELS } from "../recruitment/labels";

interface IncubationLabels {
  status: Record<IncubationStatus, string>;
  event: Record<IncubationEvent | "enrol", string>;
  residency: Record<Residency, string>;
  origin: Record<IncubationOrigin, string>;
}

export const INCUBATION_LABELS: Record<Lang, IncubationLabels> = {
  "zh-CN": {
    status: {
      active: "孵化中",
      suspended: "已暂停",
      extended: "已延期",
      in_exit_review: "出壳评估中",
      graduated: "已出壳",
      terminated: "已终止",
    },
    event: {
      enrol: "入孵",
      suspend: "暂停",
      resume: "恢复",
      extend: "延期",
      start_exit_review: "进入出壳评估",
      graduate: "出壳毕业",
      terminate: "终止",
    },
    residency: { resident: "入驻", virtual: "虚拟孵化" },
    origin: { admission: "入壳招募", direct: "直接入孵" },
  },
  en: {
    status: {
      active: "Active",
      suspended: "Suspended",
      extended: "Extended",
      in_exit_review: "In exit review",
      graduated: "Graduated",
      terminated: "Terminated",
    },
    event: {
      enrol: "Enrolled",
      suspend: "Suspend",
      resume: "Resume",
      extend: "Extend",
      start_exit_review: "Start exit review",
      graduate: "Graduate",
      terminate: "Terminate",
    },
    residency: { resident: "Resident", virtual: "Virtual" },
    origin: { admission: "Admission", direct: "Direct enrolment" },
  },
};

/** The growth file's lines for an incubation's start and its status changes (both languages). */
const zh = { ...INCUBATION_LABELS["zh-CN"], track: RECRUITMENT_LABELS["zh-CN"].track };
const en = { ...INCUBATION_LABELS.en, track: RECRUITMENT_LABELS.en.track };

/** "开始孵化 · 2027年第一期 · 组织孵化". */
export function enrolledTitle(cohortName: string, track: Track): GrowthTitle {
  return {
    zhCN: `开始孵化 · ${cohortName} · ${zh.track[track]}`,
    en: `Incubation began · ${cohortName} · ${en.track[track]}`,
  };
}

/** "孵化延期 · 至 2027-08-31", "孵化：出壳毕业". */
export function statusTitle(event: IncubationEvent, plannedEndOn: string): GrowthTitle {
  if (event === "extend") {
    return { zhCN: `孵化延期 · 至 ${plannedEndOn}`, en: `Incubation extended · to ${plannedEndOn}` };
  }
  return { zhCN: `孵化：${zh.event[event]}`, en: `Incubation: ${en.event[event]}` };
}

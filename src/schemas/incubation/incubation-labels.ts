/**
 * Words for the incubation vocabulary in both languages, shared by the web app, the export and
 * the notices, so a status reads the same everywhere.
 */
import type {
  IncubationEvent,
  IncubationOrigin,
  IncubationStatus,
  Residency,
} from "../../domain/incubation/lifecycle";
import type { Lang } from "../messages";

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

/**
 * What progress reports write into the growth file (组织成长档案), declared here so the kind lives
 * with the area that writes it (src/domain/growth.ts).
 */
import type { ReportKind } from "../../../../domain/funding/grant";

declare module "../../../../domain/growth" {
  interface GrowthKinds {
    /** A progress report, mid-term evaluation or final report accepted by the base. */
    "report.accepted": { grantNumber: string; reportKind: ReportKind; periodEnd: string; newPeople: number };
  }
}

const KIND_ZH: Record<ReportKind, string> = {
  periodic: "进展报告",
  midterm: "中期评估报告",
  final: "结项报告",
};
const KIND_EN: Record<ReportKind, string> = {
  periodic: "progress report",
  midterm: "mid-term evaluation report",
  final: "final report",
};

export function reportAcceptedTitle(grantNumber: string, kind: ReportKind, periodEnd: string) {
  return {
    zhCN: `资助 ${grantNumber} 的${KIND_ZH[kind]}（截至 ${periodEnd}）通过审核`,
    en: `The ${KIND_EN[kind]} of grant ${grantNumber} (to ${periodEnd}) was accepted`,
  };
}

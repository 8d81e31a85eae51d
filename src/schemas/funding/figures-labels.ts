/** Words for the money figures in both languages (the page and the .xlsx). */
import type { FundKind, ProjectStatus } from "../../domain/funding/grant";
import type { Lang } from "../messages";

interface FiguresLabels {
  fundKind: Record<FundKind, string>;
  projectStatus: Record<ProjectStatus, string>;
}

export const FUNDING_FIGURES_LABELS: Record<Lang, FiguresLabels> = {
  "zh-CN": {
    fundKind: { seed_fund: "种子基金", project_grant: "项目资助", partner_fund: "联盟伙伴基金" },
    projectStatus: { draft: "草拟", active: "实施中", closed: "已结项", cancelled: "已取消" },
  },
  en: {
    fundKind: { seed_fund: "Seed fund", project_grant: "Project grants", partner_fund: "Partner fund" },
    projectStatus: { draft: "Draft", active: "Running", closed: "Closed", cancelled: "Cancelled" },
  },
};

/**
 * The rubrics (评审指标) a new base starts with, one per track of the "3+1" model. A base edits
 * them into versions of its own; these are the first drafts. Where each criterion comes from is
 * in docs/REVIEW.md ("Default rubrics"): the selection standard of the incubation model this
 * platform follows (broad social need, good prospects, lasting drive, fit with the base's
 * mission; the inspection of the leader, the business model and the finances) and the criteria
 * expert panels commonly use for social-organization and project selection (innovation,
 * feasibility, how widespread the need is, replicability).
 *
 * Every criterion is scored 0-10 by each expert, and the weights of a track add up to 100, so
 * an expert's weighted total reads as points out of 100, as panels are used to.
 */
import type { Track } from "../call";
import type { Criterion } from "./rubric";

export interface Words {
  zhCN: string;
  en: string;
}

/** One band of the scale and what a score in it means, so experts score alike. */
export interface LevelBand {
  min: number;
  max: number;
  meaning: Words;
}

export interface CriterionTemplate extends Criterion {
  name: Words;
  /** What the expert looks at. */
  description: Words;
  levels: readonly LevelBand[];
}

export interface RubricTemplate {
  track: Track;
  criteria: readonly CriterionTemplate[];
}

const SCALE = { min: 0, max: 10 } as const;

/** The four bands every default criterion uses, with the criterion's own words for each. */
function levels(weak: Words, fair: Words, good: Words, strong: Words): LevelBand[] {
  return [
    { min: 0, max: 3, meaning: weak },
    { min: 4, max: 6, meaning: fair },
    { min: 7, max: 8, meaning: good },
    { min: 9, max: 10, meaning: strong },
  ];
}

const socialNeed: CriterionTemplate = {
  key: "social_need",
  weight: 25,
  ...SCALE,
  name: { zhCN: "社会需求", en: "Social need" },
  description: {
    zhCN: "服务对象与需求是否真实、广泛、迫切，是否有调研或数据支撑",
    en: "Whether the need served is real, widespread and pressing, backed by a survey or data",
  },
  levels: levels(
    { zhCN: "需求不明确或缺乏依据", en: "Need unclear or unsupported" },
    { zhCN: "需求存在但范围小或依据不足", en: "Need exists, narrow or thinly supported" },
    { zhCN: "需求明确，有一定调研依据", en: "Clear need with some evidence" },
    { zhCN: "需求广泛迫切，依据充分", en: "Widespread, pressing need, well evidenced" },
  ),
};

const teamCapability: CriterionTemplate = {
  key: "team_capability",
  weight: 20,
  ...SCALE,
  name: { zhCN: "团队能力", en: "Team capability" },
  description: {
    zhCN: "负责人的背景、投入与专业能力，核心团队是否稳定、分工是否清晰",
    en: "The leader's background, commitment and skills; a stable core team with clear roles",
  },
  levels: levels(
    { zhCN: "负责人投入不足，团队不稳定", en: "Leader not committed, team unstable" },
    { zhCN: "有核心成员，能力或投入有明显短板", en: "A core exists, with clear gaps" },
    { zhCN: "负责人专注，团队基本稳定", en: "Committed leader, team mostly stable" },
    { zhCN: "负责人与团队经验丰富、稳定、互补", en: "Experienced, stable, complementary team" },
  ),
};

const governance: CriterionTemplate = {
  key: "governance",
  weight: 15,
  ...SCALE,
  name: { zhCN: "内部治理", en: "Governance" },
  description: {
    zhCN: "章程与决策机制、财务制度与透明度、年检与信用记录",
    en: "Charter and decision-making, financial rules and transparency, annual inspections and record",
  },
  levels: levels(
    { zhCN: "无基本制度或存在不良记录", en: "No basic rules, or an adverse record" },
    { zhCN: "制度初建，执行不稳定", en: "Rules drafted, unevenly applied" },
    { zhCN: "制度健全并能执行", en: "Sound rules, applied" },
    { zhCN: "治理规范透明，可作示范", en: "Exemplary, transparent governance" },
  ),
};

const growthPotential: CriterionTemplate = {
  key: "growth_potential",
  weight: 25,
  ...SCALE,
  name: { zhCN: "发展潜力", en: "Growth potential" },
  description: {
    zhCN: "业务模式与资金来源是否可持续，一年孵化后能否明显成长",
    en: "A sustainable business model and funding; whether a year of incubation can make it grow",
  },
  levels: levels(
    { zhCN: "模式不清，资金难以为继", en: "No clear model, funding unsustainable" },
    { zhCN: "有模式，依赖单一资金来源", en: "A model, relying on one funding source" },
    { zhCN: "模式可行，资金来源较稳定", en: "Workable model, fairly stable funding" },
    { zhCN: "模式清晰可持续，成长空间大", en: "Clear, sustainable model with room to grow" },
  ),
};

const missionFit: CriterionTemplate = {
  key: "mission_fit",
  weight: 15,
  ...SCALE,
  name: { zhCN: "与基地宗旨契合", en: "Fit with the base's mission" },
  description: {
    zhCN: "所在领域与服务地区是否符合基地的孵化方向与本区需要",
    en: "Whether its field and area match the base's incubation aims and the district's needs",
  },
  levels: levels(
    { zhCN: "与基地方向无关", en: "Unrelated to the base's aims" },
    { zhCN: "部分相关", en: "Partly related" },
    { zhCN: "方向一致", en: "In line with the base's aims" },
    { zhCN: "高度契合本区重点需要", en: "Squarely on the district's priorities" },
  ),
};

const innovation: CriterionTemplate = {
  key: "innovation",
  weight: 20,
  ...SCALE,
  name: { zhCN: "创新性", en: "Innovation" },
  description: {
    zhCN: "解决问题的思路、方法或服务方式是否新颖有效",
    en: "Whether the approach, method or way of serving is new and effective",
  },
  levels: levels(
    { zhCN: "常规做法，无新意", en: "Routine, nothing new" },
    { zhCN: "局部改进", en: "A local improvement" },
    { zhCN: "有明显创新", en: "Clearly innovative" },
    { zhCN: "创新突出，具有引领性", en: "Outstanding, sets an example" },
  ),
};

const replicability: CriterionTemplate = {
  key: "replicability",
  weight: 20,
  ...SCALE,
  name: { zhCN: "可复制与产品化", en: "Replicability and productization" },
  description: {
    zhCN: "能否形成标准化的服务产品，在其他社区或镇街推广",
    en: "Whether it can become a standard service product taken to other communities and towns",
  },
  levels: levels(
    { zhCN: "依赖个人，难以复制", en: "Depends on individuals, hard to copy" },
    { zhCN: "有复制可能，尚未成型", en: "Could be copied, not yet shaped" },
    { zhCN: "已形成流程，可在相近地区推广", en: "A defined process, transferable nearby" },
    { zhCN: "产品成熟，已在多地复制", en: "A mature product, already replicated" },
  ),
};

const socialBenefit: CriterionTemplate = {
  key: "social_benefit",
  weight: 25,
  ...SCALE,
  name: { zhCN: "社会效益", en: "Social benefit" },
  description: {
    zhCN: "受益人数与改变程度，目标与成效指标是否明确可测",
    en: "How many benefit and how much changes; clear, measurable targets and indicators",
  },
  levels: levels(
    { zhCN: "效益不明确", en: "Benefit unclear" },
    { zhCN: "有效益，指标笼统", en: "Some benefit, vague indicators" },
    { zhCN: "效益明确，指标可测", en: "Clear benefit, measurable indicators" },
    { zhCN: "效益显著，指标具体且有基线", en: "Marked benefit, specific indicators with a baseline" },
  ),
};

const feasibility: CriterionTemplate = {
  key: "feasibility",
  weight: 20,
  ...SCALE,
  name: { zhCN: "可行性与预算", en: "Feasibility and budget" },
  description: {
    zhCN: "实施计划、进度与风险应对是否可行，预算是否合理、与活动对应",
    en: "A workable plan, schedule and risk handling; a reasonable budget tied to the activities",
  },
  levels: levels(
    { zhCN: "计划或预算缺失", en: "Plan or budget missing" },
    { zhCN: "计划粗略，预算依据不足", en: "Rough plan, budget weakly justified" },
    { zhCN: "计划可行，预算合理", en: "Workable plan, reasonable budget" },
    { zhCN: "计划周密，预算精细透明", en: "Thorough plan, detailed and transparent budget" },
  ),
};

const executionCapacity: CriterionTemplate = {
  key: "execution_capacity",
  weight: 15,
  ...SCALE,
  name: { zhCN: "执行能力", en: "Execution capacity" },
  description: {
    zhCN: "过往项目经验、执行团队与合作资源能否支撑项目落地",
    en: "Past projects, the delivery team and partners able to carry the project through",
  },
  levels: levels(
    { zhCN: "无相关经验", en: "No relevant experience" },
    { zhCN: "经验有限", en: "Limited experience" },
    { zhCN: "有成功经验与合作方", en: "Past successes and partners" },
    { zhCN: "经验丰富，资源充足", en: "Rich experience, ample resources" },
  ),
};

/** Desk residency: the space serves the organization's own work and the base's community. */
const spaceUse: CriterionTemplate = {
  key: "space_use",
  weight: 25,
  ...SCALE,
  name: { zhCN: "入驻使用需求", en: "Need for the space" },
  description: {
    zhCN: "是否确需办公场地，入驻后的使用频率与人员安排",
    en: "Whether it truly needs a desk, how often and by whom it would be used",
  },
  levels: levels(
    { zhCN: "无实际需要", en: "No real need" },
    { zhCN: "偶尔使用", en: "Occasional use" },
    { zhCN: "稳定使用，有专人驻场", en: "Steady use with staff on site" },
    { zhCN: "日常办公必需，安排明确", en: "Essential daily office, clear arrangements" },
  ),
};

const contribution: CriterionTemplate = {
  key: "community_contribution",
  weight: 20,
  ...SCALE,
  name: { zhCN: "对基地与社区的贡献", en: "Contribution to the base and community" },
  description: {
    zhCN: "参与基地活动、与其他组织合作、向社区开放资源的意愿与计划",
    en: "Plans to join the base's activities, work with other organizations and open resources to the community",
  },
  levels: levels(
    { zhCN: "无参与意愿", en: "No wish to take part" },
    { zhCN: "愿意参与，无具体计划", en: "Willing, no concrete plan" },
    { zhCN: "有具体参与计划", en: "A concrete plan to take part" },
    { zhCN: "计划具体，已有合作基础", en: "Concrete plan with existing ties" },
  ),
};

/** Each track's default rubric, weights summing to 100. */
export const DEFAULT_RUBRICS: Readonly<Record<Track, RubricTemplate>> = {
  // 组织孵化: the organization itself is what grows.
  org: { track: "org", criteria: [socialNeed, teamCapability, governance, growthPotential, missionFit] },
  // 项目孵化: the project is what grows.
  project: {
    track: "project",
    criteria: [innovation, replicability, socialBenefit, feasibility, { ...executionCapacity, weight: 15 }],
  },
  // 组织+项目孵化: both, each half-weighted in spirit (the organization's criteria 50, the project's 50).
  combined: {
    track: "combined",
    criteria: [
      { ...socialNeed, weight: 20 },
      { ...teamCapability, weight: 15 },
      { ...governance, weight: 15 },
      { ...innovation, weight: 15 },
      { ...socialBenefit, weight: 20 },
      { ...feasibility, weight: 15 },
    ],
  },
  // 空间入驻 (the "+1"): a desk for an organization that needs one and gives back.
  space: {
    track: "space",
    criteria: [
      spaceUse,
      { ...socialNeed, weight: 20 },
      { ...teamCapability, weight: 15 },
      { ...governance, weight: 20 },
      contribution,
    ],
  },
};

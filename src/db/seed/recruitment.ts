/**
 * Demo recruitment calls: one open now (all four "3+1" tracks, realistic document lists and extra
 * questions, closing in six days so the staff home lists it as closing soon, with a second
 * revision to show the history), one upcoming, and one closed earlier this year. Times relative
 * to `now`, anchored in Asia/Shanghai.
 */
import type { CallRules, CallTrack, DocumentRequirement, Question } from "../../domain/call";
import type { Db } from "../client";
import { callRevisions, calls } from "../schema";

const DAY = 24 * 3600 * 1000;
const TITLES = [
  "2026年度社会组织孵化招募（第二批）",
  "社区公益项目与空间入驻专项招募",
  "2026年度社会组织孵化招募（第一批）",
] as const;
const UPCOMING_DESCRIPTION =
  "面向已在本区开展服务一年以上、拥有品牌项目的社会组织，以及急需办公场地的社会组织。项目孵化方向重点支持“五好社区”建设相关项目。";
const CLOSED_DESCRIPTION = "2026年度第一批孵化招募，已结束。入选名单已在基地公众号公布。";

/** `days` from now, at hh:00 Shanghai time (UTC+8, no daylight saving), as ISO UTC. */
function shanghaiAt(now: Date, days: number, hour: number): string {
  const local = new Date(now.getTime() + 8 * 3600 * 1000 + days * DAY);
  local.setUTCHours(hour, 0, 0, 0);
  return new Date(local.getTime() - 8 * 3600 * 1000).toISOString();
}

const doc = (key: string, label: string, required: boolean, description: string | null = null) =>
  ({ key, label, required, description }) satisfies DocumentRequirement;

const CERTIFICATE = doc("certificate", "登记证书（副本）扫描件", true, "民政部门颁发的社会组织登记证书");
const FINANCE = doc("finance", "上年度财务报表", true, "资产负债表、业务活动表，加盖单位公章");
const LEADER_CV = doc("leader_cv", "负责人简历", true, "含公益服务经历与联系方式");
const TEAM = doc("team", "团队介绍", true, "核心成员分工、专兼职情况");

const TRACKS: CallTrack[] = [
  {
    track: "org",
    quota: 8,
    maxApplications: null,
    eligibility: {
      minMonthsFounded: 6,
      maxMonthsFounded: 36,
      allowUnregistered: false,
      note: "须在本区登记或备案并开展服务",
    },
    documents: [
      CERTIFICATE,
      FINANCE,
      doc("charter", "组织章程", true),
      LEADER_CV,
      doc("work_report", "上年度工作报告", false, "如有，请一并上传"),
    ],
  },
  {
    track: "project",
    quota: 5,
    maxApplications: null,
    eligibility: {
      minMonthsFounded: 12,
      maxMonthsFounded: null,
      allowUnregistered: false,
      note: "申报项目须已在本区实施满一个周期",
    },
    documents: [
      CERTIFICATE,
      FINANCE,
      doc("project_plan", "项目计划书", true, "含需求分析、服务内容、预期成效、复制推广设想"),
      doc("budget", "项目预算表", true, "单个项目资助金额最高 30 万元"),
      doc("evaluation", "以往项目评估报告或成效材料", false),
    ],
  },
  {
    track: "combined",
    quota: 6,
    maxApplications: null,
    eligibility: {
      minMonthsFounded: null,
      maxMonthsFounded: null,
      allowUnregistered: true,
      note: "未登记团队须有 3 名以上稳定成员",
    },
    documents: [
      doc("project_idea", "项目设想书", true, "说明拟参与的基地“十大工程”方向"),
      TEAM,
      LEADER_CV,
      doc("certificate_optional", "登记证书（如已登记）", false),
    ],
  },
  {
    track: "space",
    quota: 10,
    maxApplications: 30,
    eligibility: {
      minMonthsFounded: null,
      maxMonthsFounded: null,
      allowUnregistered: true,
      note: "入驻后每周在基地办公不少于 3 天",
    },
    documents: [
      doc("space_plan", "入驻使用计划", true, "工位数量、使用时段与拟开展的活动"),
      TEAM,
      doc("certificate_optional", "登记证书（如已登记）", false),
    ],
  },
];

const QUESTIONS: Question[] = [
  {
    key: "motivation",
    label: "申请动机与期望获得的支持",
    type: "long_text",
    required: true,
    options: [],
    help: "说明机构当前面临的主要困难与希望基地提供的帮助",
    tracks: null,
    maxLength: 300,
  },
  {
    key: "annual_beneficiaries",
    label: "上一年度服务人次",
    type: "number",
    required: true,
    options: [],
    help: null,
    tracks: ["org", "project"],
  },
  {
    key: "five_good",
    label: "主要服务的“五好社区”方向",
    type: "multiple_choice",
    required: true,
    options: ["文化", "运动", "健康", "创新", "友好"],
    help: null,
    tracks: null,
  },
  {
    key: "desks",
    label: "需要的工位数",
    type: "single_choice",
    required: true,
    options: ["1 个", "2 个", "3 个及以上"],
    help: null,
    tracks: ["space"],
  },
];

export async function seedRecruitment(tx: Db, baseId: string, now: Date): Promise<void> {
  const open: CallRules = {
    tracks: TRACKS,
    questions: QUESTIONS,
    opensAt: shanghaiAt(now, -10, 9),
    closesAt: shanghaiAt(now, 6, 17),
  };
  // Revision 1 as first published: the project track did not yet ask for a budget.
  const firstRevision: CallRules = {
    ...open,
    tracks: TRACKS.map((t) =>
      t.track === "project" ? { ...t, documents: t.documents.filter((d) => d.key !== "budget") } : t,
    ),
  };
  const openDescription = [
    "为培育发展本区社会组织、提升社会组织参与基层治理和承接公共服务的能力，昌平区社会组织孵化基地现面向全区开展2026年度第二批孵化招募。",
    "本次招募采用“3+1”孵化模式：组织孵化、项目孵化、组织+项目孵化，以及空间入驻。每家机构限选一个方向申请。",
    "入选机构将获得为期一年的孵化服务，包括资讯、咨询、资本、资源“4Z”服务，能力建设培训，导师陪伴，以及项目孵化方向最高30万元的项目资助。",
    "咨询电话：010-69741234（工作日 9:00-17:00）。",
  ].join("\n\n");
  const [openCall] = await tx
    .insert(calls)
    .values({
      baseId,
      title: TITLES[0],
      description: openDescription,
      status: "published",
      rules: open,
      opensAt: new Date(open.opensAt),
      closesAt: new Date(open.closesAt),
      revision: 2,
      publishedAt: new Date(open.opensAt),
      version: 3,
    })
    .returning({ id: calls.id });

  const upcomingRules: CallRules = {
    tracks: TRACKS.filter((t) => t.track === "project" || t.track === "space"),
    questions: QUESTIONS.filter((q) => q.key !== "annual_beneficiaries"),
    opensAt: shanghaiAt(now, 35, 9),
    closesAt: shanghaiAt(now, 65, 17),
  };
  const [upcoming] = await tx
    .insert(calls)
    .values({
      baseId,
      title: TITLES[1],
      description: UPCOMING_DESCRIPTION,
      status: "published",
      rules: upcomingRules,
      opensAt: new Date(upcomingRules.opensAt),
      closesAt: new Date(upcomingRules.closesAt),
      revision: 1,
      publishedAt: new Date(now.getTime() - 2 * DAY),
      version: 2,
    })
    .returning({ id: calls.id });

  const closedRules: CallRules = {
    tracks: TRACKS,
    questions: QUESTIONS.slice(0, 3),
    opensAt: shanghaiAt(now, -130, 9),
    closesAt: shanghaiAt(now, -95, 17),
  };
  const [closed] = await tx
    .insert(calls)
    .values({
      baseId,
      title: TITLES[2],
      description: CLOSED_DESCRIPTION,
      status: "closed",
      rules: closedRules,
      opensAt: new Date(closedRules.opensAt),
      closesAt: new Date(closedRules.closesAt),
      revision: 1,
      publishedAt: new Date(closedRules.opensAt),
      closedAt: new Date(closedRules.closesAt),
      version: 3,
    })
    .returning({ id: calls.id });

  if (!openCall || !upcoming || !closed) throw new Error("seed: call insert returned nothing");
  const ids = [openCall.id, upcoming.id, closed.id];
  const descriptions = [openDescription, UPCOMING_DESCRIPTION, CLOSED_DESCRIPTION];
  // Each revision keeps the title, description and rules as they were published then.
  const revision = (callId: string, n: number, rules: CallRules, at: string, note: string | null) => ({
    baseId,
    callId,
    revision: n,
    title: TITLES[ids.indexOf(callId)] ?? "",
    description: descriptions[ids.indexOf(callId)] ?? "",
    rules,
    note,
    createdAt: new Date(at),
  });
  await tx
    .insert(callRevisions)
    .values([
      revision(openCall.id, 1, firstRevision, open.opensAt, null),
      revision(
        openCall.id,
        2,
        open,
        shanghaiAt(now, -3, 10),
        "项目孵化方向增加必交材料“项目预算表”，便于评审核定资助金额。",
      ),
      revision(upcoming.id, 1, upcomingRules, new Date(now.getTime() - 2 * DAY).toISOString(), null),
      revision(closed.id, 1, closedRules, closedRules.opensAt, null),
    ]);
}

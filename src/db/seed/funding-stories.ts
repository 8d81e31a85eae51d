/**
 * The demo's five funded projects as data (src/db/seed/funding.ts writes them): dates relative to
 * the seed's day, amounts in integer fen whose budget lines and tranches add up to each grant.
 */
import type { projectIndicators, projects } from "../schema";
import { addDays, addMonths, type GrantStory, type Person } from "./funding-grant-writer";

type FundRef = { id: string; kind: "seed_fund" | "project_grant" | "partner_fund"; partnerId: string | null };
type IncubationRef = { id: string; organizationId: string } | null;

interface Input {
  today: string;
  year: number;
  staff: Person;
  staff2: Person;
  member: Person;
  funds: { seed?: FundRef; grants?: FundRef; partner?: FundRef };
  incubations: Record<"canteen" | "neighbour" | "youth" | "member" | "combined", IncubationRef>;
  programmes: string[];
}

export interface ProjectStory {
  project: Omit<typeof projects.$inferInsert, "baseId">;
  indicators: Omit<typeof projectIndicators.$inferInsert, "baseId" | "projectId">[];
  grants: (indicatorIds: string[]) => Omit<GrantStory, "project">[];
  replication: { town: string; community: string; year: number; fundedBy: string; note?: string }[];
}

const yuan = (n: number) => n * 100;

export function fundingStories(x: Input): ProjectStory[] {
  const { today, staff, staff2 } = x;
  const stories: ProjectStory[] = [];
  const q = (start: string, n: number) => addMonths(start, 3 * n);
  const v = (ids: string[], values: string[]) =>
    Object.fromEntries(ids.map((id, i) => [id, values[i] as string]));

  // 1. 社区助老食堂: a year of quarterly reports, mid-term passed, second tranche prepared.
  const canteen = x.incubations.canteen;
  if (canteen && x.funds.grants) {
    const start = addDays(today, -372);
    const fund = x.funds.grants;
    stories.push({
      project: {
        incubationId: canteen.id,
        organizationId: canteen.organizationId,
        title: "社区助老食堂与独居老人探访",
        need: "回龙观地区独居、高龄老人就餐难，子女不在身边，缺少日常照应。",
        beneficiaries: "辖区60岁以上独居、高龄老人",
        targetPeople: 300,
        sites: [
          { town: "回龙观街道", community: "龙禧社区" },
          { town: "回龙观街道", community: "风雅园社区" },
        ],
        fields: ["health", "friendliness"],
        goal: "独居老人吃得上热饭、有人常来看",
        outcomes: ["老人营养与孤独感改善", "社区形成志愿探访队伍"],
        outputs: ["助餐点2个稳定运营", "探访志愿者50名"],
        activities: ["工作日助餐", "每周入户探访", "健康讲座"],
        status: "active",
      },
      indicators: [
        {
          level: "output",
          name: "开展助老活动场次",
          unit: "场",
          baselineValue: "0",
          targetValue: "48",
          method: "活动签到表",
          frequency: "quarterly",
        },
        {
          level: "outcome",
          name: "服务独居老人人数",
          unit: "人",
          baselineValue: "0",
          targetValue: "300",
          method: "服务台账（按身份证去重）",
          frequency: "quarterly",
        },
        {
          level: "outcome",
          name: "老人满意度",
          unit: "%",
          baselineValue: "70",
          targetValue: "90",
          method: "季度抽样问卷",
          frequency: "quarterly",
        },
      ],
      grants: (ids) => [
        {
          number: `ZZ-${x.year - 1}-003`,
          fund,
          amountFen: yuan(200_000),
          startsOn: start,
          endsOn: addDays(addMonths(start, 24), -1),
          status: "active",
          preparedBy: staff,
          history: [
            { event: "approve", on: addDays(start, -20), by: staff2 },
            { event: "sign", on: addDays(start, -10), by: staff },
            { event: "activate", on: addDays(start, 5), by: staff2 },
          ],
          lines: [
            { category: "personnel", description: "项目社工劳务", amountFen: yuan(60_000) },
            { category: "activities", description: "助餐与探访活动", amountFen: yuan(80_000) },
            { category: "materials", description: "餐具、保温箱等物资", amountFen: yuan(30_000) },
            { category: "publicity", description: "宣传折页与展板", amountFen: yuan(10_000) },
            { category: "admin", description: "项目管理费", amountFen: yuan(20_000) },
          ],
          tranches: [
            {
              amountFen: yuan(100_000),
              condition: "agreement_signed",
              status: "paid",
              plannedOn: addDays(start, 5),
              preparedOn: addDays(start, 2),
              paidOn: addDays(start, 5),
            },
            {
              amountFen: yuan(60_000),
              condition: "midterm_approved",
              status: "prepared",
              plannedOn: addDays(today, 3),
              preparedOn: addDays(today, -1),
            },
            {
              amountFen: yuan(40_000),
              condition: "final_report_accepted",
              status: "pending",
              plannedOn: addMonths(start, 24),
            },
          ],
          milestones: [
            {
              title: "两个助餐点开始运营",
              dueOn: addMonths(start, 2),
              metOn: addDays(addMonths(start, 2), -6),
            },
            {
              title: "探访志愿者队伍达到50人",
              dueOn: addMonths(start, 12),
              metOn: addDays(addMonths(start, 12), -15),
            },
          ],
          reports: [
            {
              kind: "periodic",
              periodStart: start,
              periodEnd: addDays(q(start, 1), -1),
              dueOn: addDays(q(start, 1), 9),
              status: "accepted",
              newPeople: 80,
              narrative: "两个助餐点开业，首季度日均供餐60份。",
              values: v(ids, ["10", "80", "82"]),
            },
            {
              kind: "periodic",
              periodStart: q(start, 1),
              periodEnd: addDays(q(start, 2), -1),
              dueOn: addDays(q(start, 2), 9),
              status: "accepted",
              newPeople: 70,
              narrative: "探访队伍扩充到32人，新增风雅园社区。",
              values: v(ids, ["22", "150", "86"]),
            },
            {
              kind: "periodic",
              periodStart: q(start, 2),
              periodEnd: addDays(q(start, 3), -1),
              dueOn: addDays(q(start, 3), 9),
              status: "accepted",
              newPeople: 60,
              narrative: "夏季送餐改为上午，增加防暑物资。",
              problems: "志愿者暑期流失。",
              values: v(ids, ["35", "210", "89"]),
            },
            {
              kind: "midterm",
              periodStart: start,
              periodEnd: addDays(q(start, 4), -1),
              dueOn: addDays(q(start, 4), 9),
              status: "accepted",
              newPeople: 50,
              narrative: "中期评估：产出指标基本达成，满意度超过目标。",
              reviewNote: "中期评估通过，同意拨付第二期。",
              values: v(ids, ["47", "260", "92"]),
            },
            {
              kind: "periodic",
              periodStart: q(start, 4),
              periodEnd: addDays(q(start, 5), -1),
              dueOn: addDays(q(start, 5), 9),
              status: "due",
            },
          ],
          expenses: [
            {
              line: 0,
              spentOn: addDays(start, 30),
              amountFen: yuan(15_000),
              description: "第一季度社工劳务",
              payee: "项目社工",
              status: "verified",
            },
            {
              line: 1,
              spentOn: addDays(start, 12),
              amountFen: yuan(12_650.5),
              description: "助餐点开业活动及首月餐费补贴",
              payee: "龙禧社区食堂",
              status: "verified",
            },
            {
              line: 2,
              spentOn: addDays(start, 8),
              amountFen: yuan(8_420),
              description: "保温餐箱40个、餐具",
              payee: "北京惠民厨具有限公司",
              status: "verified",
            },
            {
              line: 3,
              spentOn: addDays(start, 15),
              amountFen: yuan(3_200),
              description: "宣传折页印刷2000份",
              payee: "昌平印务",
              status: "verified",
            },
            {
              line: 0,
              spentOn: addDays(q(start, 2), -5),
              amountFen: yuan(15_000),
              description: "第二季度社工劳务",
              payee: "项目社工",
              status: "verified",
            },
            {
              line: 1,
              spentOn: addDays(q(start, 2), -20),
              amountFen: yuan(16_880),
              description: "第二季度餐费补贴",
              payee: "龙禧社区食堂",
              status: "verified",
            },
            {
              line: 0,
              spentOn: addDays(q(start, 3), -5),
              amountFen: yuan(15_000),
              description: "第三季度社工劳务",
              payee: "项目社工",
              status: "verified",
            },
            {
              line: 1,
              spentOn: addDays(q(start, 3), -18),
              amountFen: yuan(5_000),
              description: "志愿者防暑与交通补贴",
              payee: "志愿者（32人）",
              status: "verified",
            },
            {
              line: 4,
              spentOn: addDays(q(start, 4), -10),
              amountFen: yuan(6_000),
              description: "项目管理费（第一年）",
              payee: "本机构",
              status: "verified",
            },
            {
              line: 1,
              spentOn: addDays(today, -20),
              amountFen: yuan(4_360),
              description: "重阳节助老活动",
              payee: "风雅园社区居委会",
              status: "submitted",
            },
          ],
          submittedBy: null,
        },
      ],
      replication: [],
    });
  }

  // 2. 邻里守望: closed with its final report; the model taken up in three communities.
  const neighbour = x.incubations.neighbour;
  if (neighbour && x.funds.seed) {
    const start = addMonths(today, -15);
    const end = addDays(addMonths(today, -3), -1);
    stories.push({
      project: {
        incubationId: neighbour.id,
        organizationId: neighbour.organizationId,
        title: "邻里守望互助小组",
        need: "新建小区邻里陌生，独居与困难家庭遇事无人搭把手。",
        beneficiaries: "小区居民，重点是独居老人与困难家庭",
        targetPeople: 500,
        sites: [{ town: "天通苑北街道", community: "佳运园社区" }],
        fields: ["friendliness", "culture"],
        goal: "楼门里有熟人、有事有人帮",
        outcomes: ["形成稳定的楼门互助小组"],
        outputs: ["互助小组12个", "邻里节2次"],
        activities: ["楼门议事", "邻里节", "互助结对"],
        status: "closed",
      },
      indicators: [
        {
          level: "output",
          name: "建成楼门互助小组",
          unit: "个",
          baselineValue: "0",
          targetValue: "12",
          method: "小组名册",
          frequency: "half_yearly",
        },
        {
          level: "outcome",
          name: "参与居民人数",
          unit: "人",
          baselineValue: "0",
          targetValue: "500",
          method: "活动台账（去重）",
          frequency: "half_yearly",
        },
      ],
      grants: (ids) => [
        {
          number: `ZZ-${x.year - 1}-001`,
          fund: x.funds.seed as FundRef,
          amountFen: yuan(100_000),
          startsOn: start,
          endsOn: end,
          status: "closed",
          preparedBy: staff2,
          history: [
            { event: "approve", on: addDays(start, -14), by: staff },
            { event: "sign", on: addDays(start, -7), by: staff2 },
            { event: "activate", on: addDays(start, 3), by: staff },
            { event: "close", on: addDays(end, 25), by: staff, reason: "结项报告通过，项目按期完成。" },
          ],
          lines: [
            { category: "activities", description: "邻里节与楼门议事", amountFen: yuan(55_000) },
            { category: "materials", description: "活动物资", amountFen: yuan(25_000) },
            { category: "training", description: "骨干培训", amountFen: yuan(15_000) },
            { category: "admin", description: "项目管理费", amountFen: yuan(5_000) },
          ],
          tranches: [
            {
              amountFen: yuan(60_000),
              condition: "agreement_signed",
              status: "paid",
              plannedOn: addDays(start, 3),
              preparedOn: addDays(start, 1),
              paidOn: addDays(start, 3),
            },
            {
              amountFen: yuan(40_000),
              condition: "midterm_approved",
              status: "paid",
              plannedOn: addMonths(start, 7),
              preparedOn: addMonths(start, 7),
              paidOn: addDays(addMonths(start, 7), 2),
            },
          ],
          milestones: [
            { title: "首届邻里节", dueOn: addMonths(start, 4), metOn: addDays(addMonths(start, 4), -3) },
          ],
          reports: [
            {
              kind: "midterm",
              periodStart: start,
              periodEnd: addDays(addMonths(start, 6), -1),
              dueOn: addDays(addMonths(start, 6), 9),
              status: "accepted",
              newPeople: 280,
              narrative: "建成7个楼门小组，首届邻里节参与居民近300人。",
              values: v(ids, ["7", "280"]),
            },
            {
              kind: "final",
              periodStart: addMonths(start, 6),
              periodEnd: end,
              dueOn: addDays(end, 20),
              status: "accepted",
              newPeople: 260,
              narrative: "共建成13个楼门小组，模式被三个社区引入。",
              reviewNote: "结项通过。",
              values: v(ids, ["13", "540"]),
            },
          ],
          expenses: [
            {
              line: 0,
              spentOn: addMonths(start, 4),
              amountFen: yuan(30_000),
              description: "首届邻里节",
              payee: "佳运园社区居委会",
              status: "verified",
            },
            {
              line: 1,
              spentOn: addMonths(start, 1),
              amountFen: yuan(24_500),
              description: "议事桌椅与宣传物料",
              payee: "北京美家家具",
              status: "verified",
            },
            {
              line: 2,
              spentOn: addMonths(start, 2),
              amountFen: yuan(15_000),
              description: "楼门长骨干培训（3期）",
              payee: "昌平社工事务所",
              status: "verified",
            },
            {
              line: 0,
              spentOn: addMonths(start, 10),
              amountFen: yuan(24_000),
              description: "第二届邻里节",
              payee: "佳运园社区居委会",
              status: "verified",
            },
            {
              line: 3,
              spentOn: addDays(end, -5),
              amountFen: yuan(5_000),
              description: "项目管理费",
              payee: "本机构",
              status: "verified",
            },
          ],
          submittedBy: null,
        },
      ],
      replication: [
        { town: "天通苑北街道", community: "天通北苑第一社区", year: x.year, fundedBy: "社区公益金" },
        { town: "霍营街道", community: "蓝天园社区", year: x.year, fundedBy: "街道购买服务" },
        {
          town: "回龙观街道",
          community: "新龙城社区",
          year: x.year,
          fundedBy: "北京京北公益基金会",
          note: "作为服务产品整体引入",
        },
      ],
    });
  }

  // 3. 青少年课后成长营: the mid-term failed; suspended with money to recover.
  const youth = x.incubations.youth;
  if (youth && x.funds.grants) {
    const start = addMonths(today, -8);
    stories.push({
      project: {
        incubationId: youth.id,
        organizationId: youth.organizationId,
        title: "青少年课后成长营",
        need: "双职工家庭的小学生放学后无人看护。",
        beneficiaries: "社区6-12岁小学生",
        targetPeople: 120,
        sites: [{ town: "沙河镇", community: "保利罗兰香谷社区" }],
        fields: ["culture", "sport"],
        goal: "孩子放学后有安全、有益的去处",
        outcomes: ["家长接送压力减轻"],
        outputs: ["课后托管班2个"],
        activities: ["课后托管", "周末实践"],
        status: "active",
      },
      indicators: [
        {
          level: "output",
          name: "课后托管服务天数",
          unit: "天",
          baselineValue: "0",
          targetValue: "180",
          method: "考勤表",
          frequency: "quarterly",
        },
        {
          level: "outcome",
          name: "参与儿童人数",
          unit: "人",
          baselineValue: "0",
          targetValue: "120",
          method: "报名表",
          frequency: "quarterly",
        },
      ],
      grants: (ids) => [
        {
          number: `ZZ-${x.year}-002`,
          fund: x.funds.grants as FundRef,
          amountFen: yuan(150_000),
          startsOn: start,
          endsOn: addDays(addMonths(start, 12), -1),
          status: "suspended",
          owedFen: yuan(30_000),
          preparedBy: staff,
          history: [
            { event: "approve", on: addDays(start, -12), by: staff2 },
            { event: "sign", on: addDays(start, -5), by: staff },
            { event: "activate", on: addDays(start, 4), by: staff2 },
            {
              event: "suspend",
              on: addDays(addMonths(start, 6), 20),
              by: staff,
              reason: "中期评估未通过：场地不落实，服务中断两个月；已拨未用的3万元待追回。",
            },
          ],
          lines: [
            { category: "personnel", description: "托管老师劳务", amountFen: yuan(90_000) },
            { category: "activities", description: "周末实践", amountFen: yuan(40_000) },
            { category: "materials", description: "学习用品", amountFen: yuan(20_000) },
          ],
          tranches: [
            {
              amountFen: yuan(90_000),
              condition: "agreement_signed",
              status: "paid",
              plannedOn: addDays(start, 4),
              preparedOn: addDays(start, 1),
              paidOn: addDays(start, 4),
            },
            {
              amountFen: yuan(60_000),
              condition: "midterm_approved",
              status: "stopped",
              plannedOn: addMonths(start, 7),
              stoppedReason: "中期评估未通过",
            },
          ],
          milestones: [{ title: "落实固定托管场地", dueOn: addMonths(start, 2), missed: true }],
          reports: [
            {
              kind: "periodic",
              periodStart: start,
              periodEnd: addDays(addMonths(start, 3), -1),
              dueOn: addDays(addMonths(start, 3), 9),
              status: "accepted",
              newPeople: 35,
              values: v(ids, ["40", "35"]),
            },
            {
              kind: "midterm",
              periodStart: start,
              periodEnd: addDays(addMonths(start, 6), -1),
              dueOn: addDays(addMonths(start, 6), 9),
              status: "failed",
              newPeople: 5,
              narrative: "租用场地到期，服务中断。",
              problems: "场地、师资均未落实。",
              reviewNote: "中期评估不通过：服务天数仅达目标三成，停止后续拨付。",
              values: v(ids, ["55", "40"]),
            },
          ],
          expenses: [
            {
              line: 0,
              spentOn: addMonths(start, 1),
              amountFen: yuan(30_000),
              description: "托管老师劳务（首两月）",
              payee: "托管老师（3人）",
              status: "verified",
            },
            {
              line: 1,
              spentOn: addMonths(start, 2),
              amountFen: yuan(18_000),
              description: "周末科学实践",
              payee: "昌平科技馆",
              status: "verified",
            },
            {
              line: 2,
              spentOn: addDays(start, 10),
              amountFen: yuan(12_000),
              description: "学习用品与图书",
              payee: "新华书店昌平店",
              status: "verified",
            },
          ],
          submittedBy: null,
        },
      ],
      replication: [],
    });
  }

  // 4. The member's organization: the foundation's grant, first report due in days, one item queried.
  const member = x.incubations.member;
  if (member && x.funds.partner) {
    const start = addDays(today, -42);
    stories.push({
      project: {
        incubationId: member.id,
        organizationId: member.organizationId,
        title: "长者数字生活课堂",
        need: "老人不会用手机挂号、缴费、视频通话，被数字生活挡在门外。",
        beneficiaries: "社区60岁以上老人",
        targetPeople: 150,
        sites: [{ town: "城北街道", community: "西关社区" }],
        fields: ["innovation", "friendliness"],
        flagshipProgrammeId: x.programmes[0] ?? null,
        goal: "老人能自己用手机办成日常事",
        outcomes: ["老人独立完成挂号、缴费等操作"],
        outputs: ["课堂24节", "志愿者手机门诊"],
        activities: ["手机课堂", "一对一手机门诊"],
        status: "active",
      },
      indicators: [
        {
          level: "output",
          name: "开设课堂节数",
          unit: "节",
          baselineValue: "0",
          targetValue: "24",
          method: "课堂签到",
          frequency: "quarterly",
        },
        {
          level: "outcome",
          name: "能独立挂号的老人",
          unit: "人",
          baselineValue: "0",
          targetValue: "100",
          method: "结业操作测试",
          frequency: "quarterly",
        },
      ],
      grants: () => [
        {
          number: `ZZ-${x.year}-005`,
          fund: x.funds.partner as FundRef,
          amountFen: yuan(80_000),
          startsOn: start,
          endsOn: addDays(addMonths(start, 12), -1),
          status: "active",
          preparedBy: staff,
          history: [
            { event: "approve", on: addDays(start, -9), by: staff2 },
            { event: "sign", on: addDays(start, -6), by: staff },
            { event: "activate", on: addDays(start, 2), by: staff2 },
          ],
          lines: [
            { category: "personnel", description: "讲师课酬", amountFen: yuan(36_000) },
            { category: "materials", description: "教学手机与讲义", amountFen: yuan(24_000) },
            { category: "activities", description: "手机门诊", amountFen: yuan(20_000) },
          ],
          tranches: [
            {
              amountFen: yuan(48_000),
              condition: "agreement_signed",
              status: "paid",
              plannedOn: addDays(start, 2),
              preparedOn: start,
              paidOn: addDays(start, 2),
            },
            {
              amountFen: yuan(32_000),
              condition: "midterm_approved",
              status: "pending",
              plannedOn: addMonths(start, 7),
            },
          ],
          milestones: [{ title: "完成首期12节课", dueOn: addMonths(start, 3) }],
          reports: [
            {
              kind: "periodic",
              periodStart: start,
              periodEnd: addDays(today, -1),
              dueOn: addDays(today, 4),
              status: "due",
            },
            {
              kind: "midterm",
              periodStart: start,
              periodEnd: addDays(addMonths(start, 6), -1),
              dueOn: addDays(addMonths(start, 6), 9),
              status: "due",
            },
          ],
          expenses: [
            {
              line: 1,
              spentOn: addDays(start, 5),
              amountFen: yuan(9_960),
              description: "教学用手机6台",
              payee: "京东",
              status: "verified",
            },
            {
              line: 0,
              spentOn: addDays(start, 30),
              amountFen: yuan(4_800),
              description: "第1-8节讲师课酬",
              payee: "讲师（2人）",
              status: "verified",
            },
            {
              line: 1,
              spentOn: addDays(start, 12),
              amountFen: yuan(1_850),
              description: "讲义印刷",
              payee: "昌平印务",
              status: "queried",
              queryNote: "发票抬头与机构名称不一致，请补开发票或说明。",
            },
          ],
          submittedBy: x.member,
        },
      ],
      replication: [],
    });
  }

  // 5. A combined-track project of this year's cohort: the grant waits for staff2's approval.
  const combined = x.incubations.combined;
  if (combined && x.funds.grants) {
    const start = addDays(today, 20);
    stories.push({
      project: {
        incubationId: combined.id,
        organizationId: combined.organizationId,
        title: "楼门文化客厅",
        need: "老旧小区缺少居民交流空间，公共事务无人牵头。",
        beneficiaries: "小区居民",
        targetPeople: 400,
        sites: [{ town: "城南街道", community: "昌盛园社区" }],
        fields: ["culture", "friendliness"],
        flagshipProgrammeId: x.programmes[2] ?? null,
        goal: "楼门有客厅，邻里有交流",
        outcomes: ["居民参与公共事务"],
        outputs: ["文化客厅4个"],
        activities: ["客厅布置", "主题沙龙"],
        status: "draft",
      },
      indicators: [
        {
          level: "output",
          name: "建成楼门文化客厅",
          unit: "个",
          baselineValue: "0",
          targetValue: "4",
          method: "验收记录",
          frequency: "half_yearly",
        },
      ],
      grants: () => [
        {
          number: `ZZ-${x.year}-006`,
          fund: x.funds.grants as FundRef,
          amountFen: yuan(120_000),
          startsOn: start,
          endsOn: addDays(addMonths(start, 12), -1),
          status: "proposed",
          proposedOn: addDays(today, -1),
          preparedBy: staff,
          history: [],
          lines: [
            { category: "materials", description: "客厅布置", amountFen: yuan(60_000) },
            { category: "activities", description: "主题沙龙", amountFen: yuan(48_000) },
            { category: "admin", description: "项目管理费", amountFen: yuan(12_000) },
          ],
          tranches: [
            { amountFen: yuan(72_000), condition: "agreement_signed", status: "pending", plannedOn: start },
            {
              amountFen: yuan(48_000),
              condition: "midterm_approved",
              status: "pending",
              plannedOn: addMonths(start, 7),
            },
          ],
          milestones: [],
          reports: [],
          expenses: [],
          submittedBy: null,
        },
      ],
      replication: [],
    });
  }
  return stories;
}

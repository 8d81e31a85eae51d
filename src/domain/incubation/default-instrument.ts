/**
 * The instrument a base starts with: 社会组织能力评估（孵化版）, for young organizations incubated
 * in a Chinese district. Scale 1-4 as the McKinsey Capacity Assessment Grid and USAID's
 * Organizational Capacity Assessment use it: 1 = a clear need for capacity, 2 = basic capacity,
 * 3 = moderate capacity, 4 = a high level of capacity. Eight dimensions, weights adding up to 100.
 *
 * Where each dimension comes from (docs/INSTRUMENT.md has the detail): the Ministry of Civil
 * Affairs' social organization evaluation (《社会组织评估管理办法》: 基础条件, 内部治理, 工作绩效,
 * 社会评价; many localities add 党的建设), the McKinsey grid (Venture Philanthropy Partners, 2001),
 * USAID's OCA and TCC Group's Core Capacity Assessment Tool (leadership, adaptive, management and
 * technical capacity). A base changes it by publishing a new version; this one stays version 1.
 */
import type { Words } from "../review/default-rubrics";
import type { InstrumentContent, InstrumentDimension, InstrumentIndicator } from "./instrument";

export const DEFAULT_INSTRUMENT_NAME = "社会组织能力评估（孵化版）";
export const DEFAULT_INSTRUMENT_DESCRIPTION =
  "平台默认的组织能力考核评价体系：参照民政部社会组织评估（基础条件、内部治理、工作绩效、社会评价，及各地增设的党的建设）、麦肯锡能力评估表格、USAID 组织能力评估（OCA）与 TCC 核心能力评估工具，针对入壳孵化的初创社会组织编写。1–4 级：1 = 明显需要提升，4 = 能力较强。";

type Pair = readonly [zhCN: string, en: string];
const w = ([zhCN, en]: Pair): Words => ({ zhCN, en });

function indicator(
  key: string,
  weight: number,
  name: Pair,
  description: Pair,
  evidence: Pair,
  levels: readonly [Pair, Pair, Pair, Pair],
): InstrumentIndicator {
  return {
    key,
    name: w(name),
    description: w(description),
    weight,
    evidence: w(evidence),
    levels: levels.map((l, i) => ({ score: i + 1, description: w(l) })),
  };
}

function dimension(
  key: string,
  weight: number,
  name: Pair,
  description: Pair,
  indicators: InstrumentIndicator[],
): InstrumentDimension {
  return { key, name: w(name), description: w(description), weight, indicators };
}

const DIMENSIONS: InstrumentDimension[] = [
  dimension(
    "party_building",
    10,
    ["党建引领", "Party building"],
    [
      "党的组织和工作覆盖，党建与业务的结合（各地社会组织评估增设的“党的建设”维度）。",
      "Coverage by Party organization and work, and how it joins the organization's work (the dimension many localities add to the civil-affairs evaluation).",
    ],
    [
      indicator(
        "party_organization",
        1,
        ["党组织覆盖", "Party organization coverage"],
        [
          "按规定建立党组织或由联合党组织、党建指导员覆盖，党员情况清楚。",
          "A Party organization is set up as required, or the organization is covered by a joint Party branch or a Party-building instructor; its members who are Party members are known.",
        ],
        [
          "党组织成立批复或联合党组织覆盖证明、党员名册、章程中的党建条款。",
          "Approval of the Party branch or proof of joint-branch coverage, the list of Party members, the Party-building clause of the charter.",
        ],
        [
          [
            "尚未建立党组织，也未被联合党组织或党建指导员覆盖；章程无党建条款。",
            "No Party organization and no coverage by a joint branch or instructor; the charter has no Party-building clause.",
          ],
          [
            "已被联合党组织或党建指导员覆盖，章程写入党建条款，但党员情况不清。",
            "Covered by a joint branch or an instructor and the charter has the clause, but who the Party members are is unclear.",
          ],
          [
            "按规定建立或被覆盖党组织，党员信息完整，组织关系已理顺。",
            "A Party organization is set up or coverage is in place as required; members' records are complete and their affiliations settled.",
          ],
          [
            "党组织健全，负责人与党组织负责人沟通顺畅，党组织参与重大事项讨论。",
            "A full Party organization; the leadership and its secretary work closely and it takes part in discussing major decisions.",
          ],
        ],
      ),
      indicator(
        "party_activities",
        1,
        ["党建活动与业务融合", "Party activities joined with the work"],
        [
          "按计划开展组织生活，并把党建与服务项目、志愿服务结合起来。",
          "Regular Party activities as planned, joined with the organization's services and volunteering.",
        ],
        [
          "年度党建计划、活动记录和照片、党建+服务项目材料。",
          "The year's Party-building plan, activity records and photos, materials of services joined with Party building.",
        ],
        [
          ["没有开展党建活动，也没有计划。", "No Party activities and no plan."],
          [
            "偶尔参加上级或联合党组织的活动，本组织没有计划。",
            "Takes part now and then in a higher or joint branch's activities; no plan of its own.",
          ],
          ["有年度计划并按计划开展组织生活，记录完整。", "A yearly plan followed, with complete records."],
          [
            "党建与业务深度融合，形成党员志愿服务等品牌活动，获得上级认可。",
            "Party building is part of the work, e.g. a recognised Party-member volunteer service, commended by the higher level.",
          ],
        ],
      ),
    ],
  ),
  dimension(
    "governance",
    15,
    ["治理结构与合规", "Governance and legal structure"],
    [
      "依法登记与章程、理事会（或决策机构）运作、监事与民主决策、依法合规（民政部评估的“内部治理”，USAID OCA 的治理与法律结构，麦肯锡的组织结构）。",
      "Registration and charter, how the board (or decision body) works, supervision and democratic decisions, legal compliance (the MCA's internal governance, USAID OCA's governance and legal structure, McKinsey's organizational structure).",
    ],
    [
      indicator(
        "registration_charter",
        1,
        ["登记与章程", "Registration and charter"],
        [
          "依法登记（或在街道备案），按时年检/年报，章程与实际运作一致。",
          "Registered (or filed with the sub-district) as the law requires, annual inspection or report on time, the charter matches how it actually works.",
        ],
        [
          "登记证书或备案证明、章程、近年年检结论或年报回执。",
          "Registration certificate or filing record, charter, recent annual inspection results or annual report receipts.",
        ],
        [
          [
            "尚未登记或备案，或年检/年报未按时完成。",
            "Not registered or filed, or the annual inspection or report was not done on time.",
          ],
          [
            "已登记，章程为范本照抄，与实际运作有出入。",
            "Registered; the charter is a copied template that differs from practice.",
          ],
          [
            "登记、年报按时完成，章程依实际修订并向登记机关核准。",
            "Registration and reports are on time; the charter was revised to match practice and approved.",
          ],
          [
            "登记事项变更及时、年检合格，章程执行情况定期自查。",
            "Changes are filed promptly, inspections pass, and the charter's application is checked regularly.",
          ],
        ],
      ),
      indicator(
        "board",
        2,
        ["理事会与民主决策", "Board and democratic decisions"],
        [
          "理事会（或决策机构）按章程组成并定期开会，重大事项集体决策，监事（会）发挥作用。",
          "The board (or decision body) is formed as the charter says and meets regularly; major decisions are collective; the supervisor or supervisory board does its work.",
        ],
        [
          "理事会、监事会名单，近一年会议纪要和决议，换届材料。",
          "Lists of the board and supervisors, the minutes and resolutions of the past year, election records.",
        ],
        [
          [
            "理事会有名无实，决策由负责人一人做出，没有会议记录。",
            "The board exists on paper; the leader decides alone; no minutes.",
          ],
          [
            "偶尔开会，会议记录不全，监事不参与。",
            "Meets now and then, incomplete minutes, the supervisor takes no part.",
          ],
          [
            "按章程定期开会，重大事项集体决策并有纪要，按期换届。",
            "Meets as the charter requires, major decisions are collective and minuted, elections on time.",
          ],
          [
            "理事会成员结构多元、分工明确，积极参与战略与筹资，监事会独立监督。",
            "A diverse board with clear roles that engages in strategy and fundraising; an independent supervisory board.",
          ],
        ],
      ),
      indicator(
        "policies_compliance",
        1,
        ["制度与合规", "Policies and compliance"],
        [
          "人事、财务、项目、印章、档案、信息公开等基本制度齐全并执行，无违法违规记录。",
          "Basic policies (staff, finance, projects, seals, records, disclosure) exist and are followed; no breaches of law or regulation.",
        ],
        [
          "制度汇编、印章使用登记、档案目录、是否有行政处罚或失信记录。",
          "The policy handbook, the seal log, the records index, any administrative penalty or bad-credit record.",
        ],
        [
          [
            "基本没有书面制度，或有违法违规记录未整改。",
            "Almost no written policies, or a breach of law or regulation not put right.",
          ],
          ["有部分制度，多为照抄，执行随意。", "Some policies, mostly copied, followed loosely."],
          ["基本制度齐全并执行，有相应记录。", "The basic policies are complete and followed, with records."],
          [
            "制度定期修订，内部检查与风险防控常态化。",
            "Policies are revised regularly; internal checks and risk control are routine.",
          ],
        ],
      ),
    ],
  ),
  dimension(
    "strategy",
    10,
    ["使命与战略", "Aspirations and strategy"],
    [
      "使命、愿景与目标是否清楚并为团队认同，是否有与之相符的发展规划（麦肯锡能力评估表格的“愿景”与“战略”）。",
      "Whether the mission, vision and goals are clear and shared, and whether a development plan follows from them (the McKinsey grid's aspirations and strategy).",
    ],
    [
      indicator(
        "mission",
        1,
        ["使命与定位", "Mission and focus"],
        [
          "使命、愿景清晰，服务对象和领域明确，与所在社区的需求相符。",
          "A clear mission and vision, well-defined beneficiaries and field, matching the needs of the community it serves.",
        ],
        [
          "使命愿景陈述、服务对象需求调研、对团队成员的访谈。",
          "The mission and vision statement, the needs assessment of its beneficiaries, interviews with the team.",
        ],
        [
          [
            "没有成文的使命，或什么都做，服务对象不明确。",
            "No written mission, or does a bit of everything without a clear group it serves.",
          ],
          [
            "有使命陈述，但较空泛，团队说法不一。",
            "A mission statement exists but is vague; the team describes it differently.",
          ],
          [
            "使命清楚具体，团队能一致表述，工作围绕它开展。",
            "A clear, specific mission the team states alike; the work follows it.",
          ],
          [
            "使命基于需求调研，定期检视，并用它取舍项目和资源。",
            "The mission rests on needs research, is reviewed regularly and used to choose projects and funding.",
          ],
        ],
      ),
      indicator(
        "strategic_plan",
        1,
        ["发展规划", "Development plan"],
        [
          "有 1–3 年发展规划和年度工作计划，目标可衡量，并按计划检查进度。",
          "A one-to-three-year development plan and a yearly work plan with measurable goals, and progress checked against them.",
        ],
        ["发展规划、年度计划与年度总结。", "The development plan, the yearly plan and the year-end report."],
        [
          ["没有规划，工作随项目和资金走。", "No plan; the work follows whatever project or money comes."],
          ["有年度计划，但目标笼统，很少对照检查。", "A yearly plan with vague goals, rarely checked."],
          [
            "有发展规划和年度计划，目标可衡量，年终对照总结。",
            "A development plan and a yearly plan with measurable goals, reviewed at year end.",
          ],
          [
            "规划由理事会和团队共同制定，定期评估调整，预判政策和需求变化。",
            "The plan is made by the board and team together, reviewed and adjusted, and anticipates changes in policy and need.",
          ],
        ],
      ),
    ],
  ),
  dimension(
    "people",
    15,
    ["团队与人力资源", "Team and human resources"],
    [
      "负责人的领导力、专职团队的稳定与专业、志愿者管理（麦肯锡的人力资源，USAID OCA 的人力资源系统，TCC 的领导能力）。",
      "The leader's leadership, a stable and skilled staff, volunteer management (McKinsey's human resources, USAID OCA's human resource systems, TCC's leadership capacity).",
    ],
    [
      indicator(
        "leadership",
        2,
        ["负责人领导力", "Leadership"],
        [
          "负责人投入时间、行业经验、带领团队和对外联络的能力，是否培养了骨干、不依赖一人。",
          "The leader's time, experience in the field, ability to lead the team and to represent the organization; whether others are being developed so it does not rest on one person.",
        ],
        [
          "负责人履历与投入情况、骨干名单、对团队的访谈。",
          "The leader's background and time given, the list of key staff, interviews with the team.",
        ],
        [
          [
            "负责人兼职且投入很少，组织的一切依赖其个人。",
            "The leader is part-time with little time to give; everything depends on them.",
          ],
          [
            "负责人投入较多，但管理经验不足，没有骨干分担。",
            "The leader gives time but lacks management experience; no one shares the load.",
          ],
          [
            "负责人全职投入、有相关经验，已有 1–2 名骨干承担管理职责。",
            "A full-time leader with relevant experience; one or two key staff share management.",
          ],
          [
            "负责人在领域内有影响力，形成分工明确的管理团队，有接班安排。",
            "A leader with standing in the field, a management team with clear roles, and a succession plan.",
          ],
        ],
      ),
      indicator(
        "staff",
        2,
        ["专职团队与制度", "Staff and HR practice"],
        [
          "专职人员数量与结构、劳动合同和社保、岗位职责、培训与激励，人员流动情况。",
          "Number and mix of staff, employment contracts and social insurance, job descriptions, training and incentives, turnover.",
        ],
        [
          "人员花名册、劳动合同与社保缴纳记录、岗位说明书、培训记录。",
          "The staff roster, contracts and social insurance records, job descriptions, training records.",
        ],
        [
          [
            "没有专职人员，或专职人员无合同无社保。",
            "No paid staff, or staff without contracts or social insurance.",
          ],
          [
            "有 1–2 名专职人员，签订合同，但职责不清，流动频繁。",
            "One or two staff with contracts, but unclear duties and frequent turnover.",
          ],
          [
            "专职团队稳定，合同社保规范，岗位职责清楚，每年有培训。",
            "A stable staff with proper contracts and insurance, clear duties and yearly training.",
          ],
          [
            "有薪酬与考核制度和职业发展通道，团队专业能力得到行业认可。",
            "Pay and appraisal policies and career paths; the team's skills are recognised in the field.",
          ],
        ],
      ),
      indicator(
        "volunteers",
        1,
        ["志愿者管理", "Volunteer management"],
        [
          "志愿者的招募、培训、记录、保障与激励（如在志愿服务信息系统登记时长）。",
          "Recruiting, training, recording, protecting and recognising volunteers (e.g. recording hours on the volunteer service system).",
        ],
        [
          "志愿者名册、服务时长记录、培训与保险材料。",
          "The volunteer register, service-hour records, training and insurance documents.",
        ],
        [
          ["没有志愿者或没有任何记录。", "No volunteers, or no records of them."],
          [
            "有志愿者参与，但招募和记录随意。",
            "Volunteers take part, but recruiting and records are casual.",
          ],
          [
            "有志愿者管理办法，服务时长登记、培训和保险到位。",
            "A volunteer policy, hours recorded, training and insurance in place.",
          ],
          [
            "形成稳定的志愿者骨干队伍，有激励和成长体系。",
            "A stable core of volunteers with recognition and development.",
          ],
        ],
      ),
    ],
  ),
  dimension(
    "finance",
    15,
    ["财务管理与内控", "Financial management and internal control"],
    [
      "会计核算、预算、内部控制与票据、审计（USAID OCA 的财务管理与内部控制，民政部评估的“基础条件”中的财务）。",
      "Accounting, budgets, internal control and receipts, audits (USAID OCA's financial management and internal control; the finances within the MCA's basic conditions).",
    ],
    [
      indicator(
        "accounting",
        2,
        ["会计核算", "Accounting"],
        [
          "按《民间非营利组织会计制度》建账核算，专职或委托代理记账，账目清楚。",
          "Books kept under the Accounting System for Non-Profit Organizations, by a bookkeeper or an agent; clear accounts.",
        ],
        [
          "会计账簿、财务报表、代理记账合同、银行账户开设情况。",
          "Account books, financial statements, the bookkeeping agent's contract, the bank account.",
        ],
        [
          [
            "没有独立账户或账簿，收支混在个人账户。",
            "No own account or books; money passes through personal accounts.",
          ],
          [
            "有独立账户和流水记录，但未按非营利组织会计制度核算。",
            "Its own account and a ledger, but not kept under the non-profit accounting rules.",
          ],
          [
            "按制度建账，按月出具报表，会计与出纳分设。",
            "Books kept by the rules, monthly statements, separate accountant and cashier.",
          ],
          [
            "财务报表经审计，财务分析用于管理决策。",
            "Audited statements; financial analysis informs decisions.",
          ],
        ],
      ),
      indicator(
        "budget_control",
        2,
        ["预算与内部控制", "Budget and internal control"],
        [
          "年度预算和项目预算、支出审批、票据合规、项目资金专款专用。",
          "Yearly and project budgets, approval of spending, proper receipts, project money kept for its purpose.",
        ],
        [
          "预算、报销审批单、票据抽查、项目资金使用明细。",
          "Budgets, approval forms for expenses, a sample of receipts, the use of project funds.",
        ],
        [
          ["没有预算，支出无审批，票据不全。", "No budget, no approval of spending, missing receipts."],
          [
            "有项目预算，审批流程不严格，偶有不合规票据。",
            "Project budgets exist, approvals are loose, some receipts are irregular.",
          ],
          [
            "有年度和项目预算，支出分级审批，票据合规，资金专款专用。",
            "Yearly and project budgets, tiered approval, proper receipts, funds used as intended.",
          ],
          [
            "预算执行定期分析，内控制度经外部审计检验，无问题。",
            "Budget execution is analysed regularly; internal control passes an external audit without findings.",
          ],
        ],
      ),
      indicator(
        "financial_health",
        1,
        ["财务状况", "Financial health"],
        [
          "收入来源、净资产与运营资金能否维持正常运转。",
          "Whether income, net assets and working capital keep the organization running.",
        ],
        [
          "近一年资产负债表与业务活动表、现金流情况。",
          "The past year's balance sheet, statement of activities and cash flow.",
        ],
        [
          [
            "资金难以维持 1 个月运转，存在拖欠。",
            "Money lasts less than a month; bills or wages are overdue.",
          ],
          [
            "能维持运转，但依赖单一项目资金，结余很少。",
            "It runs, but on one project's money with little to spare.",
          ],
          ["收支平衡，有 3 个月左右的运营储备。", "Balanced accounts and about three months of reserves."],
          [
            "收入结构健康，有 6 个月以上运营储备。",
            "A healthy mix of income and six months or more of reserves.",
          ],
        ],
      ),
    ],
  ),
  dimension(
    "programmes",
    15,
    ["项目管理与成效", "Programme management and performance"],
    [
      "项目的设计、执行与监测评估，以及服务的数量和质量（USAID OCA 的项目管理与项目绩效管理，民政部评估的“工作绩效”）。",
      "How projects are designed, run, monitored and evaluated, and how much and how well it serves (USAID OCA's program management and project performance management; the MCA's work performance).",
    ],
    [
      indicator(
        "design",
        1,
        ["项目设计", "Project design"],
        [
          "项目基于需求评估，有清晰的目标、逻辑框架（或改变理论）、活动计划和预算。",
          "Projects rest on a needs assessment with clear goals, a logical framework (or theory of change), an activity plan and a budget.",
        ],
        ["项目书、需求调研材料、逻辑框架。", "Project proposals, needs research, the logical framework."],
        [
          ["没有成文的项目设计，活动想到就做。", "No written design; activities happen as ideas come."],
          [
            "有项目书，但目标与活动之间的逻辑不清。",
            "A proposal exists, but the link from activities to goals is unclear.",
          ],
          [
            "项目书完整，目标具体可衡量，活动与预算对应。",
            "A complete proposal with specific, measurable goals; activities match the budget.",
          ],
          [
            "项目设计有调研依据和改变理论，并根据评估结果迭代。",
            "Design backed by research and a theory of change, revised with evaluation findings.",
          ],
        ],
      ),
      indicator(
        "delivery",
        2,
        ["执行与监测", "Delivery and monitoring"],
        [
          "按计划执行，过程记录完整，有监测指标和定期报告，能按时结项。",
          "Delivers on plan with complete records, monitoring indicators and regular reports, closes projects on time.",
        ],
        [
          "活动记录、签到表、照片、中期和结项报告、资助方反馈。",
          "Activity records, sign-in sheets, photos, interim and final reports, the funder's feedback.",
        ],
        [
          ["项目常延期或未完成，记录缺失。", "Projects are often late or unfinished; records are missing."],
          [
            "能完成项目，记录零散，没有监测指标。",
            "Projects are finished, records are scattered, no monitoring indicators.",
          ],
          [
            "按计划执行并按时结项，过程记录和报告完整。",
            "Delivered on plan and closed on time with complete records and reports.",
          ],
          [
            "有监测评估体系，数据及时用于调整项目，资助方评价优良。",
            "A monitoring and evaluation system whose data adjusts the work; funders rate it highly.",
          ],
        ],
      ),
      indicator(
        "outcomes",
        2,
        ["服务成效", "Results"],
        [
          "服务人次与覆盖、服务对象的改变，是否有证据说明成效。",
          "People served and reach, the change in beneficiaries, and evidence of the results.",
        ],
        [
          "服务数据统计、前后测或案例、第三方评估报告。",
          "Service statistics, before-and-after measures or case stories, third-party evaluations.",
        ],
        [
          ["说不清服务了多少人、带来什么改变。", "Cannot say how many it served or what changed."],
          ["有服务人次统计，但没有成效证据。", "Counts of people served, but no evidence of results."],
          [
            "有服务数据和前后对比或典型案例，能说明成效。",
            "Service data with before-and-after comparisons or case stories that show results.",
          ],
          [
            "成效经第三方评估证实，形成可复制的服务模式。",
            "Results confirmed by a third party; a service model others can replicate.",
          ],
        ],
      ),
    ],
  ),
  dimension(
    "sustainability",
    10,
    ["资源动员与可持续", "Resource mobilization and sustainability"],
    [
      "资金来源的多元化、筹款与政府购买服务能力、合作网络（USAID OCA 的组织管理与可持续性，麦肯锡的组织技能：筹资、伙伴关系）。",
      "A varied funding base, the ability to raise funds and win government service contracts, partnerships (USAID OCA's organizational management and sustainability; McKinsey's organizational skills: fundraising, partnerships).",
    ],
    [
      indicator(
        "funding",
        2,
        ["资金来源与筹资", "Funding and fundraising"],
        [
          "政府购买服务、基金会资助、公众募捐、服务收费等来源的数量和占比，筹资计划。",
          "The number and share of sources (government contracts, foundation grants, public giving, fees for services) and a fundraising plan.",
        ],
        ["收入明细、资助合同、筹资计划。", "A breakdown of income, grant contracts, the fundraising plan."],
        [
          [
            "几乎没有资金，或全部来自负责人个人。",
            "Almost no money, or all of it from the leader personally.",
          ],
          [
            "依赖单一来源（如一个政府购买项目），占比超过八成。",
            "One source (e.g. one government contract) gives over 80% of income.",
          ],
          [
            "有两到三类来源，有年度筹资计划。",
            "Two or three kinds of sources and a yearly fundraising plan.",
          ],
          [
            "来源多元且稳定，有筹资专人和持续的捐赠人或合作方。",
            "Many stable sources, someone responsible for fundraising, and lasting donors or partners.",
          ],
        ],
      ),
      indicator(
        "partnerships",
        1,
        ["合作网络", "Partnerships"],
        [
          "与街道社区、政府部门、企业、基金会和同行的合作关系。",
          "Working relations with the sub-district and communities, government departments, companies, foundations and peers.",
        ],
        [
          "合作协议、联合项目、参加的行业网络。",
          "Partnership agreements, joint projects, networks it belongs to.",
        ],
        [
          ["基本没有外部合作。", "Almost no outside partners."],
          ["与一两个社区或部门有零星合作。", "Occasional work with one or two communities or departments."],
          [
            "与社区、部门和同行有稳定合作，参与行业网络。",
            "Steady work with communities, departments and peers; part of a network.",
          ],
          [
            "成为区域内的枢纽或重要伙伴，能带动其他组织。",
            "A hub or key partner in the district that brings other organizations along.",
          ],
        ],
      ),
    ],
  ),
  dimension(
    "credibility",
    10,
    ["社会影响与公信力", "Social impact and credibility"],
    [
      "服务对象满意度、信息公开与透明、社会认可与传播（民政部评估的“社会评价”）。",
      "Beneficiary satisfaction, disclosure and transparency, public recognition and communication (the MCA's social evaluation).",
    ],
    [
      indicator(
        "satisfaction",
        2,
        ["服务对象满意度", "Beneficiary satisfaction"],
        [
          "定期收集服务对象和合作方的意见，满意度情况，以及对投诉的处理。",
          "Feedback from beneficiaries and partners collected regularly, their satisfaction, and how complaints are handled.",
        ],
        [
          "满意度调查、意见反馈记录、投诉处理记录，可现场回访。",
          "Satisfaction surveys, feedback and complaint records; a follow-up visit is possible.",
        ],
        [
          ["从不收集反馈，或有未处理的投诉。", "Never collects feedback, or has unresolved complaints."],
          [
            "偶尔收集反馈，没有整理和回应。",
            "Collects feedback now and then without analysing or answering it.",
          ],
          [
            "定期开展满意度调查，结果良好，投诉有记录并处理。",
            "Regular satisfaction surveys with good results; complaints recorded and handled.",
          ],
          [
            "满意度高且用反馈改进服务，服务对象参与组织的决策。",
            "High satisfaction, feedback improves the services, beneficiaries take part in decisions.",
          ],
        ],
      ),
      indicator(
        "transparency",
        1,
        ["信息公开与传播", "Transparency and communication"],
        [
          "按规定公开年报、项目和财务信息；通过公众号等渠道传播，获得媒体报道或荣誉。",
          "Annual report, project and financial information disclosed as required; communicates through its own channels; media coverage or awards.",
        ],
        [
          "年报公开情况、公众号或网站、媒体报道、获奖证书。",
          "Disclosure of the annual report, its official account or website, press coverage, awards.",
        ],
        [
          ["没有公开任何信息，也没有对外传播渠道。", "Discloses nothing and has no channel to the public."],
          [
            "只公开年报，公众号偶尔更新。",
            "Only the annual report is public; its account is updated rarely.",
          ],
          [
            "年报、项目和财务信息按规定公开，传播渠道定期更新。",
            "Annual report, project and financial information disclosed as required; channels kept up to date.",
          ],
          [
            "主动公开、透明度高，获得区级以上媒体报道或荣誉，在社区有良好口碑。",
            "Discloses more than required, is highly transparent, has district-level or higher coverage or awards, and a good name in the community.",
          ],
        ],
      ),
    ],
  ),
];

/** The default instrument's content (version 1 of every base's instrument). */
export const DEFAULT_INSTRUMENT: InstrumentContent = {
  scale: { min: 1, max: 4 },
  dimensions: DIMENSIONS,
};

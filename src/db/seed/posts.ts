/**
 * The demo base's information (资讯): a dozen posts over the last three months — a district policy
 * on purchasing services from social organizations, a funding opportunity of 北京京北公益基金会,
 * purchase announcements, training notices — one targeted at the cohort 2026年第一期 that the
 * `member` account's organization has read, one scheduled for the day after tomorrow, one draft.
 * Bodies are written as the editor would write them (sanitized HTML); the bell went out for the
 * published ones (`notified_at`), so the server does not send them again.
 */
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import { cohorts, incubations, organizations, postReads, postRecipients, posts, users } from "../schema";

interface Person {
  id: string;
  name: string;
}

type Seed = Omit<typeof posts.$inferInsert, "baseId" | "bodyText"> & { daysAgo: number | null };

const DAY = 24 * 3600 * 1000;

export async function seedPosts(tx: Db, baseId: string, staff: Person, now: Date): Promise<void> {
  const at = (daysAgo: number, hour = 10) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0);
    return d;
  };
  const day = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * DAY).toISOString().slice(0, 10);
  const [cohort] = await tx
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.baseId, baseId), eq(cohorts.name, "2026年第一期")));

  const seeds: Seed[] = [
    {
      daysAgo: 88,
      kind: "policy",
      visibility: "public",
      title: "关于进一步推进政府购买社会组织服务工作的实施意见",
      summary:
        "区民政局、区财政局联合发布：明确购买服务目录、承接主体条件和绩效评价要求，孵化基地出壳组织同等条件下优先。",
      source: "区民政局 区财政局",
      link: "https://www.mca.gov.cn/",
      bodyHtml:
        "<h2>一、总体要求</h2><p>坚持“政府主导、社会参与、公开择优、注重绩效”，逐步扩大向社会组织购买服务的范围和规模。</p>" +
        "<h2>二、购买内容</h2><ul><li>养老、助残、儿童关爱等基本公共服务；</li><li>社区治理、矛盾调解、志愿服务组织等社会管理性服务；</li><li>行业调查、评估、培训等技术性服务。</li></ul>" +
        "<h2>三、承接主体</h2><p>依法登记成立、内部治理结构健全、具有独立承担民事责任能力的社会组织。<strong>经孵化基地孵化并通过出壳评估的社会组织，同等条件下优先承接。</strong></p>" +
        "<h2>四、绩效管理</h2><p>购买主体应会同财政部门建立以服务对象满意度为主要指标的绩效评价机制，评价结果向社会公开。</p>",
    },
    {
      daysAgo: 71,
      kind: "policy",
      visibility: "public",
      title: "慈善组织公开募捐管理办法要点解读",
      summary: "哪些组织可以公开募捐、如何备案募捐方案、募得款物如何管理使用。",
      source: "孵化基地政策研究组",
      bodyHtml:
        "<p>本文梳理《慈善组织公开募捐管理办法》的主要规定，供基地社会组织参考。</p>" +
        "<h2>公开募捐资格</h2><p>依法登记满一年、内部治理结构健全、运作规范的慈善组织，可以向民政部门申请公开募捐资格。</p>" +
        "<h2>募捐方案备案</h2><ol><li>在开展公开募捐活动十日前备案募捐方案；</li><li>方案应载明募捐目的、起止时间和地域、活动负责人、募得款物用途等；</li><li>通过互联网募捐的，应在民政部门指定的平台发布信息。</li></ol>" +
        "<blockquote><p>未取得公开募捐资格的组织，可以与具有资格的慈善组织合作开展公开募捐。</p></blockquote>",
    },
    {
      daysAgo: 58,
      kind: "purchase",
      visibility: "public",
      title: "区残联2027年度助残服务项目政府购买服务公告",
      summary: "采购社区康复、残疾人就业辅导、家庭支持等 6 个服务包，欢迎符合条件的社会组织报名。",
      source: "区残疾人联合会",
      deadlineOn: day(-40),
      bodyHtml:
        "<p>根据年度预算安排，区残联拟通过政府购买服务方式采购以下项目：</p>" +
        "<ul><li>社区康复服务包（3 个街道）</li><li>残疾人就业辅导服务包</li><li>困难残疾人家庭支持服务包</li></ul>" +
        "<p>报名截止后将组织专家评审，评审结果在区残联网站公示。</p>",
    },
    {
      daysAgo: 44,
      kind: "policy",
      visibility: "public",
      title: "《社会组织登记管理条例》修订要点：未登记团队如何规范发展",
      summary: "新条例对社区社会组织备案、登记条件作了调整，孵化基地提供注册辅导。",
      source: "孵化基地",
      bodyHtml:
        "<p>新修订的条例进一步明确了社区社会组织的备案管理，为尚未登记的社区团队提供了规范发展的路径。</p>" +
        "<h2>对基地组织的影响</h2><ul><li>未登记团队可先在街道备案，再按条件申请登记；</li><li>登记时的注册资金、场所等条件有所放宽；</li><li>年度报告改为网上报送。</li></ul>" +
        "<p>需要注册辅导的组织，可在平台上向基地提出“注册辅导”服务需求。</p>",
    },
    {
      daysAgo: 30,
      kind: "notice",
      visibility: "public",
      title: "孵化基地冬季开放时间调整的通知",
      summary: "自 12 月起，基地公共空间开放时间调整为工作日 9:00—17:30。",
      source: "孵化基地",
      bodyHtml:
        "<p>各入驻组织、来访单位：</p><p>自 12 月 1 日起，基地公共空间开放时间调整为<strong>工作日 9:00—17:30</strong>，周末及法定节假日闭馆。会议室预约请提前一个工作日在平台提交。</p>",
    },
    {
      daysAgo: 19,
      kind: "funding",
      visibility: "members",
      title: "区“五好社区”公益创投大赛报名启动",
      summary: "面向文化、运动、健康、创新、友好五个领域的社区服务项目，单个项目资助 3 万至 10 万元。",
      source: "区委社会工委",
      deadlineOn: day(26),
      targetFields: ["culture", "sport", "health", "innovation", "friendliness"],
      bodyHtml:
        "<p>为推动“五好社区”建设，区委社会工委联合孵化基地举办第三届公益创投大赛。</p>" +
        "<h2>资助方向</h2><ul><li>文化好：社区文化活动与邻里节；</li><li>运动好：全民健身与青少年体育；</li><li>健康好：慢病管理、心理支持；</li><li>创新好：社区微更新、数字助老；</li><li>友好：儿童友好、老年友好社区。</li></ul>" +
        "<p>入围项目将获得导师一对一辅导。</p>",
    },
    {
      daysAgo: 14,
      kind: "notice",
      visibility: "members",
      title: "关于报送 2026 年度社会组织年报材料的提醒",
      summary: "请各组织于月底前通过民政系统报送年报，基地可提供填报辅导。",
      source: "孵化基地",
      bodyHtml:
        "<p>各社会组织：</p><p>2026 年度年报报送已开始，请于月底前完成。材料包括：<strong>年度工作报告、财务会计报告、审计报告</strong>（按规定需要审计的）。填报有困难的，可在平台预约财务咨询。</p>",
    },
    {
      daysAgo: 9,
      kind: "funding",
      visibility: "public",
      title: "北京京北公益基金会 2026 年度“社区养老”小额资助项目申报通知",
      summary:
        "资助社区居家养老、助餐助浴、老年人精神关爱类项目，单项 2 万至 5 万元，孵化基地组织可联合申报。",
      source: "北京京北公益基金会",
      link: "https://www.example.org/jingbei/2026-elderly",
      deadlineOn: day(21),
      bodyHtml:
        "<h2>资助范围</h2><ul><li>社区居家养老服务：助餐、助浴、助洁；</li><li>高龄独居老人探访与精神关爱；</li><li>老年人数字技能培训。</li></ul>" +
        "<h2>申报条件</h2><p>在本区开展服务的社会组织（含备案的社区社会组织），近两年无不良记录。<strong>孵化基地在孵组织可由基地推荐，优先进入评审。</strong></p>" +
        "<h2>申报方式</h2><ol><li>下载并填写项目申报书；</li><li>通过平台“资金机会”栏目或基金会邮箱提交；</li><li>基金会将在截止后 20 个工作日内公布结果。</li></ol>",
    },
    {
      daysAgo: 7,
      kind: "notice",
      visibility: "members",
      title: "虚拟孵化组织线上答疑会安排",
      summary: "本周四下午线上答疑：孵化服务怎么用、如何提出服务需求。",
      source: "孵化基地",
      targetResidencies: ["virtual"],
      bodyHtml:
        "<p>为方便未入驻的虚拟孵化组织使用基地服务，本周四 14:30 举行线上答疑会，会议链接将在开始前一小时通过站内通知发送。</p>",
    },
    {
      daysAgo: 5,
      kind: "purchase",
      visibility: "public",
      title: "城北街道 2027 年度社区居家养老服务项目政府购买服务公告",
      summary: "采购 4 个社区的居家养老上门服务，预算 48 万元，欢迎具备养老服务经验的社会组织参与。",
      source: "城北街道办事处",
      deadlineOn: day(14),
      bodyHtml:
        "<h2>项目概况</h2><p>服务对象为辖区 4 个社区的高龄、失能、独居老人，服务内容包括上门探访、生活照料、健康监测等。</p>" +
        "<h2>承接主体要求</h2><ul><li>依法登记的社会组织；</li><li>具有两年以上养老服务经验；</li><li>配备持证护理人员不少于 3 名。</li></ul>" +
        "<p>报名材料请于截止日前送至街道社区建设办公室。</p>",
    },
    ...(cohort
      ? [
          {
            daysAgo: 3,
            kind: "notice" as const,
            visibility: "members" as const,
            title: "关于 2026 年第一期孵化组织参加财务管理专题培训的通知",
            summary: "请第一期各孵化组织派财务负责人参加，下周三上午在基地 201 会议室。",
            source: "孵化基地",
            targetCohortIds: [cohort.id],
            bodyHtml:
              "<p>2026 年第一期各孵化组织：</p>" +
              "<p>根据基线评估中“财务管理”维度的普遍短板，基地将于<strong>下周三 9:30—12:00</strong>在 201 会议室举办财务管理专题培训。</p>" +
              "<h2>培训内容</h2><ol><li>社会组织会计制度与票据管理；</li><li>项目资金的预算与核算；</li><li>年度审计准备。</li></ol>" +
              "<p>请各组织派<strong>财务负责人</strong>参加，阅读本通知后即视为已收到。</p>",
          },
        ]
      : []),
    {
      daysAgo: -2,
      kind: "notice",
      visibility: "public",
      title: "2026 年度优秀孵化组织评选结果公示预告",
      summary: "评选结果将于近日在门户公示，公示期 7 天。",
      source: "孵化基地",
      bodyHtml: "<p>2026 年度优秀孵化组织评选已完成专家评审，结果将在门户公示，公示期 7 天。</p>",
    },
    {
      daysAgo: null,
      kind: "notice",
      visibility: "public",
      title: "2027 年度孵化招募预告（草稿）",
      summary: "",
      source: "孵化基地",
      bodyHtml: "<p>2027 年度孵化招募计划于明年 3 月启动，四个孵化方向……</p>",
    },
  ];

  const rows = await tx
    .insert(posts)
    .values(
      seeds.map(({ daysAgo, ...s }) => {
        const publishedAt = daysAgo === null ? null : at(daysAgo);
        return {
          ...s,
          baseId,
          bodyText: textOf(s.bodyHtml ?? ""),
          status: daysAgo === null ? ("draft" as const) : ("published" as const),
          publishedAt,
          publishedBy: daysAgo === null ? null : staff.id,
          // Delivered when published; the scheduled one is still to be delivered.
          notifiedAt: publishedAt && daysAgo !== null && daysAgo > 0 ? publishedAt : null,
          createdBy: staff.id,
          updatedBy: staff.id,
          createdAt: publishedAt ?? at(1),
          updatedAt: publishedAt ?? at(1),
        };
      }),
    )
    .returning();

  // The targeted posts' recipients, as publishing them matched.
  for (const row of rows.filter((r) => r.status === "published")) {
    const matched = await recipientsOf(tx, baseId, row);
    if (matched.length > 0)
      await tx
        .insert(postRecipients)
        .values(matched.map((organizationId) => ({ postId: row.id, organizationId, baseId })));
  }

  // The member's organization read the cohort's training notice (and a few public posts).
  const [member] = await tx
    .select()
    .from(users)
    .where(and(eq(users.baseId, baseId), eq(users.username, "member")));
  if (member?.organizationId) {
    const read = rows.filter(
      (r) => r.status === "published" && /财务管理专题培训|实施意见|开放时间/.test(r.title),
    );
    if (read.length > 0)
      await tx.insert(postReads).values(
        read.map((r) => ({
          postId: r.id,
          userId: member.id,
          organizationId: member.organizationId,
          baseId,
          readAt: new Date((r.publishedAt as Date).getTime() + 5 * 3600 * 1000),
        })),
      );
  }
}

async function recipientsOf(tx: Db, baseId: string, row: typeof posts.$inferSelect): Promise<string[]> {
  if (row.targetCohortIds.length > 0) {
    const open = await tx
      .select({ id: incubations.organizationId })
      .from(incubations)
      .where(
        and(
          eq(incubations.baseId, baseId),
          inArray(incubations.cohortId, row.targetCohortIds),
          notInArray(incubations.status, ["graduated", "terminated"]),
        ),
      );
    return open.map((o) => o.id);
  }
  if (row.targetResidencies.length > 0 || row.targetFields.length > 0) {
    const all = await tx
      .select({ id: organizations.id, residency: organizations.residency, fields: organizations.fields })
      .from(organizations)
      .where(eq(organizations.baseId, baseId));
    return all
      .filter(
        (o) =>
          (row.targetResidencies.length === 0 || row.targetResidencies.includes(o.residency)) &&
          (row.targetFields.length === 0 || o.fields.some((f) => row.targetFields.includes(f))),
      )
      .map((o) => o.id);
  }
  return [];
}

/** The text of the seed's own simple HTML (block ends as line breaks), as the server keeps it. */
function textOf(html: string): string {
  return html
    .replace(/<\/(p|h2|h3|li|blockquote)>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

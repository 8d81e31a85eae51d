/**
 * The bench's information (资讯): years of a base's posts (notices, policy, funding, purchase
 * announcements; four in five public), their bodies written from the phrases a base's posts use so
 * that the portal's search has common two-character terms to find (养老, 社区, 购买), targeted
 * ones reaching incubated organizations, with one reader account per reached organization and read
 * receipts for about half. All by COPY, seeded, the same on every run.
 */
import type { Database } from "../src/db/client";
import { postReads, postRecipients, posts, users } from "../src/db/schema";
import { pickerOf, seededRandom } from "../src/db/seed/generate";
import { POST_KINDS } from "../src/domain/services/post";
import { copyRows } from "./bulk";
import { seededUuid } from "./recorder";

/** The portal search scenario's term: two characters, common in the generated posts. */
export const POST_SEARCH_TERM = "养老";

const TOPICS = [
  "社区养老",
  "儿童关爱",
  "助残服务",
  "环境保护",
  "社区治理",
  "志愿服务",
  "文化活动",
  "心理健康",
  "法律援助",
  "青少年发展",
];
const PHRASES = [
  "各社会组织要结合自身服务领域，认真做好项目申报准备。",
  "政府购买服务项目将按照公开择优的原则确定承接主体。",
  "孵化基地将为在孵组织提供一对一的申报辅导。",
  "请于截止日期前通过平台提交申报材料，逾期不予受理。",
  "项目执行期间须按季度报送进展和资金使用情况。",
  "服务对象满意度将作为绩效评价的主要指标。",
  "欢迎具备相关经验的社区社会组织联合申报。",
  "详情请咨询孵化基地综合服务窗口。",
];
const TITLES: Record<(typeof POST_KINDS)[number], string[]> = {
  notice: ["关于开展{t}专题培训的通知", "{t}工作交流会通知", "关于报送{t}项目进展的提醒"],
  policy: ["关于支持{t}类社会组织发展的若干措施", "{t}政策要点解读"],
  funding: ["{t}小额资助项目申报通知", "公益创投大赛（{t}方向）报名启动"],
  purchase: ["{t}服务项目政府购买服务公告", "街道{t}项目购买服务公告"],
};

export interface LoadedPosts {
  posts: number;
  recipients: number;
  reads: number;
}

export async function loadPosts(
  database: Database,
  baseId: string,
  incubatedOrganizationIds: string[],
  options: { seed: number; organizations: number; passwordHash: string },
): Promise<LoadedPosts> {
  const random = seededRandom(options.seed ^ 0x9057);
  const ids = () => seededUuid(random);
  const pick = pickerOf(random);
  // About a post a working day per 400 organizations, at least five years of a small base's.
  const count = Math.max(1200, Math.round(options.organizations * 1.2));
  const now = Date.now();
  const postRows: (typeof posts.$inferInsert)[] = [];
  const targeted: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(POST_KINDS);
    const topic = pick(TOPICS);
    const title = pick(TITLES[kind]).replace("{t}", topic);
    const lines = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(PHRASES));
    const bodyText = [`${topic}是本年度重点支持的方向。`, ...lines].join("\n");
    const publishedAt = new Date(now - Math.floor(random() * 5 * 365) * 86_400_000 - 3_600_000);
    const isTargeted = random() < 0.08 && incubatedOrganizationIds.length > 0;
    const id = ids();
    if (isTargeted) targeted.push(id);
    postRows.push({
      id,
      baseId,
      kind,
      status: random() < 0.97 ? "published" : "draft",
      visibility: isTargeted || random() < 0.2 ? "members" : "public",
      title,
      summary: lines[0] ?? "",
      bodyHtml: bodyText
        .split("\n")
        .map((l) => `<p>${l}</p>`)
        .join(""),
      bodyText,
      targetResidencies: isTargeted ? ["resident"] : [],
      publishedAt,
      notifiedAt: publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
  }
  await copyRows(database, posts, postRows);

  // The targeted posts reach up to 40 incubated organizations each; one reader account per
  // organization reached, who read about half of what reached them.
  const reached = incubatedOrganizationIds.slice(0, 400);
  const readerOf = new Map<string, string>();
  const userRows: (typeof users.$inferInsert)[] = reached.map((organizationId, i) => {
    const id = ids();
    readerOf.set(organizationId, id);
    return {
      id,
      baseId,
      username: `bench-reader-${i}`,
      displayName: `基准读者${i}`,
      passwordHash: options.passwordHash,
      roles: ["org_member"],
      organizationId,
    };
  });
  await copyRows(database, users, userRows);
  const recipientRows: (typeof postRecipients.$inferInsert)[] = [];
  const readRows: (typeof postReads.$inferInsert)[] = [];
  for (const postId of targeted) {
    const start = Math.floor(random() * Math.max(1, reached.length - 40));
    for (const organizationId of reached.slice(start, start + 40)) {
      recipientRows.push({ postId, organizationId, baseId });
      if (random() < 0.5)
        readRows.push({ postId, organizationId, baseId, userId: readerOf.get(organizationId) as string });
    }
  }
  await copyRows(database, postRecipients, recipientRows);
  await copyRows(database, postReads, readRows);
  return { posts: postRows.length, recipients: recipientRows.length, reads: readRows.length };
}

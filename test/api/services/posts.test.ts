/**
 * Information (资讯): the body sanitized by the server, the lifecycle at versions, targeting that
 * reaches only matching organizations (another organization's member gets 404), read receipts
 * (and their .xlsx), the bell once, the portal's two-character search, and bad input refused.
 */
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bases, notifications, posts, users } from "../../../src/db/schema";
import { deliverDuePosts } from "../../../src/server/areas/services/posts/lifecycle";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { startTestApp } from "../../support/app";
import { incubationOf } from "../incubation/plan-support";
import { auditOf, memberOrganizationId } from "../recruitment/intake-support";

let t: TestApp;
let staff: Client;
let member: Client;
let otherMember: Client;
let anonymous: Client;
let foreignStaff: Client;
let memberOrg: string;
let cohortId: string;
let otherOrg: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  anonymous = t.anonymous();
  memberOrg = await memberOrganizationId(t);
  const incubation = await incubationOf(t, memberOrg);
  cohortId = incubation.cohortId;
  const other = await make(t).organization({ residency: "virtual", fields: ["elderly"] });
  otherOrg = other.id;
  const stranger = await make(t).user({ roles: ["org_member"], organizationId: other.id });
  otherMember = await t.signIn(stranger.username, FACTORY_PASSWORD);
  const [elsewhere] = await t.db
    .insert(bases)
    .values({ code: "posts-elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const foreign = await make({ db: t.db, baseId: elsewhere?.id as string }).user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

let serial = 0;
function body(values: Record<string, unknown> = {}) {
  serial++;
  return {
    kind: "policy",
    visibility: "public",
    title: `关于进一步做好政府购买社会组织服务工作的通知（${serial}）`,
    summary: "区民政局发布的购买服务工作要求",
    bodyHtml: "<h2>一、总体要求</h2><p>各街道、社区要<strong>优先</strong>向孵化基地社会组织购买服务。</p>",
    source: "区民政局",
    link: "https://example.gov.cn/notice/1",
    ...values,
  };
}

async function created(values: Record<string, unknown> = {}) {
  const res = await staff.post("/api/posts", body(values));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; bodyHtml: string; status: string };
}

async function published(values: Record<string, unknown> = {}, publishAt?: string) {
  const post = await created(values);
  const res = await staff.post(`/api/posts/${post.id}/publish`, { version: post.version, publishAt });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number; status: string; scheduled: boolean };
}

describe("writing a post", () => {
  it("keeps only the allowed HTML: no script, no event handler, no javascript: link", async () => {
    const post = await created({
      bodyHtml:
        '<p>正文<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">点我</a>' +
        '<a href="https://mca.gov.cn" onclick="x()">民政部</a></p><iframe src="https://evil"></iframe><h1>标题</h1>',
    });
    expect(post.bodyHtml).not.toMatch(/script|onerror|onclick|javascript:|iframe|<img/i);
    expect(post.bodyHtml).toContain(
      '<a href="https://mca.gov.cn" target="_blank" rel="noopener noreferrer nofollow">民政部</a>',
    );
    expect(post.bodyHtml).toContain("<h2>标题</h2>");
    expect(post.bodyHtml).not.toContain("alert(1)");
    const [row] = await t.db.select().from(posts).where(eq(posts.id, post.id));
    expect(row?.bodyText).toBe("正文点我民政部\n标题");
  });

  it("refuses bad input with the field named and nothing written", async () => {
    const before = await t.db.select({ id: posts.id }).from(posts);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "" }, "title"],
      [{ title: "标题\u0000带空字符" }, "title"],
      [{ title: "标\u202E题" }, "title"],
      [{ title: "长".repeat(121) }, "title"],
      [{ bodyHtml: "<p>  </p><script>x</script>" }, "bodyHtml"],
      [{ bodyHtml: `<p>${"很长".repeat(60_000)}</p>` }, "bodyHtml"],
      [{ kind: "gossip" }, "kind"],
      [{ link: "javascript:alert(1)" }, "link"],
      [{ link: "ftp://x.cn/a" }, "link"],
      [{ deadlineOn: "2026-02-30" }, "deadlineOn"],
      [{ deadlineOn: "9999-01-01" }, "deadlineOn"],
      [{ targeting: { tracks: ["org", "org"] }, visibility: "members" }, "targeting.tracks"],
      [{ targeting: { residencies: ["resident"] } }, "visibility"],
      [
        { visibility: "members", targeting: { cohortIds: ["00000000-0000-4000-8000-000000000000"] } },
        "targeting.cohortIds",
      ],
    ];
    for (const [values, field] of cases) {
      const res = await staff.post("/api/posts", body(values));
      expect(res.statusCode, `${JSON.stringify(values).slice(0, 80)}: ${res.body}`).toBe(400);
      expect(res.json().field, JSON.stringify(values).slice(0, 80)).toBe(field);
      expect(res.json().message).toBeTruthy();
    }
    const huge = await staff.post("/api/posts", body({ bodyHtml: `<p>${"x".repeat(200_001)}</p>` }));
    expect(huge.statusCode).toBe(400);
    expect(await t.db.select({ id: posts.id }).from(posts)).toHaveLength(before.length);
  });

  it("is for staff only, and another base's post does not exist", async () => {
    expect((await member.post("/api/posts", body())).statusCode).toBe(403);
    expect((await anonymous.post("/api/posts", body())).statusCode).toBe(401);
    const post = await created();
    expect((await foreignStaff.get(`/api/posts/${post.id}`)).statusCode).toBe(404);
    expect((await member.get(`/api/posts/${post.id}`)).statusCode).toBe(403);
  });

  it("edits at the version read: a stale one is 409, audited", async () => {
    const post = await created();
    const first = await staff.put(`/api/posts/${post.id}`, { ...body({ title: "改过的标题" }), version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await staff.put(`/api/posts/${post.id}`, { ...body(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.currentVersion).toBe(2);
    const audit = await auditOf(t, post.id);
    expect(audit.map((a) => a.action).sort()).toEqual(["post.create", "post.update"]);
  });
});

describe("the lifecycle", () => {
  it("publishes, withdraws with a reason, takes back to a draft; refuses the wrong step with 409", async () => {
    const post = await created();
    expect(
      (await staff.post(`/api/posts/${post.id}/withdraw`, { version: 1, reason: "错误" })).statusCode,
    ).toBe(409);
    const live = await staff.post(`/api/posts/${post.id}/publish`, { version: 1 });
    expect(live.json().status).toBe("published");
    expect((await anonymous.get(`/api/portal/posts/${post.id}`)).statusCode).toBe(200);
    const noReason = await staff.post(`/api/posts/${post.id}/withdraw`, { version: 2, reason: " " });
    expect(noReason.statusCode).toBe(400);
    const gone = await staff.post(`/api/posts/${post.id}/withdraw`, {
      version: 2,
      reason: "政策已更新，以新通知为准",
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toMatchObject({ status: "withdrawn", withdrawReason: "政策已更新，以新通知为准" });
    expect((await anonymous.get(`/api/portal/posts/${post.id}`)).statusCode).toBe(404);
    expect((await staff.put(`/api/posts/${post.id}`, { ...body(), version: 3 })).statusCode).toBe(409);
    const draft = await staff.post(`/api/posts/${post.id}/redraft`, { version: 3 });
    expect(draft.json().status).toBe("draft");
  });

  it("keeps a scheduled post out of sight until its time, then delivers it once", async () => {
    const past = await created();
    const refused = await staff.post(`/api/posts/${past.id}/publish`, {
      version: 1,
      publishAt: "2020-01-01T08:00:00+08:00",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe("publishAt");

    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const post = await published({ visibility: "members" }, soon);
    expect(post.scheduled).toBe(true);
    expect((await member.get(`/api/post-feed/${post.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/portal/posts/${post.id}`)).statusCode).toBe(404);
    const bells = () =>
      t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "post_published"), eq(notifications.link, `/posts/${post.id}`)));
    expect(await bells()).toHaveLength(0);
    await deliverDuePosts(t.db, new Date(Date.now() + 2 * 3_600_000));
    await deliverDuePosts(t.db, new Date(Date.now() + 3 * 3_600_000));
    const sent = await bells();
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((n) => n.userId)).size).toBe(sent.length);
  });
});

describe("targeting and receipts", () => {
  it("reaches only the matching organizations; another organization's member gets 404", async () => {
    const post = await published({
      visibility: "members",
      kind: "notice",
      title: "2026年第一期孵化组织财务培训通知",
      targeting: { cohortIds: [cohortId] },
    });
    const mine = await member.get(`/api/post-feed/${post.id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().readAt).not.toBeNull();
    expect((await otherMember.get(`/api/post-feed/${post.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/portal/posts/${post.id}`)).statusCode).toBe(404);
    const otherFeed = await otherMember.get("/api/post-feed?pageSize=200");
    expect(otherFeed.json().items.map((i: { id: string }) => i.id)).not.toContain(post.id);
    const memberFeed = await member.get("/api/post-feed?targeted=true&pageSize=200");
    const entry = memberFeed.json().items.find((i: { id: string }) => i.id === post.id);
    expect(entry).toMatchObject({ targeted: true, read: true });

    // The bell: the cohort's members only, once, even after withdraw and publish again.
    const [memberUser] = await t.db.select().from(users).where(eq(users.username, "member"));
    const bells = () =>
      t.db
        .select()
        .from(notifications)
        .where(eq(notifications.link, `/posts/${post.id}`));
    const first = await bells();
    expect(first.map((n) => n.userId)).toContain(memberUser?.id);
    const strangers = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.organizationId, otherOrg));
    expect(first.some((n) => strangers.some((s) => s.id === n.userId))).toBe(false);
    await staff.post(`/api/posts/${post.id}/withdraw`, { version: 2, reason: "时间调整" });
    await staff.post(`/api/posts/${post.id}/redraft`, { version: 3 });
    await staff.post(`/api/posts/${post.id}/publish`, { version: 4 });
    expect(await bells()).toHaveLength(first.length);

    // Receipts: read by the member's organization, with who and when; the .xlsx says the same.
    const receipts = await staff.get(`/api/posts/${post.id}/receipts`);
    expect(receipts.statusCode, receipts.body).toBe(200);
    const view = receipts.json();
    expect(view.targeted).toBe(true);
    const row = view.items.find((i: { organizationId: string }) => i.organizationId === memberOrg);
    expect(row).toMatchObject({ readerName: memberUser?.displayName, readers: 1 });
    expect(row.readAt).not.toBeNull();
    expect(view.read).toBe(view.items.filter((i: { readAt: string | null }) => i.readAt).length);

    const file = await staff.get(`/api/posts/${post.id}/receipts/export.xlsx`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("阅读回执");
    const rows: string[][] = [];
    sheet?.eachRow((r, n) => {
      if (n > 1) rows.push([String(r.getCell(1).value), String(r.getCell(2).value)]);
    });
    expect(rows).toEqual(
      view.items.map((i: { organizationName: string; readAt: string | null }) => [
        i.organizationName,
        i.readAt ? "已读" : "未读",
      ]),
    );
    expect((await member.get(`/api/posts/${post.id}/receipts`)).statusCode).toBe(403);
    expect((await foreignStaff.get(`/api/posts/${post.id}/receipts`)).statusCode).toBe(404);
  });

  it("matches residency and field tags, and changes no audience once published", async () => {
    const post = await published({
      visibility: "members",
      targeting: { residencies: ["virtual"], fields: ["elderly"] },
    });
    expect((await otherMember.get(`/api/post-feed/${post.id}`)).statusCode).toBe(200);
    const preview = await staff.post("/api/posts/audience", {
      residencies: ["virtual"],
      fields: ["elderly"],
    });
    expect(preview.json().organizations).toBeGreaterThanOrEqual(1);
    const retarget = await staff.put(`/api/posts/${post.id}`, {
      ...body({ visibility: "members", targeting: { residencies: ["resident"] } }),
      version: post.version,
    });
    expect(retarget.statusCode).toBe(409);
  });

  it("marks unread posts in the feed and counts them", async () => {
    const post = await published({ visibility: "members", title: "未读测试资讯" });
    const before = (await member.get("/api/post-feed?unread=true&pageSize=200")).json();
    expect(before.items.map((i: { id: string }) => i.id)).toContain(post.id);
    await member.get(`/api/post-feed/${post.id}`);
    const after = (await member.get("/api/post-feed?unread=true&pageSize=200")).json();
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(post.id);
  });
});

describe("the portal", () => {
  it("finds a public post by a two-character term in its title or body, by kind, paginated", async () => {
    const a = await published({
      title: "社区鹊桥服务项目申报指南",
      kind: "funding",
      deadlineOn: "2027-01-15",
    });
    const b = await published({
      title: "年度工作通知",
      bodyHtml: "<p>请各组织报送<em>鹊桥</em>服务数据。</p>",
    });
    const hidden = await published({ title: "鹊桥内部通知", visibility: "members" });
    const res = await anonymous.get(`/api/portal/posts?q=${encodeURIComponent("鹊桥")}&pageSize=50`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).not.toContain(hidden.id);
    const funding = await anonymous.get(`/api/portal/posts?q=${encodeURIComponent("鹊桥")}&kind=funding`);
    expect(funding.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const paged = await anonymous.get(`/api/portal/posts?q=${encodeURIComponent("鹊桥")}&pageSize=1&page=2`);
    expect(paged.json().items).toHaveLength(1);
    expect(paged.json().total).toBe(ids.length);
    expect((await anonymous.get("/api/portal/posts?q=%00")).statusCode).toBe(400);
    expect((await anonymous.get("/api/portal/posts?page=1e20")).statusCode).toBe(400);
    const one = await anonymous.get(`/api/portal/posts/${a.id}`);
    expect(one.json()).toMatchObject({
      title: "社区鹊桥服务项目申报指南",
      deadlineOn: "2027-01-15",
      readAt: null,
    });
  });

  it("lists the staff's posts by kind, status and audience", async () => {
    const draft = await created({ kind: "purchase", title: "购买服务草稿" });
    const res = await staff.get("/api/posts?kind=purchase&status=draft");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toContain(draft.id);
    expect(
      res
        .json()
        .items.every((i: { kind: string; status: string }) => i.kind === "purchase" && i.status === "draft"),
    ).toBe(true);
    const mine = await t.db
      .select()
      .from(posts)
      .where(inArray(posts.id, [draft.id]));
    expect(mine[0]?.createdBy).toBeTruthy();
  });

  it("declares every status it answers", () => {
    expect(t.undeclaredResponses()).toEqual([]);
  });
});

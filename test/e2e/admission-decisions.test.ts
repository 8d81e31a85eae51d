/**
 * The review meeting and the decision, in the browser: staff see a round's ranking with the
 * quota line and admit within the quota; after the public notice closes, the applicant reads the
 * decision with its reason on a phone and confirms the place. The round, its experts and their
 * submitted reviews are another area's pages: they are written to the database here, so this
 * file runs the built web app on an in-process server over its own database.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { roundWithReviews } from "../api/admission/ranking-fixtures";
import { memberOrganizationId } from "../api/recruitment/intake-support";
import { startTestApp, type TestApp } from "../support/app";
import { checkA11y } from "./support/a11y";
import { launchBrowser, openPage, PHONE } from "./support/browser";
import { ensureBuilt, ROOT } from "./support/build";
import { E2E_TEST_TIMEOUT } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, signIn } from "./support/ui";

let t: TestApp;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  ensureBuilt();
  t = await startTestApp({}, { webRoot: path.join(ROOT, "dist/web") });
  baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

test(
  "staff admit within the quota from the meeting view; the applicant reads the decision on a phone and confirms",
  async () => {
    const memberOrg = await memberOrganizationId(t);
    const round = await roundWithReviews(t, {
      scores: [
        [
          [9, 5],
          [8, 4],
          [9, 4],
        ],
        [
          [7, 3],
          [6, 3],
          [8, 4],
        ],
        [
          [4, 2],
          [3, 2],
          [9, 5],
        ],
      ],
      quota: 1,
      organizationIds: [memberOrg],
    });
    const mine = round.applicationIds[0] as string;

    // Staff, desktop: the ranking, the quota line under the first place, the disagreement flag.
    const { page } = await openPage(browser, baseUrl, { viewport: { width: 1280, height: 900 } });
    await signIn(page, "staff");
    await page.goto(`/rounds/${round.roundId}/meeting`);
    await pageHeading(page, /^评审会：/).waitFor();
    await page.getByText("名额线：以上 1 个在名额内").waitFor();
    const rows = page.locator(".ant-table-tbody > tr.ant-table-row");
    expect(await rows.count()).toBe(3);
    expect(await page.locator("tr.hatchery-quota-last").count()).toBe(1);
    // The first row (above the line) is the member's organization, the best scored.
    const first = rows.nth(0);
    expect(await first.getAttribute("data-row-key")).toBe(mine);
    expect(await page.getByText("分歧大").count()).toBeGreaterThan(0);
    await checkA11y(page, "meeting view");
    await shot(page, "meeting-1280");

    // The method switch asks the server for the page in that method's order (the table is paged
    // and sorted by the server) without losing the line.
    const sorted = page.waitForResponse((r) => /\/ranking\?.*sort=zScore/.test(r.url()) && r.ok());
    await page.getByText("标准分", { exact: true }).first().click();
    const answer = await (await sorted).json();
    expect(answer).toMatchObject({ sort: "zScore", page: 1, pageSize: 20, total: 3 });
    await page.getByText("共 3 条").waitFor();
    expect(await page.locator("tr.hatchery-quota-last").count()).toBe(1);

    // The charts load ECharts on demand and draw per criterion and per expert.
    await page.getByRole("button", { name: /图表/ }).click();
    await page.locator("[_echarts_instance_] svg").nth(1).waitFor();
    expect(await page.locator("[_echarts_instance_]").count()).toBe(2);
    await page.getByText("各指标平均得分").first().waitFor();
    await shot(page, "meeting-charts-1280");

    // The breakdown drawer shows each expert's scores and comments.
    await first.getByRole("button").first().click();
    await page.getByRole("dialog").getByText("评分明细").waitFor();
    expect(await page.getByRole("dialog").getByText("专家1的保密意见：创新点一般").count()).toBe(1);
    await checkA11y(page, "meeting breakdown");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });

    // Admit within the quota, with a reason.
    await button(first, "入壳").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("理由（将写入结果通知书）").fill("综合排名第一，社会需求明确");
    await dialog.getByLabel(/公开给申请人的评审意见摘要/).fill("专家组认可其社区服务基础");
    await checkA11y(page, "decision dialog");
    await button(dialog, "入壳").click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("名额 1 个，已入壳 1 个").waitFor();
    await first.getByText("待公示").waitFor();

    // The public notice runs its period and closes (through the API: its page has its own checks).
    const staff = await t.signIn("staff");
    const notice = await staff.post("/api/notices", {
      roundId: round.roundId,
      title: "入壳名单公示",
      startsAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const confirmBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const closed = await staff.post(`/api/notices/${notice.json().id}/close`, { confirmBy, version: 1 });
    expect(closed.statusCode, closed.body).toBe(200);

    // The staff's notices page shows it closed, with its listed organization.
    await page.goto("/notices");
    await pageHeading(page, "入壳公示").waitFor();
    await page.getByText("已关闭").first().waitFor();
    await checkA11y(page, "staff notices");
    await shot(page, "notices-1280");

    // The meeting view on a phone: the table scrolls, the line is still drawn.
    const { page: small } = await openPage(browser, baseUrl, { viewport: PHONE, mobile: true });
    await signIn(small, "staff");
    await small.goto(`/rounds/${round.roundId}/meeting`);
    await small.getByText("名额线：以上 1 个在名额内").waitFor();
    expect(await small.locator("tr.hatchery-quota-last").count()).toBe(1);
    await checkA11y(small, "meeting view (phone)");
    await shot(small, "meeting-375");

    // The portal shows the notice to anyone.
    const { page: portal } = await openPage(browser, baseUrl, { viewport: PHONE, mobile: true });
    await portal.goto(`/notices/${notice.json().id}`);
    await pageHeading(portal, "入壳名单公示").waitFor();
    await portal.getByRole("heading", { name: "拟入壳机构名单" }).waitFor();
    await checkA11y(portal, "portal notice (phone)");
    await shot(portal, "notice-portal-375");

    // The applicant, on a phone: the outcome and reason, no expert comment; confirm the place.
    const { page: phone } = await openPage(browser, baseUrl, { viewport: PHONE, mobile: true });
    await signIn(phone, "member");
    await phone.goto(`/my-applications/${mine}`);
    const card = phone.getByTestId("decision-card");
    await card.getByText("恭喜！贵机构已确定入壳。").waitFor();
    await card.getByText("综合排名第一，社会需求明确").waitFor();
    await card.getByText("专家组认可其社区服务基础").waitFor();
    expect(await phone.getByText("保密意见").count()).toBe(0);
    await checkA11y(phone, "applicant decision (phone)");
    await shot(phone, "decision-375");
    await button(card, "确认入壳").click();
    await card.getByText("已确认入壳").first().waitFor();
    const status = (await staff.get(`/api/applications/${mine}/decision`)).json().status;
    expect(status).toBe("confirmed");
  },
  E2E_TEST_TIMEOUT,
);

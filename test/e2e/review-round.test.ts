/**
 * Stage 3 in the browser: staff build a review round and assign its reviewers automatically; the
 * demo expert scores two applications with the keyboard alone (Tab to the first score, a number
 * and Enter per criterion, Ctrl+Enter and Enter to submit), then the next opens by itself. axe
 * checks each page; the scoring page is photographed at 1280 and 375 pixels.
 *
 * The app runs in this process over its own database (test/support/app.ts), serving the built web
 * app: the inspections that make applications eligible belong to stage 2's screens, so the test
 * writes those applications as inspected directly.
 */
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { reviews, users } from "../../src/db/schema";
import { buildRound, expert, inspectedApplication } from "../api/admission/rounds-support";
import { make } from "../factories";
import { type Client, startTestApp, type TestApp } from "../support/app";
import { checkA11y } from "./support/a11y";
import { DESKTOP, launchBrowser, openPage, PHONE } from "./support/browser";
import { ensureBuilt, ROOT } from "./support/build";
import { E2E_TEST_TIMEOUT } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, signIn, UI_WAIT } from "./support/ui";

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let staff: Client;
let callId: string;
let callTitle: string;

beforeAll(async () => {
  ensureBuilt();
  t = await startTestApp({}, { webRoot: path.join(ROOT, "dist/web") });
  baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
  staff = await t.signIn("staff");
  const call = await make(t).call({ title: "2026年度入壳评审测试招募" });
  callId = call.id;
  callTitle = call.title;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function page(viewport: { width: number; height: number } = DESKTOP, mobile = false): Promise<Page> {
  return (await openPage(browser, baseUrl, { viewport, mobile })).page;
}

test(
  "staff build a round and assign its reviewers automatically",
  async () => {
    const apps = [];
    for (const fields of [["elderly"], ["children"], ["elderly"], ["health"]] as const) {
      apps.push(await inspectedApplication(t, callId, { fields: [...fields] }));
    }
    const experts = [
      await expert(t, ["elderly"]),
      await expert(t, ["children"]),
      await expert(t, ["health"]),
    ];
    const p = await page();
    await signIn(p, "staff");
    await p.goto("/rounds");
    await pageHeading(p, "评审轮次").waitFor();
    await checkA11y(p, "rounds list");
    await button(p, "新建评审轮次").click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel("招募").click();
    await p.locator(".ant-select-item-option", { hasText: callTitle }).click();
    await dialog.getByLabel("轮次名称").fill("入壳评审（浏览器测试）");
    await dialog.getByLabel("每份申请评审人数").fill("2");
    await dialog.getByLabel("评分截止时间").click();
    await dialog.getByLabel("评分截止时间").fill("2030-01-15 18:00");
    await p.keyboard.press("Enter");
    await button(dialog, "保存").click();
    await pageHeading(p, "入壳评审（浏览器测试）").waitFor();
    const roundId = new URL(p.url()).pathname.split("/").at(-1) as string;

    // Applications and experts join through the API (their screens are plain multi-selects).
    expect(
      (
        await staff.post(`/api/rounds/${roundId}/subjects`, {
          applicationIds: apps.map((a) => a.application.id),
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await staff.post(`/api/rounds/${roundId}/experts`, { expertIds: experts.map((e) => e.id) }))
        .statusCode,
    ).toBe(200);
    await p.reload();
    await pageHeading(p, "入壳评审（浏览器测试）").waitFor();
    await button(p, "自动分配").click();
    await p.getByText(/已分配：新增 8 项/).waitFor();
    await expect.poll(() => p.getByText(/负载 2–3/).count(), UI_WAIT).toBe(1);
    await checkA11y(p, "round assignment");
    await shot(p, "round-assignment-1280");
    const rows = await t.db.select().from(reviews).where(eq(reviews.roundId, roundId));
    expect(rows).toHaveLength(8);
    for (const a of apps) expect(rows.filter((r) => r.subjectId === a.application.id)).toHaveLength(2);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "an expert scores two applications with the keyboard alone",
  async () => {
    const [demoExpert] = await t.db.select().from(users).where(eq(users.username, "expert"));
    const apps = [await inspectedApplication(t, callId), await inspectedApplication(t, callId)];
    const other = await expert(t);
    const round = await buildRound(staff, {
      callId,
      applicationIds: apps.map((a) => a.application.id),
      expertIds: [demoExpert?.id as string, other.id],
      k: 2,
    });
    const { version } = (await staff.get(`/api/rounds/${round.id}`)).json();
    expect((await staff.post(`/api/rounds/${round.id}/open`, { version })).statusCode).toBe(200);

    const p = await page({ width: 1280, height: 900 });
    await signIn(p, "expert");
    await p.goto("/reviews");
    await pageHeading(p, "我的评审").waitFor();
    await checkA11y(p, "my reviews");
    await p.getByText("已提交 0 / 2").first().waitFor();

    // Tab to the first application's link, Enter opens it.
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press("Tab");
      const href = await p.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
      if (href.startsWith("/reviews/")) break;
    }
    await p.keyboard.press("Enter");
    for (let n = 0; n < 2; n++) {
      await p.getByRole("heading", { level: 1, name: /^评分：/ }).waitFor();
      const heading = await p.getByRole("heading", { level: 1 }).textContent();
      if (n === 0) await checkA11y(p, "scoring page");
      // Tab to the first score input.
      for (let i = 0; i < 200; i++) {
        await p.keyboard.press("Tab");
        const id = await p.evaluate(() => document.activeElement?.id ?? "");
        if (id.startsWith("score-")) break;
      }
      const inputs = await p.locator("input[id^=score-]").count();
      for (let i = 0; i < inputs; i++) {
        await p.keyboard.type(String(5 + (i % 3)));
        await p.keyboard.press("Enter");
      }
      // After the last score, Enter leaves focus on the submit button.
      expect(await p.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/提\s?交评分/);
      if (n === 0) {
        await shot(p, "scoring-page-1280");
      }
      await p.keyboard.press("Control+Enter");
      await p.getByRole("dialog").getByText("提交后不能再修改").waitFor();
      await p.keyboard.press("Enter");
      await p.getByText("评分已提交").first().waitFor();
      if (n === 0) {
        await expect
          .poll(async () => p.getByRole("heading", { level: 1 }).textContent(), UI_WAIT)
          .not.toBe(heading);
      }
    }
    const mine = await t.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.roundId, round.id), eq(reviews.expertId, demoExpert?.id as string)));
    expect(mine.map((r) => r.status)).toEqual(["submitted", "submitted"]);

    // Closed, the round is counted on the list; its reviews are shown when asked for.
    const closing = (await staff.get(`/api/rounds/${round.id}`)).json();
    expect((await staff.post(`/api/rounds/${round.id}/close`, { version: closing.version })).statusCode).toBe(
      200,
    );
    await p.goto("/reviews");
    const card = p.locator(".ant-card").filter({ hasText: closing.title });
    await card.getByText("已提交 2 / 2").first().waitFor();
    expect(await card.locator('a[href^="/reviews/"]').count()).toBe(0);
    await card.getByRole("button", { name: "查看本轮评审" }).click();
    await expect.poll(() => card.locator('a[href^="/reviews/"]').count(), UI_WAIT).toBe(2);

    // The scoring page on a phone: the rubric first, the dossier under it.
    const phone = await page(PHONE, true);
    await signIn(phone, "expert");
    await phone.goto(`/reviews/${mine[0]?.id}`);
    await phone.getByRole("heading", { level: 1, name: /^评分：/ }).waitFor();
    await shot(phone, "scoring-page-375");
  },
  E2E_TEST_TIMEOUT,
);

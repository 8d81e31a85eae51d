/**
 * The incubation plan in the browser: staff record two needs (4Z-tagged), draft a plan with a goal
 * and two actions (one the organization's, one the base's) and propose it; the member, on a
 * 390 px phone, agrees and marks the organization's action done, and cannot mark the base's. axe
 * checks each page; both are photographed.
 *
 * The app runs in this process over its own database (test/support/app.ts), serving the built web
 * app: the incubation is written directly (the incubation pages are another area's).
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { incubationOf } from "../api/incubation/plan-support";
import { memberOrganizationId } from "../api/recruitment/intake-support";
import { startTestApp, type TestApp } from "../support/app";
import { checkA11y } from "./support/a11y";
import { DESKTOP, launchBrowser, openPage } from "./support/browser";
import { ensureBuilt, ROOT } from "./support/build";
import { E2E_TEST_TIMEOUT } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const PHONE_390 = { width: 390, height: 844 } as const;
let t: TestApp;
let browser: Browser;
let baseUrl: string;
let incubationId: string;

beforeAll(async () => {
  ensureBuilt();
  t = await startTestApp({}, { webRoot: path.join(ROOT, "dist/web") });
  baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
  incubationId = (await incubationOf(t, await memberOrganizationId(t))).id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function page(viewport: { width: number; height: number } = DESKTOP, mobile = false): Promise<Page> {
  return (await openPage(browser, baseUrl, { viewport, mobile })).page;
}

/** Picks `option` in the antd select labelled `label` (the nth such field). */
async function choose(p: Page, label: string, option: string, nth = 0) {
  await p.getByLabel(label, { exact: true }).nth(nth).click();
  await p
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

test(
  "staff record needs and propose a plan; the member agrees on a phone and marks its action done",
  async () => {
    const staff = await page();
    await signIn(staff, "staff");
    await staff.goto(`/incubations/${incubationId}/plan`);
    await pageHeading(staff, "孵化计划").waitFor();

    for (const [category, title] of [
      ["资本", "缺少稳定的筹资渠道"],
      ["咨询", "财务制度不健全"],
    ] as const) {
      await button(staff, "记录需求").click();
      const dialog = staff.getByRole("dialog");
      await choose(staff, "服务类别", category);
      await dialog.getByLabel("问题或需求").fill(title);
      await button(dialog, "保存").click();
      await staff.getByText(title).first().waitFor();
      await expect.poll(() => staff.getByRole("dialog").count(), UI_WAIT).toBe(0);
    }

    await staff.getByLabel("目标名称").fill("建立规范的财务制度");
    await staff.getByLabel("成功标准 / 指标").fill("年底前通过第三方财务审计");
    for (const [n, title, owner, due] of [
      [0, "制定财务管理制度并经理事会通过", "机构", "2027-03-31"],
      [1, "安排财务人员参加培训", "基地", "2027-04-30"],
    ] as const) {
      await staff.getByRole("button", { name: /添加行动/ }).click();
      await staff.getByLabel("行动内容", { exact: true }).nth(n).fill(title);
      if (owner === "基地") await choose(staff, "负责方", owner, n);
      await staff.getByLabel("完成日期").nth(n).fill(due);
      await choose(staff, "拟提供服务", n === 0 ? "咨询" : "资源", n);
    }
    await choose(staff, "回应的需求", "财务制度不健全", 0);
    await button(staff, "保存草稿").click();
    await staff.getByText("草稿已保存").waitFor();
    await settle(staff);
    await checkA11y(staff, "plan editor (staff)");
    await shot(staff, "plan-staff-draft");

    await button(staff, "提交机构确认").click();
    await button(staff.getByRole("dialog"), "确定").click();
    await staff.getByText("待机构确认").first().waitFor();
    await settle(staff);
    await shot(staff, "plan-staff-proposed");

    const phone = await page(PHONE_390, true);
    await signIn(phone, "member");
    await phone.goto(`/incubations/${incubationId}/plan`);
    await phone.getByText("基地已提交孵化计划，请查看后确认。").waitFor();
    await settle(phone);
    await checkA11y(phone, "plan to agree (member, phone)");
    await shot(phone, "plan-member-proposed-390");
    await button(phone, "确认孵化计划").click();
    await button(phone.getByRole("dialog"), "确定").click();
    await phone.getByText("已确认").first().waitFor();

    const own = phone.locator("li", { hasText: "制定财务管理制度并经理事会通过" });
    const base = phone.locator("li", { hasText: "安排财务人员参加培训" });
    await expect.poll(() => base.getByRole("button").count(), UI_WAIT).toBe(0);
    await button(own, "标记完成").click();
    await phone.getByRole("dialog").getByLabel("完成情况说明").fill("制度已于理事会通过");
    await button(phone.getByRole("dialog"), "确定").click();
    await phone.getByText("进度已更新").waitFor();
    await own.getByText("制度已于理事会通过").waitFor();
    await expect.poll(() => phone.getByText("已完成 1 / 2 项").count(), UI_WAIT).toBe(1);
    await settle(phone);
    await checkA11y(phone, "agreed plan (member, phone)");
    await shot(phone, "plan-member-agreed-390");
  },
  E2E_TEST_TIMEOUT,
);

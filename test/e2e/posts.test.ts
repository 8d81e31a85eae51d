/**
 * Information (资讯) in the browser: staff write a post with the rich-text editor (a heading, bold
 * text, a list), aim it at the cohort 2026年第一期 and publish it; the member finds it in the
 * feed, opens it and the receipt is recorded (staff see it); on a phone, the portal finds a
 * public post by a two-character term and shows it. Staff also link text through the editor's
 * link dialog (a javascript: address refused there) and attach a file, which an anonymous reader
 * downloads from the portal. axe checks each page; they are photographed.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { checkA11y } from "./support/a11y";
import { DESKTOP, launchBrowser, openPage } from "./support/browser";
import { ensureBuilt, ROOT } from "./support/build";
import { E2E_TEST_TIMEOUT } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n");

const PHONE_390 = { width: 390, height: 844 } as const;
const TITLE = "关于第一期孵化组织参加项目管理工作坊的通知";
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

async function page(viewport: { width: number; height: number } = DESKTOP, mobile = false): Promise<Page> {
  return (await openPage(browser, baseUrl, { viewport, mobile })).page;
}

test(
  "staff write a post with the editor and publish it to the cohort; the member reads it; staff see the receipt",
  async () => {
    const staff = await page({ width: 1280, height: 900 });
    await signIn(staff, "staff");
    await staff.goto("/posts/manage");
    await pageHeading(staff, "资讯管理").waitFor();
    await staff.getByRole("link", { name: /财务管理专题培训/ }).waitFor();
    await checkA11y(staff, "posts list (staff)");
    await shot(staff, "posts-staff-list");

    await staff.getByRole("button", { name: /撰写资讯/ }).click();
    await pageHeading(staff, "撰写资讯").waitFor();
    await staff.getByLabel("标题", { exact: true }).fill(TITLE);
    await staff.getByLabel("摘要").fill("下周五下午，基地 201 会议室。");
    const body = staff.getByRole("textbox", { name: "正文" });
    await body.click();
    await button(staff.getByRole("toolbar"), "章节标题").click();
    await staff.keyboard.type("工作坊安排");
    await staff.keyboard.press("Enter");
    await button(staff.getByRole("toolbar"), "加粗").click();
    await staff.keyboard.type("请各组织项目负责人参加");
    await button(staff.getByRole("toolbar"), "加粗").click();
    await staff.keyboard.press("Enter");
    await button(staff.getByRole("toolbar"), "无序列表").click();
    await staff.keyboard.type("项目设计与逻辑模型");
    await staff.keyboard.press("Enter");
    await staff.keyboard.type("成效指标与监测");
    await staff.getByLabel("孵化批次").click();
    await staff
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "2026年第一期" })
      .click();
    await staff.keyboard.press("Escape");
    await staff.getByText(/当前符合条件的组织：\d+ 家/).waitFor();
    await button(staff, "保存").click();
    await staff.getByText("已保存").first().waitFor();
    await expect.poll(() => staff.url(), UI_WAIT).toMatch(/\/posts\/manage\/[0-9a-f-]{36}$/);
    await staff.getByRole("tab", { name: "预览" }).click();
    await staff.getByRole("heading", { name: "工作坊安排" }).waitFor();
    await staff.getByRole("tab", { name: "编辑" }).click();
    await settle(staff);
    await checkA11y(staff, "post editor (staff)");
    await shot(staff, "posts-editor-desktop");

    await button(staff, "立即发布").click();
    await button(staff.getByRole("dialog"), "发布").click();
    await staff.getByText("已发布").first().waitFor();
    await staff.getByRole("heading", { name: "阅读回执" }).waitFor();
    const postId = staff.url().split("/").pop() as string;

    const member = await page(PHONE_390, true);
    await signIn(member, "member");
    await member.goto("/posts");
    await pageHeading(member, "资讯").waitFor();
    await member.getByRole("link", { name: TITLE }).click();
    await member.getByRole("heading", { name: TITLE }).waitFor();
    await member.getByText(/您已于 .+ 阅读/).waitFor();
    expect(await member.locator("article strong", { hasText: "请各组织项目负责人参加" }).count()).toBe(1);
    await settle(member);
    await checkA11y(member, "post read (member, phone)");
    await shot(member, "posts-member-read-390");

    await staff.reload();
    await staff.getByRole("heading", { name: "阅读回执" }).waitFor();
    const receipts = await (await t.signIn("staff")).get(`/api/posts/${postId}/receipts`);
    expect(receipts.json().read).toBe(1);
    await staff.getByText(/已读 1 家/).waitFor();
    await shot(staff, "posts-receipts-desktop");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "on a phone, the portal finds a public post by a two-character term and shows it",
  async () => {
    const phone = await page(PHONE_390, true);
    await phone.goto("/portal/posts");
    await pageHeading(phone, "资讯").waitFor();
    await phone.getByRole("searchbox").fill("养老");
    await phone.getByRole("searchbox").press("Enter");
    const link = phone.getByRole("link", {
      name: /北京京北公益基金会 2026 年度“社区养老”小额资助项目申报通知/,
    });
    await link.waitFor();
    await expect.poll(() => phone.getByRole("link", { name: /开放时间调整/ }).count(), UI_WAIT).toBe(0);
    await settle(phone);
    await checkA11y(phone, "portal posts search (phone)");
    await shot(phone, "posts-portal-list-390");
    await link.click();
    await phone.getByRole("heading", { name: /社区养老/ }).waitFor();
    await expect.poll(() => phone.title(), UI_WAIT).toMatch(/社区养老/);
    await settle(phone);
    await checkA11y(phone, "portal post (phone)");
    await shot(phone, "posts-portal-post-390");
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff link text through the link dialog and attach a file; an anonymous reader downloads it on the portal",
  async () => {
    const api = await t.signIn("staff");
    const draft = await api.post("/api/posts", {
      kind: "funding",
      visibility: "public",
      title: "2026年社区公益创投项目申报指南",
      bodyHtml: "<p>申报书模板见附件。</p>",
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const postId = draft.json().id as string;

    const staff = await page({ width: 1280, height: 900 });
    await signIn(staff, "staff");
    await staff.goto(`/posts/manage/${postId}`);
    await pageHeading(staff, "编辑资讯").waitFor();
    const body = staff.getByRole("textbox", { name: "正文" });
    await body.click();
    await staff.keyboard.press("End");
    await staff.keyboard.type("详见申报指南");
    for (let i = 0; i < 4; i++) await staff.keyboard.press("Shift+ArrowLeft");
    await button(staff.getByRole("toolbar"), "链接").click();
    const dialog = staff.getByRole("dialog", { name: "插入链接" });
    const address = dialog.getByLabel("链接地址");
    await address.fill("javascript:alert(1)");
    await button(dialog, "确定").click();
    await dialog.getByText(/链接地址须以 http:\/\/、https:\/\/ 或 mailto: 开头/).waitFor();
    await settle(staff);
    await checkA11y(staff, "post editor's link dialog");
    await shot(staff, "posts-link-dialog");
    await address.fill("https://example.org/guide");
    await button(dialog, "确定").click();
    await dialog.waitFor({ state: "hidden" });
    await body.locator('a[href="https://example.org/guide"]', { hasText: "申报指南" }).waitFor();

    await staff.locator('input[type="file"]').setInputFiles({
      name: "申报书模板.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await staff.getByText("申报书模板.pdf").waitFor();
    await button(staff, "保存").click();
    await staff.getByText("已保存").first().waitFor();
    await settle(staff);
    await checkA11y(staff, "post editor with an attachment");
    await shot(staff, "posts-editor-attachment");
    await button(staff, "立即发布").click();
    await button(staff.getByRole("dialog"), "发布").click();
    await staff.getByText("已发布").first().waitFor();

    const phone = await page(PHONE_390, true);
    await phone.goto(`/portal/posts/${postId}`);
    await phone.getByRole("heading", { name: "2026年社区公益创投项目申报指南" }).waitFor();
    await phone.locator('article a[href="https://example.org/guide"]', { hasText: "申报指南" }).waitFor();
    const file = phone.getByRole("link", { name: /申报书模板\.pdf/ });
    await file.waitFor();
    await settle(phone);
    await checkA11y(phone, "portal post with an attachment (phone)");
    await shot(phone, "posts-portal-attachment-390");
    const [download] = await Promise.all([phone.waitForEvent("download"), file.click()]);
    expect(download.suggestedFilename()).toBe("申报书模板.pdf");
    const bytes = await (await fetch(`${baseUrl}${new URL(download.url()).pathname}`)).arrayBuffer();
    expect(Buffer.from(bytes).equals(PDF)).toBe(true);
  },
  E2E_TEST_TIMEOUT,
);

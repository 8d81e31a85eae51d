/**
 * Incubations in the browser: staff open the incubation a confirmed admission started from the
 * application's page and extend it in its modal; the list page; the member reads its own
 * incubation on a phone (read-only). Axe on each page; screenshots to look at.
 */
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { applications, incubations } from "../../src/db/schema";
import { addDays } from "../../src/domain/incubation/lifecycle";
import { memberOrganizationId } from "../api/recruitment/intake-support";
import { startTestApp, type TestApp } from "../support/app";
import { checkA11y } from "./support/a11y";
import { launchBrowser, openPage } from "./support/browser";
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
  "staff open the incubation from the admission and extend it; the list; the member reads its own on a phone",
  async () => {
    const memberOrg = await memberOrganizationId(t);
    const [application] = await t.db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.organizationId, memberOrg), eq(applications.status, "confirmed")));
    const [incubation] = await t.db
      .select()
      .from(incubations)
      .where(eq(incubations.organizationId, memberOrg));
    expect(application && incubation).toBeTruthy();
    const current = incubation?.plannedEndOn as string;

    const { page } = await openPage(browser, baseUrl, { viewport: { width: 1280, height: 900 } });
    await signIn(page, "staff");
    await page.goto(`/applications/${application?.id}`);
    await page.getByTestId("decision-incubation-link").click();
    await pageHeading(page, /^孵化：/).waitFor();
    await page.getByText("孵化记录").waitFor();
    await checkA11y(page, "incubation page");
    await shot(page, "incubation-1280");

    await button(page, "延期").click();
    const dialog = page.getByRole("dialog");
    const newEnd = addDays(current, 92);
    await dialog.getByLabel("新的计划结束日期").fill(newEnd);
    await dialog.getByLabel("原因").fill("项目周期延长，经主任办公会同意");
    await checkA11y(page, "extend dialog");
    await button(dialog, "延期").click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText(`计划结束日期：${current} → ${newEnd}`).waitFor();
    expect(await page.getByText("已延期").count()).toBeGreaterThan(0);
    const [after] = await t.db
      .select()
      .from(incubations)
      .where(eq(incubations.id, incubation?.id as string));
    expect(after).toMatchObject({ status: "extended", plannedEndOn: newEnd });

    await page.goto("/incubations");
    await pageHeading(page, "孵化管理").waitFor();
    await page.locator(".ant-table-tbody > tr.ant-table-row").first().waitFor();
    await checkA11y(page, "incubation list");
    await shot(page, "incubations-1280");

    const { page: phone } = await openPage(browser, baseUrl, {
      viewport: { width: 390, height: 844 },
      mobile: true,
    });
    await signIn(phone, "member");
    await phone.getByTestId("my-incubation").waitFor();
    await checkA11y(phone, "member home");
    await shot(phone, "member-home-390");
    await phone.getByTestId("my-incubation").getByRole("link").first().click();
    await pageHeading(phone, /^孵化：/).waitFor();
    await phone.getByText("孵化信息由基地工作人员维护").waitFor();
    expect(await phone.getByRole("button", { name: "延期" }).count()).toBe(0);
    await checkA11y(phone, "member incubation page");
    await shot(phone, "member-incubation-390");
  },
  E2E_TEST_TIMEOUT,
);

/**
 * The baseline pre-test (基线前测) in the browser: the member fills the self-assessment on a phone
 * (390 px): picks a level card per indicator, writes a note, submits with the confirmation and
 * finds it read-only; staff score the base's assessment at the desktop; the comparison shows the
 * radar, the table and the gaps in words, and prints on A4. The incubation and the instrument are
 * other areas' pages: they are written to the database here, so this file runs the built web app
 * on an in-process server over its own database.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, notInArray } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { assessmentScores, incubations } from "../../src/db/schema";
import { cohort, fiveDimensions, incubation, publishedVersion } from "../api/incubation/assessments-support";
import { memberOrganizationId } from "../api/recruitment/intake-support";
import { startTestApp, type TestApp } from "../support/app";
import { checkA11y } from "./support/a11y";
import { launchBrowser, openPage } from "./support/browser";
import { ensureBuilt, ROOT } from "./support/build";
import { E2E_TEST_TIMEOUT } from "./support/e2e";
import { SHOT_DIR, shot } from "./support/shot";
import { pageHeading, signIn } from "./support/ui";

let t: TestApp;
let browser: Browser;
let baseUrl: string;

const PHONE_390 = { width: 390, height: 844 };

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

/** Picks the level card `score` of the indicator named `name`. */
async function pick(page: Page, name: string, score: number) {
  await page
    .getByRole("radiogroup", { name })
    .getByRole("radio", { name: new RegExp(`^${score} 分`) })
    .check();
}

test(
  "the member fills the baseline self-assessment on a phone, staff score theirs, the comparison shows the radar",
  async () => {
    await publishedVersion(t, { track: "org", content: fiveDimensions() });
    const cohortId = await cohort(t);
    const incubationId = await incubation(t, await memberOrganizationId(t), cohortId);

    // The member, on a phone: start the baseline self-assessment from the incubation's page.
    const { page } = await openPage(browser, baseUrl, { viewport: PHONE_390, mobile: true });
    await signIn(page, "member");
    await page.goto(`/incubations/${incubationId}/assessments`);
    await pageHeading(page, "能力评估").waitFor();
    await page.getByText(/基线前测应于/).waitFor();
    await checkA11y(page, "an incubation's assessments (member, phone)");
    await page.getByRole("button", { name: "开始自评：基线前测" }).click();
    await pageHeading(page, /^基线前测 · 机构自评：/).waitFor();
    await page.getByText("已评 0 / 5 项").waitFor();
    await checkA11y(page, "assessment form, empty (member, phone)");

    await pick(page, "治理结构水平", 3);
    await pick(page, "财务管理水平", 4);
    await page.getByLabel("治理结构水平 · 说明（可选）").fill("理事会每季度召开会议，有会议记录");
    await page.getByText("已评 2 / 5 项").waitFor();
    await page.getByText(/^已保存/).waitFor();
    // Nothing is lost on a reload: the choices are on the server (and kept on the device meanwhile).
    await page.reload();
    await page.getByText("已评 2 / 5 项").waitFor();
    await expect.poll(() => page.getByLabel("治理结构水平 · 说明（可选）").inputValue()).toContain("每季度");
    await pick(page, "项目管理水平", 3);
    await pick(page, "人力资源水平", 2);
    await pick(page, "社会影响水平", 3);
    await page.getByText("已评 5 / 5 项").waitFor();
    await page.getByText(/^已保存/).waitFor();
    await shot(page, "assessment-self-phone");
    await page.getByRole("button", { name: "提交评估" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /确\s*定|OK/ })
      .click();
    await page.getByText("该评估已提交，以下为提交时的内容。").waitFor();
    expect(await page.getByRole("radio", { name: /^3 分/ }).first().isDisabled()).toBe(true);
    await checkA11y(page, "assessment form, submitted (member, phone)");
    const selfId = page.url().split("/").pop() as string;

    // Staff, at the desktop: start the base's baseline and score it.
    const desk = (await openPage(browser, baseUrl, { viewport: { width: 1280, height: 900 } })).page;
    await signIn(desk, "staff");
    await desk.goto(`/incubations/${incubationId}/assessments`);
    await desk.getByRole("combobox", { name: "评估人" }).waitFor();
    await checkA11y(desk, "an incubation's assessments (staff, desktop)");
    await shot(desk, "assessment-incubation-desktop");
    await desk.getByRole("button", { name: "开始基地评估：基线前测" }).click();
    await pageHeading(desk, /^基线前测 · 基地评估：/).waitFor();
    await pick(desk, "治理结构水平", 2);
    await pick(desk, "财务管理水平", 1);
    await pick(desk, "项目管理水平", 3);
    await pick(desk, "人力资源水平", 2);
    await pick(desk, "社会影响水平", 2);
    await desk.getByText("已评 5 / 5 项").waitFor();
    await desk.getByText(/^已保存/).waitFor();
    await checkA11y(desk, "assessment form, filled (staff, desktop)");
    await shot(desk, "assessment-assessor-desktop");
    await desk.getByRole("button", { name: "提交评估" }).click();
    await desk
      .getByRole("dialog")
      .getByRole("button", { name: /确\s*定|OK/ })
      .click();
    await desk.getByText("该评估已提交，以下为提交时的内容。").waitFor();
    const assessorId = desk.url().split("/").pop() as string;

    // The comparison: radar, table, gaps in words; the member sees it too once both are submitted.
    await desk.goto(`/incubations/${incubationId}/assessments`);
    await desk.getByRole("link", { name: /自评与基地评估对比/ }).click();
    await pageHeading(desk, /^评估对比：/).waitFor();
    await desk.locator("[data-testid=assessment-radar] svg").waitFor();
    await desk.getByText(/^差距最大的维度：财务管理/).waitFor();
    await desk.getByText(/得分最低的维度：财务管理（0\.00 分）/).waitFor();
    await checkA11y(desk, "assessment comparison (staff, desktop)");
    await shot(desk, "assessment-comparison-desktop");
    await desk.emulateMedia({ media: "print" });
    const pdf = await desk.pdf({ format: "A4", printBackground: true });
    const pdfPath = path.join(SHOT_DIR, "assessment-comparison.pdf");
    writeFileSync(pdfPath, pdf);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      pdfPath,
      path.join(SHOT_DIR, "assessment-comparison-a4"),
    ]);
    await desk.emulateMedia({ media: "screen" });

    // The cohort's baseline distribution (staff): a box per dimension.
    await desk.goto(`/cohorts/${cohortId}/baseline`);
    await pageHeading(desk, /^基线分布：/).waitFor();
    await desk.locator("[data-testid=cohort-boxplot] svg").waitFor();
    await checkA11y(desk, "cohort baseline distribution (staff, desktop)");
    await shot(desk, "assessment-cohort-desktop");

    await page.goto(`/assessments/compare?first=${selfId}&second=${assessorId}`);
    await pageHeading(page, /^评估对比：/).waitFor();
    await page.locator("[data-testid=assessment-radar] svg").waitFor();
    await checkA11y(page, "assessment comparison (member, phone)");
    await shot(page, "assessment-comparison-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "scores picked with no network wait on the device, say so, and reach the server when it is back",
  async () => {
    const incubationId = (
      await t.db
        .select({ id: incubations.id })
        .from(incubations)
        .where(
          and(
            eq(incubations.organizationId, await memberOrganizationId(t)),
            notInArray(incubations.status, ["graduated", "terminated"]),
          ),
        )
    )[0]?.id as string;
    const member = await t.signIn("member");
    const started = await member.post(`/api/incubations/${incubationId}/assessments`, {
      phase: "midterm",
      side: "self",
    });
    expect(started.statusCode, started.body).toBeLessThan(300);
    const id = started.json().id as string;

    const { context, page } = await openPage(browser, baseUrl, { viewport: PHONE_390, mobile: true });
    await signIn(page, "member");
    await page.goto(`/assessments/${id}`);
    await pageHeading(page, /^中期评估 · 机构自评：/).waitFor();
    await context.setOffline(true);
    await pick(page, "治理结构水平", 2);
    await pick(page, "财务管理水平", 3);
    await page.getByText(/网络不通：\d+ 项改动已保存在本机/).waitFor();
    await checkA11y(page, "assessment form, offline (member, phone)");
    await shot(page, "assessment-offline-phone");
    // Nothing has reached the server yet.
    const scored = async () =>
      (await t.db.select().from(assessmentScores).where(eq(assessmentScores.assessmentId, id))).filter(
        (s) => s.score !== null,
      ).length;
    expect(await scored()).toBe(0);
    await context.setOffline(false);
    await expect.poll(scored, { timeout: 20_000 }).toBe(2);
    await page.getByText(/^已保存/).waitFor();
  },
  E2E_TEST_TIMEOUT,
);

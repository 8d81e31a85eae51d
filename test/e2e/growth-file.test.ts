/**
 * The growth file (组织成长档案): staff open it from an organization's page and filter it; the
 * member reads its own on a phone; it prints on A4 as a document, without the app's frame.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import type { GrowthFile } from "../../src/schemas/incubation/growth";
import type { SessionResponse } from "../../src/schemas/platform/auth";
import { checkA11y } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { SHOT_DIR, shot } from "./support/shot";
import { pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();

async function memberOrganization() {
  const member = await e2e.api("member");
  const { user } = await member.get<SessionResponse>("/api/auth/me");
  if (!user.organizationId) throw new Error("the demo member has no organization");
  const file = await member.get<GrowthFile>(`/api/organizations/${user.organizationId}/growth`);
  return { id: user.organizationId, file };
}

test(
  "staff open an organization's growth file, filter it by area, and print it on A4",
  async () => {
    const { id, file } = await memberOrganization();
    expect(file.total).toBeGreaterThan(0);
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto(`/organizations/${id}`);
    await pageHeading(page, file.organization.name).waitFor();
    await page.getByRole("button", { name: "成长档案" }).click();
    await pageHeading(page, `${file.organization.name} · 成长档案`).waitFor();
    const first = file.items[0];
    if (!first) throw new Error("an empty file");
    await page.getByText(first.title.zhCN).first().waitFor();
    await checkA11y(page, "growth file");
    await shot(page, "growth-file");

    // One area only: every line shown is of that area.
    await page.getByText(/^申请与入壳 \d+$/).click();
    await expect
      .poll(async () =>
        (await page.locator("article li").allTextContents()).every((line) => line.includes("申请与入壳")),
      )
      .toBe(true);

    await page.emulateMedia({ media: "print" });
    await checkA11y(page, "growth file (print)");
    const pdf = path.join(SHOT_DIR, "growth-file.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    const prefix = path.join(SHOT_DIR, "growth-file-page");
    for (const old of readdirSync(SHOT_DIR).filter((f) => f.startsWith("growth-file-page")))
      rmSync(path.join(SHOT_DIR, old));
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, prefix]);
    expect(readdirSync(SHOT_DIR).filter((f) => f.startsWith("growth-file-page")).length).toBeGreaterThan(0);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "a member reads its own growth file on a phone",
  async () => {
    const { id, file } = await memberOrganization();
    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(page, "member");
    await page.goto(`/organizations/${id}/growth`);
    await pageHeading(page, `${file.organization.name} · 成长档案`).waitFor();
    await checkA11y(page, "growth file (phone)");
    await shot(page, "growth-file-phone");
  },
  E2E_TEST_TIMEOUT,
);

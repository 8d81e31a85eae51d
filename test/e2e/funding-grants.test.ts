/**
 * Grants in the browser: `staff` sets up a grant for a demo project with two tranches (the live
 * sums say what is left to allocate), `staff2` approves it (staff may not: the button says why)
 * and records the signing; `staff` prepares the first tranche and `staff2` pays it, so the grant
 * is active with its money paid in two hands. axe on every screen; the set-up page is photographed
 * at a laptop's and a phone's width, and the agreement printed to PDF to be looked at as PNGs.
 *
 * The project comes from the demo data through GET /api/projects (the projects part of funding);
 * where that route is absent the test is skipped, saying so.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import type { GrantSetup } from "../../src/schemas/funding/grants";
import { checkA11y } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { SHOT_DIR, shot } from "./support/shot";
import { button, listsLoaded, pageHeading, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();

test(
  "staff sets up a grant with two tranches; staff2 approves it and pays the first tranche staff prepared",
  async (ctx) => {
    const staffApi = await e2e.api("staff");
    // The demo's fundable projects (the projects part of funding seeds them): the first with a
    // seed or partner fund free for CNY 120,000.
    const { projects } = await staffApi.get<GrantSetup>("/api/grants/setup");
    if (projects.length === 0)
      return ctx.skip("no demo projects yet (the projects part of funding seeds them)");
    let setup: (GrantSetup & { project: NonNullable<GrantSetup["project"]> }) | null = null;
    for (const p of projects) {
      const s = await staffApi.get<GrantSetup>(`/api/grants/setup?projectId=${p.id}`);
      if (s.project && s.funds.some((f) => f.kind !== "project_grant" && f.availableFen >= 12_000_000)) {
        setup = { ...s, project: s.project };
        break;
      }
    }
    if (!setup) throw new Error("no demo project with a fund that can take CNY 120,000");
    const fund = setup.funds.find((f) => f.kind !== "project_grant" && f.availableFen >= 12_000_000);

    // staff: the set-up page, from the grant list's 新建资助, choosing the project there.
    const staff = await e2e.page({ viewport: DESKTOP });
    await signIn(staff, "staff");
    await staff.goto(`${e2e.baseUrl}/funding/grants`);
    await pageHeading(staff, "资助").waitFor();
    await listsLoaded(staff);
    await checkA11y(staff, "the grant list");
    await button(staff, "新建资助").click();
    await pageHeading(staff, "新建资助").waitFor();
    await staff.getByLabel("选择要资助的项目").click();
    await staff
      .locator(".ant-select-item-option", {
        hasText: `${setup.project.title} · ${setup.project.organizationName}`,
      })
      .first()
      .click();
    await staff.getByText(/每个项目的项目资助合计上限/).waitFor();
    const form = staff.locator("form");
    await form.getByLabel("资金来源").click();
    await staff
      .locator(".ant-select-item-option", { hasText: fund?.name ?? "" })
      .first()
      .click();
    await form.getByLabel("资助金额（元）").fill("120000");
    await form.getByLabel("开始日期").fill("2027-03-01");
    await form.getByLabel("结束日期").fill("2028-02-29");
    await form.getByLabel("说明 1").fill("社区助餐活动");
    await form.getByLabel("预算金额 1").fill("80000");
    await button(form, "添加预算行").click();
    await form.getByLabel("说明 2").fill("餐具与保温箱");
    await form.getByLabel("预算金额 2").fill("40000");
    await form.getByLabel("拨付金额 1").fill("72000");
    await form.getByLabel("拨付金额 2").fill("40000");
    await staff.getByText("尚差 8,000.00 元").waitFor();
    await form.getByLabel("拨付金额 2").fill("48000");
    await expect.poll(() => staff.getByText("已与资助金额一致").count(), UI_WAIT).toBe(2);
    await checkA11y(staff, "the grant set-up page");
    mkdirSync(SHOT_DIR, { recursive: true });
    await shot(staff, "funding-grant-setup-desktop");
    await button(form, "提交审批").click();
    await staff.waitForURL(/\/funding\/grants\/[0-9a-f-]{36}$/);
    const grantUrl = staff.url();
    // The preparer's approve button is disabled, with the reason.
    await staff.getByText("须由另一位工作人员审批（双人复核）").first().waitFor();
    await expect.poll(() => button(staff, "审批通过").isDisabled(), UI_WAIT).toBe(true);
    await checkA11y(staff, "the proposed grant, as its preparer");

    // staff2 approves and records the signing.
    const staff2 = await e2e.page({ viewport: DESKTOP });
    await signIn(staff2, "staff2");
    await staff2.goto(grantUrl);
    await button(staff2, "审批通过").click();
    await staff2.getByText("已审批").first().waitFor();
    await button(staff2, "登记签约").click();
    await button(staff2.getByRole("dialog"), "确定").click();
    await staff2.getByText("已签协议").first().waitFor();

    // staff prepares the first tranche; staff2 pays it with the finance office's reference.
    await staff.reload();
    await button(staff.getByTestId("tranche-1"), "准备拨付").click();
    await staff.getByTestId("tranche-1").getByText("由李晓梅准备").waitFor();
    expect(await button(staff.getByTestId("tranche-1"), "审批拨付").isDisabled()).toBe(true);
    await staff2.reload();
    await button(staff2.getByTestId("tranche-1"), "审批拨付").click();
    await staff2.getByLabel("付款凭证号").fill("PZ-2027-0107");
    await checkA11y(staff2, "paying a tranche");
    await button(staff2.getByRole("dialog"), "审批拨付").click();
    await staff2.getByTestId("tranche-1").getByText("已拨付").waitFor();
    await staff2.getByText("执行中").first().waitFor();
    await checkA11y(staff2, "the active grant");

    // A phone's set-up page, and the agreement printed on A4.
    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(phone, "staff");
    await phone.goto(`${e2e.baseUrl}/funding/grants/new?projectId=${setup.project.id}`);
    await pageHeading(phone, "新建资助").waitFor();
    await checkA11y(phone, "the grant set-up page on a phone");
    await shot(phone, "funding-grant-setup-phone");
    await staff2.goto(`${grantUrl}/agreement`);
    await staff2.getByText("壹拾贰万元整").first().waitFor();
    await checkA11y(staff2, "the agreement");
    await staff2.emulateMedia({ media: "print" });
    const pdf = path.join(SHOT_DIR, "funding-grant-agreement.pdf");
    await staff2.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", pdf, path.join(SHOT_DIR, "funding-grant-agreement")]);
  },
  E2E_TEST_TIMEOUT,
);

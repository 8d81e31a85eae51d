/**
 * Funds and projects: staff create a fund in the 资金池 dialog (the capacity typed in yuan), then,
 * from a project-track incubation's page, 新建项目 with a logical framework and two indicators on
 * a laptop (1366 px); the project page shows the framework and the indicators, and reads at phone
 * width (390 px). axe checks every screen; the screenshots are looked at.
 */
import { expect, test } from "vitest";
import type { IncubationPage } from "../../src/schemas/incubation/incubations";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, listsLoaded, pageHeading, settle, signIn } from "./support/ui";

const e2e = setupE2E();
const PHONE_390 = { width: 390, height: 844 } as const;

test(
  "staff create a fund and a project with a logframe and two indicators, then read it on a phone",
  async () => {
    const staffApi = await e2e.api("staff");
    const incubations = await staffApi.get<IncubationPage>("/api/incubations?track=project&pageSize=50");
    const open = incubations.items.find((i) => i.status === "active" || i.status === "extended");
    expect(open, "the demo data has an open project-track incubation").toBeDefined();
    const incubationId = open?.id as string;

    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto("/funding/funds");
    await pageHeading(page, "资金池").waitFor();
    await listsLoaded(page);
    await checkA11y(page, "funds");
    const fundName = `社区种子基金${Date.now() % 100_000}`;
    await button(page, "新建资金").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("名称").fill(fundName);
    await dialog.getByLabel("资金总额（元）").fill("500,000.5");
    await settle(page);
    await checkA11y(page, "new fund dialog");
    await shot(page, "funding-01-fund-dialog");
    await button(dialog, "确定").click();
    await page.getByRole("cell", { name: fundName }).first().waitFor();
    await expect
      .poll(() =>
        page
          .getByRole("row", { name: new RegExp(fundName) })
          .first()
          .textContent(),
      )
      .toContain("500,000.50");
    await shot(page, "funding-02-funds");

    await page.goto(`/incubations/${incubationId}`);
    await button(page, "新建项目").click();
    await pageHeading(page, "新建项目").waitFor();
    await page.getByLabel("项目名称").fill("银龄助餐进社区");
    await page.getByLabel("回应的社区需求").fill("老旧小区独居老人就餐难");
    await page.getByLabel("目标受益人群").fill("60岁以上独居老人");
    await page.getByLabel("计划受益人数").fill("300");
    await page.getByLabel("健康").check();
    await button(page, "添加地点").click();
    await page.getByLabel("街道（镇） 1").fill("城北街道");
    await page.getByLabel("社区（村） 1").fill("新华社区");
    await page.getByLabel("总目标").fill("独居老人吃得上热饭");
    for (const [label, text] of [
      ["成效", "老人营养状况改善"],
      ["产出", "建成助餐点2个"],
      ["活动", "每日送餐"],
    ] as const) {
      await page
        .locator(".ant-form-item")
        .filter({ has: page.getByText(label, { exact: true }) })
        .getByRole("button", { name: "添加一条" })
        .click();
      await page.getByLabel(`${label} 1`, { exact: true }).fill(text);
    }
    for (const [i, [name, unit, target]] of [
      ["送餐人次", "人次", "5000"],
      ["老人满意度", "%", "90.5"],
    ].entries()) {
      await button(page, "添加指标").click();
      const card = page
        .locator(".ant-card")
        .filter({ hasText: `指标名称 ${i + 1}` })
        .last();
      await card.getByLabel("指标名称").fill(name as string);
      await card.getByLabel("单位").fill(unit as string);
      await card.getByLabel("目标值").fill(target as string);
    }
    await settle(page);
    await checkA11y(page, "new project (laptop)");
    await shot(page, "funding-03-project-new");
    await button(page, "保存").click();
    await pageHeading(page, "银龄助餐进社区").waitFor();
    await page.getByRole("cell", { name: "送餐人次" }).waitFor();
    await page.getByRole("cell", { name: "老人满意度" }).waitFor();
    await page.getByText("建成助餐点2个").waitFor();
    await checkA11y(page, "project page (laptop)");
    await shot(page, "funding-04-project");
    const projectUrl = page.url();

    const phone = await e2e.page({ viewport: PHONE_390, mobile: true });
    await signIn(phone, "staff");
    await phone.goto(new URL(projectUrl).pathname);
    await pageHeading(phone, "银龄助餐进社区").waitFor();
    await phone.getByText("独居老人吃得上热饭").waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkA11y(phone, "project page (phone)");
    await shot(phone, "funding-05-project-phone");
  },
  E2E_TEST_TIMEOUT,
);

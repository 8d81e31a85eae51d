/**
 * A grant's spending in the browser: the member reports an item with a receipt photo on a phone
 * (390 × 844), a second one over its line's budget; staff, at a laptop, query the first and
 * verify the second; the budget vs actual table says over budget and explanation needed in words;
 * the member finds the question and answers it by correcting the item. It goes to /funding/grants/:id?tab=spending and works inside
 * the 支出 tab only, so it runs against the stand-in grant page and the real one alike. Axe on
 * each screen; screenshots of the phone form and the table.
 */
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { grantBudgetLines, grants, incubations } from "../../src/db/schema";
import { daysFromToday, reportItem } from "../api/funding/spending-support";
import { fund, grant, project } from "../api/funding/support";
import { memberOrganizationId } from "../api/recruitment/intake-support";
import { startTestApp, type TestApp } from "../support/app";
import { checkA11y } from "./support/a11y";
import { DESKTOP, launchBrowser, openPage } from "./support/browser";
import { ensureBuilt, ROOT } from "./support/build";
import { E2E_TEST_TIMEOUT } from "./support/e2e";
import { shot } from "./support/shot";
import { button, listsLoaded, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const PHONE_390 = { width: 390, height: 844 } as const;
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

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

/** An active grant of CNY 10,000 to the demo member's organization: activities ¥6,000, materials ¥4,000. */
async function memberGrant() {
  const organizationId = await memberOrganizationId(t);
  const [incubation] = await t.db
    .select()
    .from(incubations)
    .where(eq(incubations.organizationId, organizationId));
  const projectRow = await project(t, organizationId, incubation ? { incubationId: incubation.id } : {});
  const row = await grant(t, projectRow, await fund(t), { status: "active", amountFen: 1_000_000 });
  await t.db
    .update(grants)
    .set({ startsOn: daysFromToday(-180), endsOn: daysFromToday(180) })
    .where(eq(grants.id, row.id));
  const lines = await t.db
    .select()
    .from(grantBudgetLines)
    .where(eq(grantBudgetLines.grantId, row.id))
    .orderBy(grantBudgetLines.sortOrder);
  return { grant: row, activities: lines[0], materials: lines[1] };
}

const card = (page: Page, description: string) =>
  page.getByTestId("expense-card").filter({ hasText: description });

test(
  "the member reports with a receipt photo on a phone; staff query one and verify another; budget vs actual",
  async () => {
    const g = await memberGrant();
    const url = `/funding/grants/${g.grant.id}?tab=spending`;

    // The member, on a phone: 记一笔支出 with a photo of the receipt.
    const { page: phone } = await openPage(browser, baseUrl, { viewport: PHONE_390, mobile: true });
    await signIn(phone, "member");
    await phone.goto(url);
    await phone.getByTestId("budget-table").getByText("活动费（活动开展）").waitFor();
    await listsLoaded(phone);
    await phone.getByRole("link", { name: /记一笔支出/ }).click();
    await pageHeading(phone, "记一笔支出").waitFor();
    await phone.getByLabel("预算科目").click();
    const option = phone
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "活动费" })
      .first();
    await option.waitFor();
    await settle(phone);
    await option.click();
    await phone.getByLabel("金额（元）").fill("1,234.50");
    await phone.getByLabel("摘要").fill("助餐点开业活动场地布置");
    await phone.getByLabel("收款方").fill("城北文化中心");
    const chooser = phone.waitForEvent("filechooser");
    await button(phone, "拍照上传").click();
    const files = await chooser;
    // The camera is asked for (capture) and PDF is offered besides images.
    expect(await files.element().getAttribute("capture")).toBe("environment");
    expect(await files.element().getAttribute("accept")).toBe("image/*,application/pdf");
    await files.setFiles({ name: "发票照片.png", mimeType: "image/png", buffer: PNG });
    await phone.getByText("发票照片.png", { exact: true }).waitFor(UI_WAIT);
    await settle(phone);
    await checkA11y(phone, "spending form (phone)");
    await shot(phone, "funding-spending-form-phone");
    // Nothing wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await button(phone, "提交").click();
    await card(phone, "助餐点开业活动场地布置").getByText("待核实").waitFor(UI_WAIT);
    await card(phone, "助餐点开业活动场地布置").getByText("¥1,234.50").waitFor();

    // A second item, over the materials line's ¥4,000 (through the API, as the form is shown above).
    const member = await t.signIn("member");
    await reportItem(member, g.grant.id, {
      budgetLineId: g.materials?.id as string,
      amountFen: 450_000,
      description: "食材与餐具采购",
    });

    // Staff, at a laptop: query the first, verify the second.
    const { page: staff } = await openPage(browser, baseUrl, { viewport: DESKTOP });
    await signIn(staff, "staff");
    await staff.goto(url);
    await card(staff, "食材与餐具采购").waitFor(UI_WAIT);
    await listsLoaded(staff);
    await card(staff, "助餐点开业活动场地布置")
      .getByRole("button", { name: /^提出疑问/ })
      .click();
    const dialog = staff.getByRole("dialog");
    await dialog.getByLabel("基地的疑问").fill("发票抬头与机构名称不一致，请说明或换开。");
    await settle(staff);
    await checkA11y(staff, "query dialog");
    await button(dialog, "提出疑问").click();
    await dialog.waitFor({ state: "hidden" });
    await card(staff, "助餐点开业活动场地布置").getByText("有疑问").waitFor(UI_WAIT);
    await card(staff, "食材与餐具采购").getByRole("button", { name: /^核实/ }).click();
    await card(staff, "食材与餐具采购").getByText("已核实").waitFor(UI_WAIT);

    // Budget vs actual: materials over budget, said in words; the totals.
    const table = staff.getByTestId("budget-table");
    const materials = table.locator("tr", { hasText: "物资费（物资采购）" });
    await materials.getByText("超支").waitFor(UI_WAIT);
    await materials.getByText(/需说明/).waitFor();
    await materials.getByText("4,500.00").first().waitFor();
    await table.locator("tr", { hasText: "合计" }).getByText("5,734.50").waitFor();
    await listsLoaded(staff);
    await settle(staff);
    await checkA11y(staff, "grant spending (staff)");
    await shot(staff, "funding-spending-table-staff");

    // The member sees the question and the way to answer it.
    await phone.reload();
    const queried = card(phone, "助餐点开业活动场地布置");
    await queried.getByText("发票抬头与机构名称不一致，请说明或换开。").waitFor(UI_WAIT);
    await queried.getByRole("link", { name: "修改并重新提交" }).waitFor();
    await listsLoaded(phone);
    await settle(phone);
    await checkA11y(phone, "grant spending, queried (phone)");
    await shot(phone, "funding-spending-phone");

    // The member corrects the amount and answers; the item is back with staff.
    await queried.getByRole("link", { name: "修改并重新提交" }).click();
    await pageHeading(phone, "修改支出").waitFor();
    await phone.getByText("发票抬头与机构名称不一致，请说明或换开。").waitFor();
    await expect.poll(() => phone.getByLabel("金额（元）").inputValue()).toBe("1234.50");
    await phone.getByLabel("金额（元）").fill("1200");
    await phone.getByLabel("回复").fill("已换开抬头正确的发票，金额按发票调整。");
    await settle(phone);
    await checkA11y(phone, "spending correction (phone)");
    await button(phone, "重新提交").click();
    const resubmitted = card(phone, "助餐点开业活动场地布置");
    await resubmitted.getByText("待核实").waitFor(UI_WAIT);
    await resubmitted.getByText("¥1,200.00").waitFor();
    await resubmitted.getByText("已换开抬头正确的发票，金额按发票调整。").waitFor();

    const budget = (await member.get(`/api/grants/${g.grant.id}/budget`)).json();
    expect(budget.totals).toMatchObject({ actualFen: 570_000, verifiedFen: 450_000 });
  },
  E2E_TEST_TIMEOUT,
);

/**
 * Staff register a new organization through the form: a credit code with a wrong check character
 * is refused on its own field and nothing is saved; the right code saves, and the organization is
 * then found in the list by its name and opened.
 */
import { expect, test } from "vitest";
import { composeCreditCode } from "../../src/domain/credit-code";
import type { OrganizationPage } from "../../src/schemas/platform/organizations";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, fieldDescription, openFromMenu, pageHeading, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();

const NAME = "回龙观邻里互助测试服务中心";
// 5 = registered with civil affairs, 2 = social service agency; the rest is this test's own.
const GOOD_CODE = composeCreditCode("52", "110114", "MJE2E001");
const BAD_CODE = GOOD_CODE.slice(0, 17) + (GOOD_CODE.endsWith("X") ? "Y" : "X");

test(
  "staff create an organization: a wrong credit code is refused on its field, the right one saves",
  async () => {
    const staff = await e2e.api("staff");
    const byName = () =>
      staff.get<OrganizationPage>(`/api/organizations?q=${encodeURIComponent(NAME)}`).then((p) => p.total);
    expect(await byName()).toBe(0);

    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await checkA11y(page, "staff home");
    await shot(page, "staff-home");

    await openFromMenu(page, "社会组织");
    await page.getByRole("table").getByRole("link").first().waitFor(); // the demo organizations
    await checkA11y(page, "organization list");
    await shot(page, "staff-organization-list");

    await button(page, "新建组织").click();
    await pageHeading(page, "新建社会组织").waitFor();
    await checkA11y(page, "new organization form");

    await page.getByLabel("组织名称").fill(NAME);
    await page.getByLabel("登记状态").click();
    await page.getByTitle("社会服务机构（民非）").click();
    const creditCode = page.getByLabel("统一社会信用代码");
    await creditCode.fill(BAD_CODE);
    await creditCode.blur();

    // The message sits on the field itself, and is what the field announces.
    await expect.poll(() => creditCode.getAttribute("aria-invalid"), UI_WAIT).toBe("true");
    expect(await fieldDescription(creditCode)).toContain("统一社会信用代码第 18 位校验码不正确");
    await shot(page, "staff-organization-bad-credit-code");

    await button(page, "保存").click();
    await page.getByText("请修正表单中标红的内容").waitFor();
    expect(new URL(page.url()).pathname).toBe("/organizations/new");
    expect(await fieldDescription(creditCode)).toContain("统一社会信用代码第 18 位校验码不正确");
    expect(await byName()).toBe(0);
    await checkA11y(page, "new organization form with an error");

    await creditCode.fill(GOOD_CODE);
    await expect
      .poll(() => fieldDescription(creditCode), UI_WAIT)
      .not.toContain("统一社会信用代码第 18 位校验码不正确");
    expect(await creditCode.getAttribute("aria-invalid")).not.toBe("true");
    await shot(page, "staff-organization-form-valid");

    await button(page, "保存").click();
    await pageHeading(page, NAME).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/organizations\/[^/]+$/);
    expect(await byName()).toBe(1);

    // Back to the list: search by name, open the one result.
    await openFromMenu(page, "社会组织");
    await page.getByRole("search").getByLabel("关键词").fill(NAME);
    await button(page.getByRole("search"), "查询").click();
    const rows = page.getByRole("table").getByRole("link");
    await expect.poll(() => rows.allTextContents(), UI_WAIT).toEqual([NAME]);
    await shot(page, "staff-organization-search");

    await rows.first().click();
    await pageHeading(page, NAME).waitFor();
    await page.getByText(GOOD_CODE).waitFor();
    await checkA11y(page, "organization detail");
    await shot(page, "staff-organization-detail");
  },
  E2E_TEST_TIMEOUT,
);

/**
 * The founding date, at phone width: registration asks a registered organization for it (a
 * team may leave it out) and refuses an implausible one; and an application whose profile lacks
 * it links to the organization editor, which lands on the field and, saved, returns to the
 * application with the problem gone. axe checks every screen.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { Organization } from "../../src/schemas/platform/organizations";
import type { ApplicationDetail, ApplicationSummary } from "../../src/schemas/recruitment/applications";
import { checkA11y as checkPage } from "./support/a11y";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, fieldDescription, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
/** The width the issue asks about (a common phone). */
const PHONE = { width: 390, height: 844 };
const MISSING = "机构信息缺少成立日期，无法判断申请条件";

async function checkA11y(page: Page, name: string): Promise<void> {
  await settle(page);
  await checkPage(page, name);
}

/** Shanghai's date `months` months ago, on the 10th (YYYY-MM-DD). */
function monthsAgo(months: number): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
  })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-10`;
}

test(
  "registration asks a registered organization for its founding date, in a plausible range",
  async () => {
    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await page.goto("/register");
    await pageHeading(page, "注册申请账号").waitFor();
    const date = page.getByLabel("成立日期");
    // The browser's own date field: the phone's date picker, no keyboard over the form.
    expect(await date.getAttribute("type")).toBe("date");
    expect(await date.getAttribute("min")).toBe("1950-01-01");
    await button(page, "注册并登录").click();
    await expect.poll(() => fieldDescription(date), UI_WAIT).toContain("此项必填");
    await date.fill("1949-10-01");
    await date.blur();
    await expect
      .poll(() => fieldDescription(date), UI_WAIT)
      .toContain("成立日期不能早于 1950-01-01，请检查年份");
    await checkA11y(page, "registration, founding date refused (phone)");
    await shot(page, "founding-01-register-phone");

    // An unregistered team may leave it out, and is told what that costs.
    await page.getByLabel("登记状态").click();
    await page.locator('.ant-select-item-option[title="未登记团队"]').click();
    await date.fill("");
    await expect.poll(() => fieldDescription(date), UI_WAIT).toContain("团队开始活动的日期，可不填");
    expect(await fieldDescription(date)).not.toContain("此项必填");
    await date.fill(monthsAgo(30));
    await expect.poll(() => date.inputValue(), UI_WAIT).toBe(monthsAgo(30));
    await checkA11y(page, "registration, team (phone)");
    await shot(page, "founding-02-register-team-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "“founding date missing” on an application opens the organization editor, which returns after saving",
  async () => {
    // The demo member's draft, with the founding date taken off its organization.
    const member = await e2e.api("member");
    const staff = await e2e.api("staff");
    const mine = await member.get<{ items: ApplicationSummary[] }>("/api/applications/mine");
    const draft = mine.items.find((a) => a.status === "draft");
    if (!draft) throw new Error("the demo member has no draft");
    const detail = await member.get<ApplicationDetail>(`/api/applications/${draft.id}`);
    const orgId = detail.organization.id;
    const org = await staff.get<Organization>(`/api/organizations/${orgId}`);
    await staff.patch(`/api/organizations/${orgId}`, {
      name: org.name,
      registrationStatus: org.registrationStatus,
      foundedOn: null,
      version: org.version,
    });
    const stripped = await member.get<ApplicationDetail>(`/api/applications/${draft.id}`);
    expect(stripped.problems.map((p) => p.code)).toContain("founded_on_missing");

    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(page, "member");
    await page.goto(`/my-applications/${draft.id}`);
    const checklist = page.locator("#section-checklist");
    await checklist.getByText(MISSING).waitFor();
    await checkA11y(page, "application with the founding date missing (phone)");
    await checklist.getByText(MISSING).scrollIntoViewIfNeeded();
    await shot(page, "founding-03-application-phone");

    await checklist.locator("li", { hasText: MISSING }).getByRole("button", { name: "去填写" }).click();
    await pageHeading(page, "编辑社会组织").waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/organizations/${orgId}/edit`);
    expect(url.searchParams.get("returnTo")).toBe(`/my-applications/${draft.id}`);
    await page.getByText("保存后将回到您的申请。").waitFor();
    const date = page.getByLabel("成立日期");
    await expect.poll(() => date.evaluate((el) => el === document.activeElement), UI_WAIT).toBe(true);
    await checkA11y(page, "organization editor from the application (phone)");
    await shot(page, "founding-04-editor-phone");

    await date.fill(monthsAgo(24));
    await button(page, "保存").click();
    await pageHeading(page, detail.call.title).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/my-applications/${draft.id}`);
    await checklist.waitFor();
    await expect.poll(() => checklist.getByText(MISSING).count(), UI_WAIT).toBe(0);
    await checkA11y(page, "application after the fix (phone)");
    await shot(page, "founding-05-back-phone");
    const fixed = await member.get<ApplicationDetail>(`/api/applications/${draft.id}`);
    expect(fixed.organization.foundedOn).toBe(monthsAgo(24));

    // A returnTo that leaves the app is not followed: cancelling goes to the organization.
    await page.goto(`/organizations/${orgId}/edit?returnTo=${encodeURIComponent("//evil.example/x")}`);
    await pageHeading(page, "编辑社会组织").waitFor();
    expect(await page.getByText("保存后将回到您的申请。").count()).toBe(0);
    await button(page, "取消").click();
    await expect.poll(() => new URL(page.url()).pathname, UI_WAIT).toBe(`/organizations/${orgId}`);
  },
  E2E_TEST_TIMEOUT,
);

/**
 * An organization member on a phone: the menu offers their own organization and none of the
 * base's administration; another organization's page does not exist for them; they can keep
 * their own profile up to date, but not the fields only the base may set.
 */
import { expect, test } from "vitest";
import type { SessionResponse } from "../../src/schemas/platform/auth";
import type { Organization, OrganizationPage } from "../../src/schemas/platform/organizations";
import { checkA11y } from "./support/a11y";
import { PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, mainNav, pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();

test(
  "a member on a phone sees only their own organization and can update its profile",
  async () => {
    // Which organization is the member's, and one that is not (looked up as staff).
    const member = await e2e.api("member");
    const { user } = await member.get<SessionResponse>("/api/auth/me");
    expect(user.organizationId).toBeTruthy();
    const own = await member.get<Organization>(`/api/organizations/${user.organizationId}`);
    const staff = await e2e.api("staff");
    const others = await staff.get<OrganizationPage>("/api/organizations?pageSize=5&sort=name&order=asc");
    const other = others.items.find((o) => o.id !== own.id);
    if (!other) throw new Error("the demo data should hold more than one organization");

    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await page.goto("/login");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    await checkA11y(page, "login (phone)");
    await shot(page, "login-phone");
    await signIn(page, "member");
    await checkA11y(page, "member home (phone)");
    await shot(page, "member-home-phone");

    // The menu is behind the menu button on a phone.
    const menuButton = page.getByRole("button", { name: "打开导航菜单" });
    await menuButton.click();
    const nav = mainNav(page);
    await nav.getByRole("menuitem", { name: "我的组织" }).waitFor();
    const items = await nav.getByRole("menuitem").allTextContents();
    expect(items).toContain("我的组织");
    expect(items).not.toContain("用户管理");
    expect(items).not.toContain("审计日志");
    expect(items).not.toContain("社会组织");
    await checkA11y(page, "member menu (phone)");
    await shot(page, "member-menu-phone");

    await nav.getByRole("menuitem", { name: "我的组织" }).click();
    await pageHeading(page, own.name).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organizations/${own.id}`);
    await checkA11y(page, "member's organization (phone)");
    await shot(page, "member-organization-phone");

    // Another organization's address shows a not-found page, and nothing of that organization.
    await page.goto(`/organizations/${other.id}`);
    await pageHeading(page, "页面不存在").waitFor();
    expect(await page.getByText(other.name).count()).toBe(0);
    await checkA11y(page, "not found (phone)");
    await shot(page, "member-other-organization-phone");

    // Edit their own profile: the base's fields are locked, their own address is theirs to change.
    await page.goto(`/organizations/${own.id}`);
    await pageHeading(page, own.name).waitFor();
    await button(page, "编辑").click();
    await pageHeading(page, "编辑社会组织").waitFor();
    for (const residency of ["入驻孵化", "虚拟孵化", "未入驻"]) {
      expect(await page.getByRole("radio", { name: residency }).isDisabled()).toBe(true);
    }
    expect(await page.getByText("仅基地工作人员可修改").count()).toBeGreaterThan(0);
    await checkA11y(page, "edit own organization (phone)");
    await shot(page, "member-edit-phone");

    const address = `昌平区回龙观街道测试路 ${own.version + 1} 号`;
    const field = page.getByLabel("地址", { exact: true });
    await field.fill(address);
    await button(page, "保存").click();
    await pageHeading(page, own.name).waitFor();
    await page.getByText(address).waitFor();
    await shot(page, "member-organization-saved-phone");

    const saved = await member.get<Organization>(`/api/organizations/${own.id}`);
    expect(saved.address).toBe(address);
    expect(saved.version).toBe(own.version + 1);
    expect(saved.residency).toBe(own.residency);
  },
  E2E_TEST_TIMEOUT,
);

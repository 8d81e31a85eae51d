/**
 * The administrator's pages: home figures, the account list, the audit log (which shows this
 * very sign-in), the English UI, and signing out.
 */
import { expect, test } from "vitest";
import { DEMO_ACCOUNTS } from "../../src/db/seed/changping";
import type { SessionResponse } from "../../src/schemas/platform/auth";
import type { HomeStats } from "../../src/schemas/platform/reference";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { mainNav, openFromMenu, pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();
const ADMIN_NAME = DEMO_ACCOUNTS.find((a) => a.username === "admin")?.displayName ?? "";

test(
  "an administrator sees the figures, the accounts and the audit log, in Chinese and English",
  async () => {
    const stats = await (await e2e.api("staff")).get<HomeStats>("/api/stats/home");
    const { user: admin } = await (await e2e.api("admin")).get<SessionResponse>("/api/auth/me");

    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "admin");
    await page.getByText("社会组织总数").waitFor();
    await page.getByText(String(stats.organizations), { exact: true }).first().waitFor();
    await page.getByText("入驻孵化").first().waitFor();
    await checkA11y(page, "admin home");
    await shot(page, "admin-home");

    await openFromMenu(page, "用户管理");
    const users = page.getByRole("table");
    for (const account of DEMO_ACCOUNTS) {
      await users.getByRole("cell", { name: account.username, exact: true }).waitFor();
    }
    await checkA11y(page, "user list");
    await shot(page, "admin-users");

    await openFromMenu(page, "审计日志");
    // Both of the admin's sign-ins (over the API above, then on the login page) are listed, as
    // entries about the admin's account (the row shows the start of its id).
    const signIns = page
      .getByRole("table")
      .getByRole("row")
      .filter({ has: page.getByText("auth.login", { exact: true }) })
      .filter({ hasText: `${admin.id.slice(0, 8)}…` });
    await signIns.first().waitFor();
    expect(await signIns.count()).toBeGreaterThanOrEqual(2);
    await checkA11y(page, "audit log");
    await shot(page, "admin-audit");

    // English: the same page, every label switched, and the choice kept on <html lang>.
    await page.getByRole("button", { name: "English" }).click();
    await pageHeading(page, "Audit log").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const menu = await mainNav(page).getByRole("menuitem").allTextContents();
    expect(menu).toEqual([
      "Home",
      "Organizations",
      "Calls",
      "Applications",
      "Inspections",
      "Incubations",
      "Trainings",
      "People",
      "Capacity instruments",
      "Service figures",
      "Funding",
      "Partners",
      "Mentors",
      "Experts",
      "Review rounds",
      "Rubrics",
      "Public notices",
      "Service requests",
      "Record a service",
      "Service catalogue",
      "Posts",
      "News",
      "Users",
      "Audit log",
    ]);
    await checkA11y(page, "audit log (English)");
    await shot(page, "admin-audit-en");

    await mainNav(page).getByRole("menuitem", { name: "Home", exact: true }).click();
    await pageHeading(page, "Home").waitFor();
    await page.getByText("Resident incubation").first().waitFor();
    await page.getByText("By town").waitFor();
    await checkA11y(page, "admin home (English)");
    await shot(page, "admin-home-en");

    // Sign out from the user menu: back on the login page, and the session is gone.
    await page.getByRole("button", { name: `User menu: ${ADMIN_NAME}` }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("You have signed out").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await checkA11y(page, "login after sign-out (English)");
    await shot(page, "admin-signed-out-en");

    await page.goto("/users");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
  },
  E2E_TEST_TIMEOUT,
);

/**
 * The list-page kit as staff and an administrator use it: the address bar is the list's state
 * (a shared or hand-edited link opens the same filtered, sorted page; a bad parameter costs only
 * itself; back returns to the previous list), every figure on screen is the API's answer for the
 * same parameters, and on a phone the rows are cards with a sort picker and folded filters.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { z } from "zod";
import { ORGANIZATION_LABELS } from "../../src/schemas/labels";
import type { ZAuditPage } from "../../src/schemas/platform/audit";
import type { OrganizationPage } from "../../src/schemas/platform/organizations";
import type { ZUserPage } from "../../src/schemas/platform/users";
import type { QueuePage } from "../../src/schemas/recruitment/intake";
import { checkA11y } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, listsLoaded, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();

/** The address bar's parameters, sorted, for comparing without caring about their order. */
function search(page: Page): string {
  const params = new URL(page.url()).searchParams;
  params.sort();
  return params.toString();
}

/** The list's total as the page says it ("共 26 条"). */
async function shownTotal(page: Page): Promise<number> {
  const text = await page
    .getByText(/^共 \d+ 条$/)
    .first()
    .textContent();
  return Number(/\d+/.exec(text ?? "")?.[0]);
}

test(
  "organizations: a link with a bad parameter, a search, a sorted column, back and reset",
  async () => {
    const staff = await e2e.api("staff");
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");

    // A hand-edited link: page and sort are nonsense, the residency filter is good.
    await page.goto(`${e2e.baseUrl}/organizations?residency=virtual&page=abc&sort=bogus`);
    const virtual = await staff.get<OrganizationPage>("/api/organizations?residency=virtual");
    await expect.poll(() => shownTotal(page), UI_WAIT).toBe(virtual.total);
    const filters = page.getByRole("search", { name: "筛选条件" });
    await filters.getByText(ORGANIZATION_LABELS["zh-CN"].residency.virtual).waitFor();

    // A keyword (two characters of a virtual organization's name), applied with Enter, joins the
    // filter in the address bar, trimmed; the page goes back to 1.
    const term = (virtual.items[0]?.name ?? "").slice(0, 2);
    const q = encodeURIComponent(term);
    await filters.getByLabel("关键词").fill(` ${term} `);
    await filters.getByLabel("关键词").press("Enter");
    await expect.poll(() => search(page), UI_WAIT).toBe(`q=${q}&residency=virtual`);
    const matching = await staff.get<OrganizationPage>(`/api/organizations?residency=virtual&q=${q}`);
    expect(matching.total).toBeGreaterThan(0);
    await expect.poll(() => shownTotal(page), UI_WAIT).toBe(matching.total);

    // A click on the name column sorts on the server, and says so in the address bar. (The total
    // can match before the search's page is in, when the keyword keeps every row: wait for it.)
    await listsLoaded(page);
    await page.getByRole("columnheader", { name: /组织名称/ }).click();
    await expect.poll(() => search(page), UI_WAIT).toBe(`order=asc&q=${q}&residency=virtual&sort=name`);
    const byName = await staff.get<OrganizationPage>(
      `/api/organizations?residency=virtual&q=${q}&sort=name&order=asc`,
    );
    const firstRow = page.getByRole("table").getByRole("link").first();
    await expect.poll(() => firstRow.textContent(), UI_WAIT).toBe(byName.items[0]?.name);
    await checkA11y(page, "organization list, filtered and sorted");
    await shot(page, "list-organizations-sorted");

    // Back returns to the unsorted search; the form follows the address bar.
    await page.goBack();
    await expect.poll(() => search(page), UI_WAIT).toBe(`q=${q}&residency=virtual`);
    await page.goBack();
    await expect.poll(() => filters.getByLabel("关键词").inputValue(), UI_WAIT).toBe("");

    // Reset clears every filter, in the form and in the address bar.
    await button(filters, "重置").click();
    await expect.poll(() => search(page), UI_WAIT).toBe("");
    const all = await staff.get<OrganizationPage>("/api/organizations");
    await expect.poll(() => shownTotal(page), UI_WAIT).toBe(all.total);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the intake queue on a phone: cards, a sort picker, folded filters that say how many are set",
  async () => {
    const staff = await e2e.api("staff");
    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(page, "staff");
    await page.goto(`${e2e.baseUrl}/applications?track=combined`);

    const queue = await staff.get<QueuePage>("/api/applications?track=combined");
    expect(queue.total).toBeGreaterThan(1);
    await page.getByRole("listitem").first().waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    // The track is one of the folded filters: the button tells that one is set.
    await button(page, "更多筛选 (1)").waitFor();

    await page.getByRole("combobox", { name: "排序" }).click();
    await page.getByTitle("按机构名称 (升序)").click();
    await expect.poll(() => search(page), UI_WAIT).toBe("order=asc&sort=name&track=combined");
    const sorted = await staff.get<QueuePage>("/api/applications?track=combined&sort=name&order=asc");
    const firstCard = page.getByRole("listitem").first().getByRole("link").first();
    await expect.poll(() => firstCard.textContent(), UI_WAIT).toBe(sorted.items[0]?.organization.name);
    // Each card's checkbox is named by the organization it selects, in the page's language.
    const name = sorted.items[0]?.organization.name ?? "";
    await page.getByRole("checkbox", { name: `选择${name}的申请` }).check();
    await page.getByText("已选 1 项").waitFor();
    await checkA11y(page, "intake queue on a phone");
    await shot(page, "list-queue-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "users and the audit log keep their filters in the address bar across a reload",
  async () => {
    const admin = await e2e.api("admin");
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "admin");

    await page.goto(`${e2e.baseUrl}/users?role=expert`);
    const experts = await admin.get<z.infer<typeof ZUserPage>>("/api/users?role=expert");
    await expect.poll(() => shownTotal(page), UI_WAIT).toBe(experts.total);
    await page.reload();
    await expect.poll(() => shownTotal(page), UI_WAIT).toBe(experts.total);
    await page.getByRole("search").getByText("专家").waitFor();

    await page.goto(`${e2e.baseUrl}/audit`);
    const filters = page.getByRole("search");
    await filters.getByLabel("对象类型").click();
    // Users: at least the administrator's own sign-ins.
    await page.getByTitle("用户", { exact: true }).click();
    await button(filters, "查询").click();
    await expect.poll(() => search(page), UI_WAIT).toBe("entityType=user");
    const log = await admin.get<z.infer<typeof ZAuditPage>>("/api/audit?entityType=user");
    expect(log.total).toBeGreaterThan(0);
    await expect.poll(() => shownTotal(page), UI_WAIT).toBe(log.total);
    await page.reload();
    await expect.poll(() => shownTotal(page), UI_WAIT).toBe(log.total);
    await checkA11y(page, "audit log, filtered");
    await shot(page, "list-audit-filtered");
  },
  E2E_TEST_TIMEOUT,
);

/**
 * The service figures (服务数据): staff open the page from the menu and read the totals, the
 * 4Z category × month table and the chart; the government viewer finds the card on the home;
 * staff look at a partner and its accounts. The numbers on screen are the API's.
 */
import { expect, test } from "vitest";
import type { ServiceFigures } from "../../src/schemas/services/figures";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { openFromMenu, pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();
const PHONE = { width: 390, height: 844 } as const;

test(
  "staff read the service figures by category and month",
  async () => {
    const figures = await (await e2e.api("staff")).get<ServiceFigures>("/api/stats/services");
    const section = figures.sections[0];
    if (!section) throw new Error("no section");
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await openFromMenu(page, "服务数据");
    const table = page.getByRole("table", { name: "按 4Z 类别和月份的服务次数" });
    await table.waitFor();
    // One row per month of the default period (twelve), with the API's totals.
    expect(await table.getByRole("row").count()).toBe(section.byMonth.length + 1);
    const last = section.byMonth.at(-1);
    const lastRow = table.getByRole("row", { name: new RegExp(`^${last?.month}`) });
    expect((await lastRow.getByRole("cell").nth(5).textContent())?.trim()).toBe(String(last?.deliveries));
    await page.getByText("服务次数").first().waitFor();
    await checkA11y(page, "service figures");
    await shot(page, "service-figures");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the government viewer finds the service figures on the home, also on a phone",
  async () => {
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "viewer");
    await page.getByRole("heading", { name: "服务数据（近 12 个月）" }).waitFor();
    await checkA11y(page, "viewer home with service figures");
    await shot(page, "service-figures-viewer-home");
    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(phone, "liaison");
    await phone.getByRole("heading", { name: "服务数据（近 12 个月）" }).waitFor();
    await shot(phone, "service-figures-liaison-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff open a partner and see its accounts",
  async () => {
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await openFromMenu(page, "合作伙伴");
    await page.getByRole("link", { name: "北京京北公益基金会" }).click();
    await pageHeading(page, "北京京北公益基金会").waitFor();
    await page.getByText("周明").first().waitFor();
    await checkA11y(page, "partner page");
    await shot(page, "partner-page");
  },
  E2E_TEST_TIMEOUT,
);

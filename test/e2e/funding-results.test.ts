/**
 * Funding results: staff open the money figures from the menu and follow a project to its results
 * page (demo data), where each indicator's chart draws on a canvas and the KPIs are the API's; the
 * government viewer opens the money figures from its menu; the results page on a phone.
 */
import { expect, test } from "vitest";
import { formatFen } from "../../src/domain/funding/money";
import type { FundingFigures } from "../../src/schemas/funding/figures";
import type { ProjectResults } from "../../src/schemas/funding/results";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { listsLoaded, mainNav, pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();
const PHONE = { width: 390, height: 844 } as const;
const CANTEEN = "社区助老食堂与独居老人探访";

test(
  "staff follow a project from the money figures to its results; the indicator charts draw",
  async () => {
    const api = await e2e.api("staff");
    const figures = await api.get<FundingFigures>("/api/funding/figures");
    const canteen = figures.topProjects.find((p) => p.title === CANTEEN);
    if (!canteen) throw new Error("the demo's canteen project is missing from the figures");
    const results = await api.get<ProjectResults>(`/api/projects/${canteen.projectId}/results`);
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await mainNav(page).getByRole("menuitem", { name: "资金管理" }).click();
    await mainNav(page).getByRole("menuitem", { name: "资金数据", exact: true }).click();
    await pageHeading(page, "资金数据").waitFor();
    await listsLoaded(page);
    await page.getByText(formatFen(figures.totals.committedFen)).first().waitFor();
    await checkA11y(page, "money figures");
    await shot(page, "funding-figures");
    await page.getByRole("link", { name: CANTEEN }).click();
    await pageHeading(page, `项目成效：${CANTEEN}`).waitFor();
    await listsLoaded(page);
    // One chart per indicator, drawn on a canvas, plus the spending bars.
    const charts = page.locator('[data-chart="indicator"] canvas');
    await charts.nth(results.indicators.length - 1).waitFor();
    expect(await charts.count()).toBe(results.indicators.length);
    await page.locator('[data-chart="money"] canvas').waitFor();
    await page.getByText(String(results.people), { exact: true }).first().waitFor();
    await page
      .getByText(formatFen(results.costPerPersonFen ?? 0))
      .first()
      .waitFor();
    const first = results.indicators[0];
    const table = page.getByRole("table", { name: new RegExp(first?.name ?? "") });
    expect(await table.getByRole("row").count()).toBe((first?.series.length ?? 0) + 1);
    await checkA11y(page, "project results");
    await shot(page, "funding-results");
    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(phone, "staff");
    await phone.goto(`${e2e.baseUrl}/funding/projects/${canteen.projectId}/results`);
    await pageHeading(phone, `项目成效：${CANTEEN}`).waitFor();
    await phone.locator('[data-chart="indicator"] canvas').first().waitFor();
    await shot(phone, "funding-results-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the government viewer opens the money figures from its menu",
  async () => {
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "viewer");
    await mainNav(page).getByRole("menuitem", { name: "资金管理" }).click();
    await mainNav(page).getByRole("menuitem", { name: "资金数据", exact: true }).click();
    await pageHeading(page, "资金数据").waitFor();
    await listsLoaded(page);
    await page.getByRole("table", { name: "按资金类型" }).waitFor();
    await checkA11y(page, "money figures (viewer)");
    await shot(page, "funding-figures-viewer");
  },
  E2E_TEST_TIMEOUT,
);

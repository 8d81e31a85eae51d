/**
 * The homes of the roles whose stages do not exist yet: the government viewer's and the liaison's
 * recruitment figures (an ECharts funnel loaded only on their home, with a data table beside it),
 * and the expert's plain "nothing yet, here is what you can do". At desktop and phone width.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { RecruitmentFigures } from "../../src/schemas/recruitment/figures";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { signIn } from "./support/ui";

const e2e = setupE2E();
const PHONE = { width: 390, height: 844 } as const;

/** The scripts a page fetched: the funnel's chunk must be among them on a figures home only. */
function scriptsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") urls.push(new URL(r.url()).pathname);
  });
  return urls;
}

/** The funnel's data table says what the server counted, and the chart beside it is drawn. */
async function funnelShows(
  page: Page,
  funnel: RecruitmentFigures["sections"][number]["applications"]["funnel"],
) {
  const table = page.getByRole("table", { name: "招募漏斗（数据表）" });
  await table.waitFor();
  for (const [stage, count] of [
    ["开始填写申请", funnel.started],
    ["已提交申请", funnel.submitted],
    ["通过形式审查，进入初筛", funnel.accepted],
  ] as const) {
    const row = table.getByRole("row", { name: new RegExp(`^${stage}`) });
    expect((await row.getByRole("cell").first().textContent())?.trim()).toBe(String(count));
  }
  // ECharts draws an SVG with one path per stage; it is hidden from screen readers.
  await page.locator("[aria-hidden=true] svg path").nth(2).waitFor();
}

test(
  "the government viewer reads the base's funnel, statuses, tracks, towns and registry",
  async () => {
    const figures = await (await e2e.api("viewer")).get<RecruitmentFigures>("/api/stats/recruitment");
    const section = figures.sections[0];
    if (!section) throw new Error("the viewer has no figures");
    expect(section.applications.funnel.started).toBeGreaterThan(0);

    const page = await e2e.page({ viewport: DESKTOP });
    const scripts = scriptsOf(page);
    await signIn(page, "viewer");
    await page.getByRole("heading", { name: "招募数据" }).waitFor();
    await funnelShows(page, section.applications.funnel);
    await page.getByRole("heading", { name: "按申请组织所在镇街" }).waitFor();
    await page.getByRole("heading", { name: "社会组织名录：按登记类型" }).waitFor();
    // Stage 4 beside stage 1: the incubations, per cohort with their baselines.
    await page.getByRole("heading", { name: "孵化数据" }).waitFor();
    // The chart's code is its own chunks, fetched for this home only.
    expect(scripts.filter((s) => /\/(FunnelChart|echarts)-/.test(s))).toHaveLength(2);
    await checkA11y(page, "viewer home");
    await shot(page, "viewer-home");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Recruitment funnel" }).waitFor();
    await page.getByRole("table", { name: "Recruitment funnel (data table)" }).waitFor();
    await checkA11y(page, "viewer home (English)");
    await shot(page, "viewer-home-en");

    const phone = await e2e.page({ viewport: PHONE });
    await signIn(phone, "viewer");
    await funnelShows(phone, section.applications.funnel);
    await checkA11y(phone, "viewer home (phone)");
    await shot(phone, "viewer-home-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the liaison reads its own town's figures, and staff never load the chart",
  async () => {
    const figures = await (await e2e.api("liaison")).get<RecruitmentFigures>("/api/stats/recruitment");
    const section = figures.sections[0];
    if (!figures.town || !section) throw new Error("the demo liaison has no town");

    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "liaison");
    await page.getByText(`您负责的镇街：${figures.town.name}`).waitFor();
    await funnelShows(page, section.applications.funnel);
    // One town: no breakdown by town.
    expect(await page.getByRole("heading", { name: "按申请组织所在镇街" }).count()).toBe(0);
    await checkA11y(page, "liaison home");
    await shot(page, "liaison-home");

    const phone = await e2e.page({ viewport: PHONE });
    await signIn(phone, "liaison");
    await funnelShows(phone, section.applications.funnel);
    await checkA11y(phone, "liaison home (phone)");
    await shot(phone, "liaison-home-phone");

    const staff = await e2e.page({ viewport: DESKTOP });
    const scripts = scriptsOf(staff);
    await signIn(staff, "staff");
    await staff.getByText("社会组织总数").waitFor();
    expect(scripts.filter((s) => /\/(FunnelChart|echarts)-/.test(s))).toEqual([]);
    expect(scripts.length).toBeGreaterThan(0); // the listener did see the page's scripts
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the expert is told plainly that nothing is asked yet, and what to do meanwhile",
  async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await e2e.page({ viewport });
      await signIn(page, "expert");
      await page.getByText("目前没有分配给您的评审任务。").waitFor();
      await page.getByRole("link", { name: "修改登录密码" }).waitFor();
      // Their contact as the platform has it, to check: the mobile masked, no email on file.
      await page.getByText("手机：138****0003　邮箱：未登记").waitFor();
      await page.getByRole("link", { name: "看看正在招募的项目" }).waitFor();
      await checkA11y(page, `expert home ${viewport.width}`);
      await shot(page, viewport === PHONE ? "expert-home-phone" : "expert-home");
    }
    const partner = await e2e.page({ viewport: PHONE });
    await signIn(partner, "partner");
    // The services its foundation is asked to handle (the demo assigns it three).
    await partner.getByRole("heading", { name: "请您承办的服务" }).waitFor();
    await partner.getByRole("link", { name: /查看全部（[1-9]/ }).waitFor();
    await checkA11y(partner, "partner home phone");
    await shot(partner, "partner-home-phone");
  },
  E2E_TEST_TIMEOUT,
);

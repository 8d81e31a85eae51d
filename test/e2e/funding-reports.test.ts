/**
 * Progress reports end to end: the member finds the report due on its home on a phone, fills in
 * the indicators, people and person-times, narrative and a photo, and submits; staff (at a
 * laptop) review it on the grant's reports tab and accept it; the member's home then shows the
 * next report due. axe checks every screen; the screenshots are the form on a phone, the staff's
 * tab with the review dialog, and the member's home after.
 */
import { expect, test } from "vitest";
import type { FundingWaiting, ReportView } from "../../src/schemas/funding/reports";
import { checkA11y } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, listsLoaded, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

test(
  "the member submits a report with a photo on a phone, staff accept it, the home shows the next one",
  async () => {
    const member = await e2e.api("member");
    const before = await member.get<FundingWaiting>("/api/funding/waiting");
    const [first, next] = before.reports;
    if (!first || !next) throw new Error("the demo has no reports due for the member");
    const report = await member.get<ReportView>(`/api/reports/${first.id}`);

    // The member, on a phone: from the home's card to the form.
    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(phone, "member");
    await phone.getByRole("heading", { level: 2, name: "资助项目待办" }).waitFor(UI_WAIT);
    await phone.getByRole("link", { name: `${first.grantNumber} · ${first.dueOn}` }).click();
    await pageHeading(phone, `定期报告：${report.periodStart} 至 ${report.periodEnd}`).waitFor(UI_WAIT);
    // Baseline and target are shown with each indicator (the demo's, as the API gives them).
    const [output, outcome] = report.indicators;
    if (!output || !outcome || output.unit === outcome.unit)
      throw new Error("the demo's report needs two indicators of different units");
    await phone.getByText(`目标 ${output.targetValue} ${output.unit}`, { exact: false }).waitFor();
    await phone.getByLabel(`本期数值（${output.unit}）`).fill("12");
    await phone.getByLabel(`本期数值（${outcome.unit}）`).fill("46");
    await phone.getByLabel("佐证说明").first().fill("课堂签到表 12 份");
    await phone.getByText("人次：每参加一次活动计 1 人次", { exact: false }).waitFor();
    await phone.getByLabel("新增受益人数（人）").fill("46");
    const [firstActivity, secondActivity] = report.project.activities;
    if (!firstActivity || !secondActivity) throw new Error("the demo's project needs two activities");
    await phone.getByLabel(`${firstActivity}（人次）`).fill("130");
    await phone.getByLabel(`${secondActivity}（人次）`).fill("38");
    await phone.getByLabel("工作进展").fill("本季度开设手机课堂十二节，志愿者手机门诊每周一次。");
    const chooser = phone.waitForEvent("filechooser");
    await button(phone, "上传照片").click();
    await (await chooser).setFiles({ name: "活动照片.png", mimeType: "image/png", buffer: PNG });
    await phone.getByRole("link", { name: /活动照片\.png/ }).waitFor(UI_WAIT);
    await settle(phone);
    await checkA11y(phone, "progress report form (phone)");
    await shot(phone, "funding-report-form-phone");
    await button(phone, "提交报告").click();
    await button(phone.locator(".ant-popconfirm"), "确定").click();
    await phone.getByText("待审核").first().waitFor(UI_WAIT);
    const submitted = await member.get<ReportView>(`/api/reports/${first.id}`);
    expect(submitted).toMatchObject({ status: "submitted", newPeople: 46 });
    expect(submitted.indicators.map((i) => i.value)).toEqual(["12.00", "46.00"]);
    expect(submitted.files.map((f) => f.originalName)).toEqual(["活动照片.png"]);

    // Staff, at a laptop: the grant's reports tab, the review dialog, accept.
    const staff = await e2e.page({ viewport: DESKTOP });
    await signIn(staff, "staff");
    await staff.goto(`/funding/grants/${first.grantId}?tab=reports`);
    await staff.getByRole("heading", { level: 2, name: "进展报告" }).waitFor(UI_WAIT);
    await listsLoaded(staff);
    await button(staff, "审核").click();
    const dialog = staff.getByRole("dialog");
    await dialog.getByText("本季度开设手机课堂十二节", { exact: false }).waitFor(UI_WAIT);
    await dialog.getByLabel("审核意见").fill("进展清楚，照片齐全。");
    await settle(staff);
    await checkA11y(staff, "review dialog (staff)");
    await shot(staff, "funding-report-review");
    await button(dialog, "通过").click();
    await dialog.waitFor({ state: "hidden" });
    await staff.getByText("已通过").first().waitFor(UI_WAIT);
    await listsLoaded(staff);
    await settle(staff);
    await checkA11y(staff, "grant reports tab (staff)");
    await shot(staff, "funding-grant-reports-tab");

    // The member's home now leads with the next report.
    await phone.goto("/");
    await phone.getByRole("heading", { level: 2, name: "资助项目待办" }).waitFor(UI_WAIT);
    const links = phone.locator('a[href^="/funding/reports/"]');
    await expect.poll(() => links.first().getAttribute("href"), UI_WAIT).toBe(`/funding/reports/${next.id}`);
    await settle(phone);
    await checkA11y(phone, "member home after the report (phone)");
    await shot(phone, "funding-member-home-phone");
  },
  E2E_TEST_TIMEOUT,
);

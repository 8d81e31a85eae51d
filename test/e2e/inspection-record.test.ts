/**
 * An inspector's record on a phone: an expert named on an inspection opens it from 考察, fills
 * every section at 375 px (a check's evidence as a photo from the camera input), sees what still
 * keeps it from sign-off, signs it off, and finds it read-only with 更正. Then the record on a
 * flaky connection: edits made offline wait on the device and the page says so; a reload once
 * the network is back (before anything was sent) puts them back and sends them; and a change
 * saved elsewhere meanwhile brings up both versions per field, the one chosen is saved.
 *
 * The reload happens with the network back but the saves still failing (as in
 * offline-draft.test.ts): there is no service worker, so a reload with no network at all cannot
 * load the app itself; what the device keeps is restored by the first load that can.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { InspectionDetail } from "../../src/schemas/admission/inspections";
import { checkA11y } from "./support/a11y";
import { PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { acceptWaitingApplication } from "./support/intake";
import { SHOT_DIR } from "./support/shot";
import { button, settle, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082",
  "hex",
);
const picture = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOT_DIR, `${name}.png`), fullPage: true });

/** An accepted demo application planned for the demo expert; answers the inspection. */
async function plannedForExpert(): Promise<InspectionDetail> {
  const staff = await e2e.api("staff");
  const application = await acceptWaitingApplication(staff);
  const inspectors = await staff.get<{ id: string; name: string }[]>("/api/inspections/inspectors");
  const expert = inspectors.find((u) => u.name === "张立新");
  if (!expert) throw new Error("the demo expert is not offered as an inspector");
  const { id } = await staff.post<{ id: string }>("/api/inspections", {
    applicationId: application.id,
    scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    mode: "on_site",
    place: "回龙观街道社区服务中心 302 室",
    inspectorIds: [expert.id],
  });
  return staff.get<InspectionDetail>(`/api/inspections/${id}`);
}

async function openAsExpert(id: string): Promise<Page> {
  const page = await e2e.page({ viewport: PHONE, mobile: true });
  await signIn(page, "expert");
  await page.goto(`/inspections/${id}`);
  await page.getByLabel("负责人背景").waitFor();
  return page;
}

const status = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /保存|修改|网络|自动/ })
    .first();

test(
  "an inspector records every section at phone width and signs off; the record is then read-only",
  async () => {
    const planned = await plannedForExpert();
    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(page, "expert");
    await page.goto("/inspections");
    await page.getByRole("link", { name: planned.organization.name }).first().click();
    await page.getByLabel("负责人背景").waitFor();
    await settle(page);
    await checkA11y(page, "inspection record, empty (phone)");

    await page.getByLabel("负责人背景").fill("社工专业，社区服务八年");
    await page.getByLabel("负责人投入程度").fill("全职投入");
    await page.getByLabel("负责人能力").fill("项目管理与志愿者组织");
    await page.getByRole("radiogroup", { name: "是否核实推荐人" }).getByText("是", { exact: true }).click();
    await page.getByLabel("推荐人意见").fill("街道评价积极");
    await page.getByLabel("业务模式").fill("承接政府购买服务");
    await page.getByRole("group", { name: "收入来源" }).getByText("政府购买服务").click();
    await page.getByLabel("上年度收入（元）").fill("480000");
    await page.getByLabel("上年度支出（元）").fill("455000.5");
    await page.getByRole("radiogroup", { name: "资金稳定性" }).getByText("部分稳定").click();
    await page.getByLabel("内部治理").fill("理事会五人，每季度开会");
    await page.getByLabel("主要风险").fill("收入来源单一");

    // The gaps list names what is still missing: the checks and the recommendation.
    await expect
      .poll(() => page.getByRole("list", { name: /还缺以下内容/ }).textContent(), UI_WAIT)
      .toContain("考察建议");

    const checks = planned.checks;
    for (const [i, check] of checks.entries()) {
      const group = page
        .getByRole("group")
        .filter({ has: page.locator("legend") })
        .nth(i + 1);
      await group
        .getByText(i === 0 ? "否" : "否", { exact: true })
        .first()
        .click();
      if (i === 0) {
        // The evidence of the first check is a photo from the camera.
        const chooser = page.waitForEvent("filechooser");
        await group.getByRole("button", { name: /^拍照/ }).click();
        await (await chooser).setFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });
        await group.getByRole("link", { name: "现场照片.png" }).waitFor();
      } else {
        await group.getByLabel("依据（查询渠道、所见材料）").fill(`查询结果 ${check}`);
      }
    }
    await page.getByRole("radiogroup", { name: "考察建议" }).getByText("建议进入评审").click();
    await page.getByLabel("建议理由").fill("负责人投入稳定，需求明确");
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("已保存");
    await page.getByText("记录已完整，可以签署").waitFor(UI_WAIT);
    await settle(page);
    await checkA11y(page, "inspection record, complete (phone)");
    await picture(page, "inspection-record-phone");

    await button(page, "签署考察记录").click();
    await button(page.getByRole("dialog"), "确 定")
      .or(button(page.getByRole("dialog"), "确定"))
      .click();
    await page.getByText("记录已签署，只读").waitFor(UI_WAIT);
    expect(await page.getByLabel("负责人背景").isDisabled()).toBe(true);
    await button(page, "更正").waitFor();
    await settle(page);
    await checkA11y(page, "inspection record, signed off (phone)");

    const staff = await e2e.api("staff");
    const signed = await staff.get<InspectionDetail>(`/api/inspections/${planned.id}`);
    expect(signed).toMatchObject({ status: "signed_off", recommendation: "proceed", gaps: [] });
    expect(signed.finding).toMatchObject({
      finances: { lastYearIncomeFen: 48_000_000, lastYearSpendingFen: 45_500_050 },
    });
    expect(signed.files.map((f) => f.originalName)).toEqual(["现场照片.png"]);

    // Staff at a desktop: the application page shows the inspection; the dossier prints the record.
    const desk = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await signIn(desk, "staff");
    await desk.goto(`/applications/${planned.applicationId}`);
    const card = desk.getByRole("heading", { name: "考察", exact: true });
    await card.waitFor(UI_WAIT);
    await desk.getByText("建议进入评审").first().waitFor(UI_WAIT);
    await button(desk, "考察未通过").waitFor();
    await settle(desk);
    await checkA11y(desk, "staff application page with its inspection");
    await desk.goto(`/inspections/${planned.id}`);
    await desk.getByText("记录已签署，只读").waitFor(UI_WAIT);
    await settle(desk);
    await picture(desk, "inspection-record-desktop");
    await desk.goto(`/applications/${planned.applicationId}/dossier`);
    await desk.getByRole("heading", { name: "考察", exact: true }).waitFor(UI_WAIT);
    await desk.getByRole("rowheader", { name: "负责人背景" }).waitFor();
    expect(await desk.getByRole("cell", { name: "社工专业，社区服务八年" }).count()).toBe(1);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "offline: edits wait on the device, survive a reload, are sent when back; a concurrent change offers both versions",
  async () => {
    const planned = await plannedForExpert();
    const page = await openAsExpert(planned.id);

    await page.context().setOffline(true);
    await page.getByLabel("业务模式").fill("离线时写的业务模式");
    await page.getByLabel("主要风险").fill("离线时写的风险");
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("2 处修改保存在本设备上");
    await settle(page);
    await checkA11y(page, "inspection record with changes waiting for the network (phone)");

    // The network returns but saves still fail (a flaky link): nothing reached the server.
    let blocked = 0;
    await page.route("**/api/inspections/*/finding", (route) => {
      blocked += 1;
      return route.abort("internetdisconnected");
    });
    await page.context().setOffline(false);
    await expect.poll(() => blocked, UI_WAIT).toBeGreaterThan(0);
    const staff = await e2e.api("staff");
    expect((await staff.get<InspectionDetail>(`/api/inspections/${planned.id}`)).finding).toEqual({});

    await page.unroute("**/api/inspections/*/finding");
    await page.reload();
    await page.getByLabel("业务模式").waitFor();
    await page.getByText("已恢复本设备上 2 处未发送的修改").waitFor(UI_WAIT);
    expect(await page.getByLabel("业务模式").inputValue()).toBe("离线时写的业务模式");
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("已保存");
    const saved = await staff.get<InspectionDetail>(`/api/inspections/${planned.id}`);
    expect(saved.finding).toMatchObject({ businessModel: "离线时写的业务模式", risks: "离线时写的风险" });

    // Offline again; meanwhile staff change the same field and another one.
    await page.context().setOffline(true);
    await page.getByLabel("内部治理").fill("手机上写的治理");
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("1 处修改保存在本设备上");
    await staff.patch(`/api/inspections/${planned.id}/finding`, {
      version: saved.version,
      finding: { ...saved.finding, governance: "工作人员写的治理", leader: { skills: "工作人员补充的能力" } },
    });
    await page.context().setOffline(false);
    const conflict = page.getByRole("alert").filter({ hasText: "他人同时修改了这份考察记录" });
    await conflict.waitFor(UI_WAIT);
    const field = conflict.getByRole("region", { name: "内部治理" });
    await field.getByText("手机上写的治理").waitFor();
    await field.getByText("工作人员写的治理").waitFor();
    expect(await conflict.getByRole("region", { name: "负责人能力" }).count()).toBe(0);
    await settle(page);
    await checkA11y(page, "inspection record with a conflict (phone)");
    await conflict.screenshot({ path: path.join(SHOT_DIR, "inspection-conflict-phone.png") });

    await field.getByText("服务器上的版本").click();
    await button(conflict, "按所选合并并保存").click();
    await conflict.waitFor({ state: "hidden", ...UI_WAIT });
    await expect.poll(() => page.getByLabel("内部治理").inputValue(), UI_WAIT).toBe("工作人员写的治理");
    expect(await page.getByLabel("负责人能力").inputValue()).toBe("工作人员补充的能力");
    const merged = await staff.get<InspectionDetail>(`/api/inspections/${planned.id}`);
    expect(merged.finding).toMatchObject({
      governance: "工作人员写的治理",
      businessModel: "离线时写的业务模式",
    });
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff plan an inspection from the application page: time in Beijing time, place, inspectors",
  async () => {
    const staff = await e2e.api("staff");
    const application = await acceptWaitingApplication(staff);
    const page = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "staff");
    await page.goto(`/applications/${application.id}`);
    await button(page, "安排考察").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(`安排考察：${application.organization.name}`).waitFor();
    const when = dialog.getByLabel("考察时间");
    await when.click();
    await when.fill("2026-12-20 10:00");
    await when.press("Enter");
    await dialog.getByLabel("考察地点").fill("机构办公室（昌平区某街道）");
    const who = dialog.getByLabel("考察人");
    await who.click();
    await who.fill("张立新");
    // Picked by keyboard once the filtered option is the active one: a click could land while the
    // dropdown was still moving in (CI once lost the choice that way), Enter takes the active one.
    await page.locator(".ant-select-item-option-active", { hasText: "张立新" }).waitFor(UI_WAIT);
    await who.press("Enter");
    await dialog.locator(".ant-select-selection-item", { hasText: "张立新" }).waitFor(UI_WAIT);
    // A multiple select stays open after a choice: a click elsewhere in the dialog closes it.
    await dialog.getByText(`安排考察：${application.organization.name}`).click();
    await page.locator(".ant-select-dropdown").waitFor({ state: "hidden" });
    await settle(page);
    await checkA11y(page, "plan inspection dialog");
    await button(dialog, "确定安排").click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]+$/, UI_WAIT);
    await page.getByText("机构办公室（昌平区某街道）").waitFor(UI_WAIT);
    const id = page.url().split("/").pop() as string;
    const detail = await staff.get<InspectionDetail>(`/api/inspections/${id}`);
    expect(detail).toMatchObject({
      status: "planned",
      mode: "on_site",
      scheduledAt: "2026-12-20T02:00:00.000Z",
      inspectors: [{ name: "张立新" }],
    });
    expect((await staff.get<{ status: string }>(`/api/applications/${application.id}`)).status).toBe(
      "in_inspection",
    );
  },
  E2E_TEST_TIMEOUT,
);

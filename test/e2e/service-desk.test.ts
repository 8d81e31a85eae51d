/**
 * The 4Z service desk end to end: a member asks for a catalogue service on a phone; staff (at a
 * desktop) accept it, assign it, and close it with a record and a file; the member rates it on
 * the phone. Staff keep the catalogue and record one service for three organizations at once.
 * axe checks every screen; the screenshots are the request on a phone, the staff's detail, the
 * catalogue and the group form.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { SERVICE_CATEGORIES } from "../../src/domain/services/categories";
import type { CatalogueView } from "../../src/schemas/services/catalogue";
import type { HandlerOptionsView, RecordPage } from "../../src/schemas/services/requests";
import { checkA11y } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, listsLoaded, openFromMenu, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/**
 * Picks `option` in the antd select labelled `label`, once its dropdown has finished sliding in (a
 * click during the animation can land on nothing), and waits until the dropdown is gone.
 */
async function choose(p: Page, label: string, option: string) {
  await p.getByLabel(label, { exact: true }).click();
  const item = p.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first();
  await item.waitFor();
  await settle(p);
  await item.click();
  await p.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
}

test(
  "a member asks on a phone, staff accept, assign and close with a file, the member rates it",
  async () => {
    const catalogue = await (await e2e.api("member")).get<CatalogueView>("/api/services/catalogue");
    // The first one the dropdown shows (by 4Z category), so no scrolling of its virtual list.
    const service = [...catalogue.items]
      .sort((a, b) => SERVICE_CATEGORIES.indexOf(a.category) - SERVICE_CATEGORIES.indexOf(b.category))
      .find((s) => s.mayAsk && s.handlerKind === "staff");
    if (!service) throw new Error("no catalogue service the member may ask for");
    const handlers = await (await e2e.api("staff")).get<HandlerOptionsView>("/api/services/handlers");
    const mentor = handlers.mentors[0];
    if (!mentor) throw new Error("no mentor to assign");

    // The member, on a phone.
    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(phone, "member");
    // From the home: the card of its service requests, and the way to ask.
    await phone.getByRole("heading", { level: 2, name: "我的服务申请" }).waitFor();
    await phone.getByRole("button", { name: "申请服务" }).click();
    await pageHeading(phone, "申请服务").waitFor();
    await choose(phone, "选择服务", service.name);
    await phone.getByText(`${service.responseDays} 个工作日内受理`).waitFor();
    await phone.getByLabel("具体说明").fill("我们想了解今年社区服务项目的申报政策，希望下周能面谈。");
    await button(phone, "提交申请").click();
    await pageHeading(phone, service.name).waitFor();
    const id = new URL(phone.url()).pathname.split("/").at(-1) as string;
    await phone.getByText("待受理").first().waitFor();
    await settle(phone);
    await checkA11y(phone, "service request, asked (phone)");
    await shot(phone, "service-request-phone");

    // Staff, at a desktop: accept, assign a mentor, close with a record and a file.
    const staff = await e2e.page({ viewport: DESKTOP });
    await signIn(staff, "staff");
    await staff.goto(`/services/requests/${id}`);
    await pageHeading(staff, service.name).waitFor();
    await button(staff, "受理").click();
    await staff.getByText("已受理").first().waitFor(UI_WAIT);
    await button(staff, "指派承办人").click();
    const assign = staff.getByRole("dialog");
    await choose(staff, "承办方", "导师");
    await choose(staff, "承办人", mentor.name);
    await button(assign, "确定").click();
    await assign.waitFor({ state: "hidden" });
    // The handler shows on the page once the assignment is saved.
    await staff.getByText(mentor.name, { exact: true }).first().waitFor(UI_WAIT);

    await button(staff, "完成并记录").click();
    const close = staff.getByRole("dialog");
    await close
      .getByLabel("服务经过与结果")
      .fill("讲解了区级社区服务项目的申报条件与时间节点，机构下周提交初稿。");
    const chooser = staff.waitForEvent("filechooser");
    await button(close, "上传附件").click();
    await (await chooser).setFiles({ name: "面谈纪要.png", mimeType: "image/png", buffer: PNG });
    await close.getByRole("link", { name: /面谈纪要\.png/ }).waitFor(UI_WAIT);
    await settle(staff);
    await checkA11y(staff, "close dialog with an attachment");
    await button(close, "确定").click();
    await close.waitFor({ state: "hidden" });
    await staff
      .getByRole("heading", { name: "服务记录" })
      .or(staff.getByText("服务记录", { exact: true }))
      .first()
      .waitFor(UI_WAIT);
    await staff.getByRole("link", { name: /面谈纪要\.png/ }).waitFor(UI_WAIT);
    await settle(staff);
    await checkA11y(staff, "service request, done (staff)");
    await shot(staff, "service-request-staff");

    // The member finds it on the home, waiting for a rating, and rates it on the phone.
    await phone.goto("/");
    const onHome = phone
      .getByRole("listitem")
      .filter({ has: phone.locator(`a[href="/services/requests/${id}"]`) });
    await onHome.getByText("待评价").waitFor(UI_WAIT);
    await onHome.getByRole("link", { name: service.name }).click();
    await pageHeading(phone, service.name).waitFor();
    await phone.getByText("已完成").first().waitFor(UI_WAIT);
    await phone.getByRole("link", { name: /面谈纪要\.png/ }).waitFor();
    await phone.getByRole("radio").nth(3).click();
    await phone.getByLabel("评价内容（选填）").fill("讲得很清楚，谢谢！");
    await button(phone, "提交评价").click();
    await phone.getByText("感谢您的评价").waitFor(UI_WAIT);
    await settle(phone);
    await checkA11y(phone, "service request, rated (phone)");
    await shot(phone, "service-request-rated-phone");
    const rated = await (await e2e.api("member")).get<{ record: { rating: number } }>(
      `/api/services/requests/${id}`,
    );
    expect(rated.record.rating).toBe(4);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff keep the catalogue and record one service for three organizations",
  async () => {
    const staff = await e2e.page({ viewport: DESKTOP });
    await signIn(staff, "staff");
    await openFromMenu(staff, "服务目录");
    await staff.getByRole("heading", { name: /^咨询/ }).waitFor();
    await listsLoaded(staff);
    await settle(staff);
    await checkA11y(staff, "service catalogue");
    await shot(staff, "service-catalogue");

    // Add a service, then retire it: it leaves the list unless retired ones are shown.
    await button(staff, "添加服务").click();
    const dialog = staff.getByRole("dialog");
    await dialog.getByLabel("服务名称").fill("法律体检");
    await dialog.getByLabel("服务说明").fill("律师志愿者为机构做一次合同与用工合规检查。");
    await settle(staff);
    await checkA11y(staff, "catalogue entry form");
    await button(dialog, "保存").click();
    await dialog.waitFor({ state: "hidden" });
    await staff.getByRole("button", { name: "编辑 法律体检" }).click();
    await staff.getByRole("dialog").getByText("已停用", { exact: true }).click();
    await button(staff.getByRole("dialog"), "保存").click();
    await staff.getByRole("dialog").waitFor({ state: "hidden" });
    await staff.getByText("法律体检").waitFor({ state: "hidden" });
    await staff.getByLabel(/显示已停用的服务/).click();
    await staff.getByText("法律体检").waitFor();

    // One talk, three organizations: three records from one form.
    await openFromMenu(staff, "记录服务");
    const picker = staff.getByRole("combobox", { name: "服务对象机构" });
    await picker.click();
    const options = staff.locator(".ant-select-dropdown:visible .ant-select-item-option");
    await options.nth(2).waitFor(UI_WAIT);
    // The three names first, then each clicked by its name and counted: the list redraws as
    // choices are made, so "the i-th option" may by then be one already chosen.
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push(((await options.nth(i).getAttribute("title")) ?? "").trim());
    for (const [i, name] of names.entries()) {
      await options.and(staff.locator(`[title="${name}"]`)).click();
      await staff.getByText(`已选 ${i + 1} 家`).waitFor(UI_WAIT);
    }
    await staff.keyboard.press("Escape");
    await staff.getByLabel("服务内容").fill("公益项目设计讲座");
    await staff.getByLabel("服务经过与结果").fill("讲解项目逻辑模型，三家机构各带一个项目现场修改。");
    await settle(staff);
    await checkA11y(staff, "group record form");
    await shot(staff, "service-group-record");
    await button(staff, "为 3 家机构保存记录").click();
    await staff.getByText("已为 3 家机构记录“公益项目设计讲座”").waitFor(UI_WAIT);
    const records = await (await e2e.api("staff")).get<RecordPage>("/api/services/records?pageSize=50");
    const written = records.items.filter((r) => r.title === "公益项目设计讲座");
    expect(written.map((r) => r.organizationName).sort()).toEqual(names.sort());
    expect(new Set(written.map((r) => r.batchId)).size).toBe(1);
  },
  E2E_TEST_TIMEOUT,
);

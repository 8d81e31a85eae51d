/**
 * An expert joins by invitation: staff invite them from the experts list (desktop), the text
 * carries the link, the expert opens it on a phone in a fresh browser, sets a password and lands
 * signed in on their home, with the card that leads to their reviews. Both pages pass axe.
 */
import { expect, test } from "vitest";
import { checkA11y } from "./support/a11y";
import { PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, openFromMenu, settle, signIn, UI_WAIT } from "./support/ui";

// The invitation goes by the SMS outbox; a test run at night must not wait for the morning.
process.env.SMS_QUIET_HOURS = "off";
process.env.SMS_POLL_SECONDS = "1";

const e2e = setupE2E();
const MOBILE = "17766660001";

test(
  "staff invite an expert; the expert opens the link on a phone, sets a password and lands signed in",
  async () => {
    const staff = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await signIn(staff, "staff");
    await openFromMenu(staff, "评审专家");
    await staff.getByText("张立新").first().waitFor();
    await settle(staff);
    await checkA11y(staff, "experts-list");
    await shot(staff, "experts-list-1280");

    await button(staff, "邀请专家").click();
    const dialog = staff.getByRole("dialog", { name: "邀请评审专家" });
    await dialog.getByLabel("姓名").fill("陈思远");
    await dialog.getByLabel("手机号").fill(MOBILE);
    await button(dialog, "冲突预查").click();
    await dialog.getByText("未发现利益冲突。").waitFor();
    await settle(staff);
    await checkA11y(staff, "invite-dialog");
    const since = Date.now() - 1000;
    await button(dialog, "邀请专家").click();
    await staff.getByText("已发送：短信").waitFor();

    // The text the server sent carries the link.
    let link = "";
    await expect
      .poll(() => {
        const text =
          e2e
            .sms()
            .filter((m) => m.mobile === MOBILE && m.at >= since)
            .at(-1)?.text ?? "";
        link = /https?:\/\/\S+\/experts\/join\?token=[\w-]+/.exec(text)?.[0] ?? "";
        return link;
      }, UI_WAIT)
      .not.toBe("");

    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    const url = new URL(link);
    await phone.goto(`${url.pathname}${url.search}`);
    await phone.getByRole("heading", { level: 1, name: "接受评审专家邀请" }).waitFor();
    await phone.getByText(/陈思远，.*邀请您担任评审专家/).waitFor();
    await settle(phone);
    await checkA11y(phone, "expert-join");
    await shot(phone, "expert-join-375");

    await expect.poll(() => phone.getByLabel("您的姓名").inputValue(), UI_WAIT).toBe("陈思远");
    await phone.getByLabel("新密码", { exact: true }).fill("Reviewer-2026x");
    await phone.getByLabel("确认新密码").fill("Reviewer-2026x");
    await button(phone, "接受邀请").click();

    // Straight to their assignments (none yet), and their home says the same.
    await phone.getByRole("heading", { level: 1, name: "我的评审" }).waitFor();
    expect(new URL(phone.url()).pathname).toBe("/reviews");
    await phone.goto("/");
    await phone.getByRole("heading", { level: 1, name: "首页" }).waitFor();
    await phone.getByRole("heading", { name: "我的评审" }).waitFor();
    await settle(phone);
    await checkA11y(phone, "expert-home");
    await shot(phone, "expert-home-375");

    // The link is single use: opened again, it says so.
    const again = await e2e.page({ viewport: PHONE, mobile: true });
    await again.goto(`${url.pathname}${url.search}`);
    await again.getByText("该邀请链接已使用过").waitFor();
    await checkA11y(again, "expert-join-used");

    // Staff see the new expert in the list.
    await staff.reload();
    await staff.getByRole("link", { name: "陈思远" }).waitFor();
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff record a conflict and send a sign-in link; the expert follows it, edits the profile and declares a conflict",
  async () => {
    const staff = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await signIn(staff, "staff");
    await openFromMenu(staff, "评审专家");
    await staff.getByRole("link", { name: "张立新" }).click();
    await staff.getByRole("heading", { level: 1, name: "张立新" }).waitFor();

    // Record a conflict with a registry organization, picked by name.
    const picker = staff.getByRole("combobox", { name: "社会组织" });
    await picker.click();
    await picker.fill("中心");
    // The search's own results (the list shows other names until they arrive), and the one whose
    // name was read is the one clicked, however the list redraws in between.
    const options = staff.locator(".ant-select-item-option");
    const option = options.filter({ hasText: "中心" }).first();
    await option.waitFor();
    const orgName = (await option.textContent()) ?? "";
    await options.filter({ hasText: orgName.trim() }).first().click();
    await staff.getByLabel("原因").fill("其配偶在该机构任理事");
    await button(staff, "登记利益冲突").click();
    await staff.getByText("已登记利益冲突").waitFor();
    await staff.getByText("其配偶在该机构任理事").waitFor();
    await settle(staff);
    await checkA11y(staff, "expert-detail");
    await shot(staff, "expert-detail-1280");

    const since = Date.now() - 1000;
    await button(staff, "发送登录链接").click();
    const dialog = staff.getByRole("dialog", { name: "发送登录链接" });
    await button(dialog, "发送登录链接").click();
    await staff.getByText(/登录链接已发送/).waitFor();
    let link = "";
    await expect
      .poll(() => {
        const text =
          e2e
            .sms()
            .filter((m) => m.mobile === "13800000003" && m.at >= since)
            .at(-1)?.text ?? "";
        link = /https?:\/\/\S+\/experts\/sign-in\?token=[\w-]+/.exec(text)?.[0] ?? "";
        return link;
      }, UI_WAIT)
      .not.toBe("");

    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    const url = new URL(link);
    await phone.goto(`${url.pathname}${url.search}`);
    await phone.getByRole("heading", { level: 1, name: "通过链接登录" }).waitFor();
    await checkA11y(phone, "sign-in-link");
    await button(phone, "登录并进入评审").click();
    await phone.getByRole("heading", { level: 1, name: "我的评审" }).waitFor();
    await phone.goto("/");
    await phone.getByRole("heading", { level: 1, name: "首页" }).waitFor();

    await phone.getByRole("link", { name: "完善专家资料" }).click();
    await phone.getByRole("heading", { level: 1, name: "专家资料" }).waitFor();
    await phone.getByLabel("工作单位").fill("中国农业大学");
    await phone.getByLabel("职务/职称").fill("教授");
    await button(phone, "保存").click();
    await phone.getByText("已保存").waitFor();
    // The staff's record shows among the expert's own conflicts, not withdrawable (the one
    // withdrawable is the conflict the demo's expert declared when joining).
    await phone.getByText(orgName.trim()).first().waitFor();
    await expect.poll(() => button(phone, "撤回").count(), UI_WAIT).toBe(1);
    // The expert declares one of their own, found by name.
    const own = phone.getByRole("combobox", { name: "社会组织" });
    await own.click();
    await own.fill("服务");
    const choice = phone.locator(".ant-select-item-option").filter({ hasNotText: orgName.trim() }).first();
    await choice.waitFor();
    await choice.click();
    await phone.getByLabel("原因").fill("曾为该机构做过付费咨询");
    await button(phone, "申报利益冲突").click();
    await phone.getByText("曾为该机构做过付费咨询").waitFor();
    await expect.poll(() => button(phone, "撤回").count(), UI_WAIT).toBe(2);
    await settle(phone);
    await checkA11y(phone, "expert-profile");
    await shot(phone, "expert-profile-375");
  },
  E2E_TEST_TIMEOUT,
);

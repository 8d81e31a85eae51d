/**
 * People (个人用户): a member of the public registers as an individual on a phone (375x812) with a
 * texted code and lands on the individual's home (what they can do, their trainings); then edits
 * 个人信息. Staff open 人员, filter it, open a person's page and the add dialog. axe checks every
 * screen; the screenshots are looked at.
 */
import { expect, test } from "vitest";
import { checkA11y } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, listsLoaded, openFromMenu, pageHeading, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const MOBILE = `1390088${String(Date.now() % 10_000).padStart(4, "0")}`;
const PASSWORD = "Public-learner-2026";

async function smsCode(mobile: string, since: number): Promise<string> {
  let code = "";
  await expect
    .poll(() => {
      const sms = e2e.sms().filter((m) => m.mobile === mobile && m.at >= since);
      code = /(\d{6})/.exec(sms.at(-1)?.text ?? "")?.[1] ?? "";
      return code;
    }, UI_WAIT)
    .toMatch(/^\d{6}$/);
  return code;
}

test(
  "a member of the public registers as an individual on a phone and sees their home",
  async () => {
    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await page.goto("/login");
    await page.getByRole("link", { name: "个人注册" }).click();
    await pageHeading(page, "注册个人账号").waitFor();
    expect(new URL(page.url()).searchParams.get("as")).toBe("individual");
    // No organization to give: the organization's section is not there.
    expect(await page.getByLabel("机构名称").count()).toBe(0);
    await checkA11y(page, "individual registration (phone)");
    await shot(page, "people-01-register-phone");

    await page.getByLabel("手机号", { exact: true }).fill(MOBILE);
    const asked = Date.now() - 1000;
    await button(page, "获取验证码").click();
    const code = await smsCode(MOBILE, asked);
    await page.getByLabel("短信验证码").fill(code);
    await page.getByLabel("您的姓名").fill("林晓雨");
    await page.getByLabel("登录密码").fill(PASSWORD);
    await page.getByLabel("确认密码").fill(PASSWORD);
    await page.getByLabel("工作单位").fill("昌平区某小学");
    await page.getByLabel("职务").fill("教师");
    await checkA11y(page, "individual registration filled in (phone)");
    await shot(page, "people-02-register-filled-phone");

    await button(page, "注册并登录").click();
    await pageHeading(page, "首页").waitFor();
    await page.getByRole("heading", { name: "您可以做什么" }).waitFor();
    await page.getByRole("heading", { name: "新资讯" }).waitFor();
    // Nothing enrolled yet: no empty 我的培训 card (the card above says where trainings are).
    expect(await page.getByRole("heading", { name: "我的培训" }).count()).toBe(0);
    await checkA11y(page, "individual home (phone)");
    await shot(page, "people-03-home-phone");

    await page.getByRole("link", { name: "完善个人信息" }).click();
    await pageHeading(page, "个人信息").waitFor();
    expect(await page.getByLabel("工作单位").inputValue()).toBe("昌平区某小学");
    await page.getByLabel("职务").fill("德育主任");
    await button(page, "保存").click();
    await page.getByText("个人信息已保存").waitFor();
    await checkA11y(page, "own profile (phone)");
    await shot(page, "people-04-profile-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff open 人员, filter it, open a person and the add dialog",
  async () => {
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await openFromMenu(page, "人员");
    await listsLoaded(page);
    await page.getByRole("link", { name: "赵文静" }).waitFor();
    await checkA11y(page, "people list");
    await shot(page, "people-05-list");

    await page.getByLabel("参加培训").click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="有"]').click();
    await button(page, "查询").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("trainings"), UI_WAIT).toBe("yes");
    await listsLoaded(page);
    await page.getByRole("link", { name: "赵文静" }).click();
    await pageHeading(page, "赵文静").waitFor();
    await page.getByRole("heading", { name: "培训记录" }).waitFor();
    await checkA11y(page, "a person's page");
    await shot(page, "people-06-person");

    await page.goto("/people");
    await pageHeading(page, "人员").waitFor();
    await button(page, "添加人员").click();
    await page.getByRole("dialog", { name: "添加人员" }).waitFor();
    await checkA11y(page, "add a person");
    await shot(page, "people-07-add");
  },
  E2E_TEST_TIMEOUT,
);

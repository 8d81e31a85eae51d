/**
 * People (个人用户): a member of the public registers as an individual on a phone (375x812) with a
 * texted code and lands on the individual's home (what they can do, their trainings); then edits
 * 个人信息. Staff open 人员, filter it, open a person's page and the add dialog; then edit a person
 * (a taken number refused on the field, a colleague's save meanwhile shown as a conflict) and
 * disable the account (sign-in refused). axe checks every screen; the screenshots are looked at.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { DEMO_PASSWORD } from "../../src/db/seed/changping";
import type { PersonDetail, PersonRow } from "../../src/schemas/services/people";
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

// The form's submit button, not by its name (after a failed save antd briefly keeps "loading" in it).
const save = (page: Page) => page.locator("form button[type=submit]");

test(
  "staff edit a person (a taken number, a colleague's save meanwhile) and disable the account",
  async () => {
    const staff = await e2e.api("staff");
    const found = await staff.get<{ items: PersonRow[] }>(`/api/people?q=${encodeURIComponent("孙浩然")}`);
    const id = found.items[0]?.id;
    if (!id) throw new Error("no demo person 孙浩然");
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto(`/people/${id}`);
    await pageHeading(page, "孙浩然").waitFor();
    await page.getByRole("button", { name: /编辑$/ }).click();
    await pageHeading(page, "编辑人员").waitFor();
    expect(await page.getByLabel("手机号").inputValue()).toContain("****");
    await checkA11y(page, "edit a person");
    await shot(page, "people-08-edit");

    // 赵文静's number: refused on the field, in Chinese.
    await page.getByLabel("手机号").fill("13900001001");
    await page.getByLabel("职务").fill("社区志愿者");
    await save(page).click();
    await page.getByText("该手机号已存在").waitFor();
    await checkA11y(page, "edit a person: a taken number");
    await shot(page, "people-09-edit-taken");

    // Back to the number as it was; meanwhile a colleague saves the work unit.
    const before = await staff.get<PersonDetail>(`/api/people/${id}`);
    await page.getByLabel("手机号").fill(before.mobile ?? "");
    await staff.put(`/api/people/${id}`, {
      displayName: before.displayName,
      mobile: before.mobile,
      workUnit: "回龙观街道（同事填写）",
      version: before.version,
    });
    await save(page).click();
    const keepMine = page.getByRole("button", { name: "保留我的修改（以最新版本为基础）" });
    await keepMine.waitFor();
    await checkA11y(page, "edit a person: a conflict");
    await shot(page, "people-10-edit-conflict");
    await keepMine.click();
    await page.getByText("已载入最新版本号，您的修改仍在表单中，可再次保存").waitFor();
    await save(page).click();
    await page.waitForURL((url) => url.pathname === `/people/${id}`);
    await page.getByText("人员信息已保存").waitFor();
    await page.getByText("社区志愿者").waitFor();
    expect((await staff.get<PersonDetail>(`/api/people/${id}`)).jobTitle).toBe("社区志愿者");

    await button(page, "停用账号").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("将立即退出登录").waitFor();
    await checkA11y(page, "disable a person: confirm");
    await shot(page, "people-11-disable-confirm");
    await button(dialog, "停用账号").click();
    await page.getByText("账号已停用").waitFor();
    await button(page, "启用账号").waitFor();
    await checkA11y(page, "a disabled person");
    await shot(page, "people-12-disabled");
    const login = await fetch(`${e2e.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "trainee2", password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(403);
    // The list says so too.
    await page.goto(`/people?q=${encodeURIComponent("孙浩然")}`);
    await listsLoaded(page);
    await page.locator(".ant-table-row").getByText("已停用").waitFor();
  },
  E2E_TEST_TIMEOUT,
);

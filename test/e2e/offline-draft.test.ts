/**
 * The application form on a flaky phone connection: answers typed offline wait on the device
 * (the offline draft store, IndexedDB), the page says what waits, a reload after the network is
 * back but before anything was sent puts them back and sends them; and a change made on another
 * device meanwhile meets the conflict, both versions shown, the user's choice saved.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { ApplicationDetail } from "../../src/schemas/recruitment/applications";
import type { Call } from "../../src/schemas/recruitment/calls";
import { defaultCallRules } from "../factories";
import { checkA11y } from "./support/a11y";
import type { ApiClient } from "./support/api";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { SHOT_DIR } from "./support/shot";
import { button, settle, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const PHONE = { width: 390, height: 844 };

/** A call open now with a text and a long-text question, and the member's application to it. */
async function memberApplication(
  title: string,
): Promise<{ member: ApiClient; application: ApplicationDetail }> {
  const staff = await e2e.api("staff");
  const rules = defaultCallRules();
  rules.questions.unshift({
    key: "project_name",
    label: "项目名称",
    type: "text",
    required: true,
    options: [],
    help: null,
    tracks: null,
  });
  const draft = await staff.post<Call>("/api/calls", { title, description: "", rules });
  const call = await staff.post<Call>(`/api/calls/${draft.id}/publish`, { version: draft.version });
  const member = await e2e.api("member");
  const application = await member.post<ApplicationDetail>("/api/applications", {
    callId: call.id,
    track: "org",
  });
  return { member, application };
}

async function openForm(id: string): Promise<Page> {
  const page = await e2e.page({ viewport: PHONE, mobile: true });
  await signIn(page, "member");
  await page.goto(`/my-applications/${id}`);
  await page.getByLabel(/项目名称/).waitFor();
  return page;
}

const status = (page: Page) => page.getByRole("region", { name: "保存与提交" }).getByRole("status");
const picture = (page: Page, name: string) => page.screenshot({ path: path.join(SHOT_DIR, `${name}.png`) });

test(
  "answers typed offline wait on the device, survive a reload and are sent when the network is back",
  async () => {
    const { member, application } = await memberApplication("离线草稿测试招募");
    const page = await openForm(application.id);

    await page.context().setOffline(true);
    await page.getByLabel(/项目名称/).fill("社区长者食堂");
    await page.getByLabel(/申请动机/).fill("为社区长者提供午餐");
    await expect
      .poll(() => status(page).textContent(), UI_WAIT)
      .toContain("2 项修改尚未发送，联网后自动提交");
    await settle(page);
    await checkA11y(page, "application form with changes waiting for the network");
    await picture(page, "offline-draft-waiting-phone");

    // The network returns, but the saves still do not get through (a flaky link): nothing was sent.
    let blocked = 0;
    await page.route("**/api/applications/*", (route) => {
      if (route.request().method() !== "PATCH") return route.continue();
      blocked += 1;
      return route.abort("internetdisconnected");
    });
    await page.context().setOffline(false);
    await expect.poll(() => blocked, UI_WAIT).toBeGreaterThan(0);
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("2 项修改尚未发送");
    expect((await member.get<ApplicationDetail>(`/api/applications/${application.id}`)).answers).toEqual({});

    // Reloaded with the network working: the answers come back from the device and go.
    await page.unroute("**/api/applications/*");
    await page.reload();
    await page.getByLabel(/项目名称/).waitFor();
    await page.getByText("已恢复本设备上 2 项尚未发送的修改").waitFor();
    expect(await page.getByLabel(/项目名称/).inputValue()).toBe("社区长者食堂");
    expect(await page.getByLabel(/申请动机/).inputValue()).toBe("为社区长者提供午餐");
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("已自动保存");
    const saved = await member.get<ApplicationDetail>(`/api/applications/${application.id}`);
    expect(saved.answers).toMatchObject({ project_name: "社区长者食堂", motivation: "为社区长者提供午餐" });

    // Sent, so nothing is left on the device: another reload restores nothing.
    await page.reload();
    await page.getByLabel(/项目名称/).waitFor();
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("填写内容会自动保存");
    expect(await page.evaluate(() => document.body.textContent?.includes("已恢复本设备上"))).toBe(false);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "changed on another device while offline: both versions are shown and the one chosen is saved",
  async () => {
    const { member, application } = await memberApplication("离线冲突测试招募");
    const page = await openForm(application.id);

    await page.context().setOffline(true);
    await page.getByLabel(/项目名称/).fill("我在手机上写的名称");
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("1 项修改尚未发送");

    // Meanwhile the same member, on another device, saves the same answer and another one.
    await member.patch(`/api/applications/${application.id}`, {
      version: application.version,
      answers: { project_name: "另一台设备上的名称", motivation: "另一台设备写的动机" },
    });

    await page.context().setOffline(false);
    const conflict = page.getByRole("alert").filter({ hasText: "申请表已在其他页面或设备上被修改" });
    await conflict.waitFor();
    const compare = conflict.getByRole("region", { name: "项目名称" });
    await compare.getByText("我在手机上写的名称").waitFor();
    await compare.getByText("另一台设备上的名称").waitFor();
    // Only the answer changed here is in question; the other device's other answer is not.
    expect(await conflict.getByRole("region", { name: "申请动机" }).count()).toBe(0);
    await settle(page);
    await checkA11y(page, "application form with a conflict after going back online");
    await conflict.screenshot({ path: path.join(SHOT_DIR, "offline-draft-conflict-phone.png") });

    // Signing out now would leave the unsent change on the device: the app says so first.
    await page.getByRole("button", { name: /^用户菜单/ }).click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    const dialog = page.getByRole("dialog").filter({ hasText: "有尚未发送的修改" });
    await dialog.getByText("本设备上还有您 1 项尚未发送的修改").waitFor();
    await button(dialog, "暂不退出").click();
    await dialog.waitFor({ state: "hidden" });

    await button(conflict, "保留我的内容并保存").click();
    await expect.poll(() => status(page).textContent(), UI_WAIT).toContain("已自动保存");
    const saved = await member.get<ApplicationDetail>(`/api/applications/${application.id}`);
    // Mine where I chose mine, and the other device's answer I never touched.
    expect(saved.answers).toMatchObject({
      project_name: "我在手机上写的名称",
      motivation: "另一台设备写的动机",
    });
    expect(await page.getByLabel(/申请动机/).inputValue()).toBe("另一台设备写的动机");
  },
  E2E_TEST_TIMEOUT,
);

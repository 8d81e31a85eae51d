/**
 * An applicant chooses how to hear of their applications: on a phone, from the user menu, SMS on
 * and English texts, saved; then a save over settings changed elsewhere meets the conflict banner
 * and loads the latest instead of overwriting it.
 */
import { expect, test } from "vitest";
import type { NotificationSettings } from "../../src/schemas/platform/notification-settings";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const PHONE_390 = { width: 390, height: 844 } as const;
const URL = "/api/users/me/notification-settings";

test(
  "an applicant turns SMS on in English from the user menu, and a stale save is caught",
  async () => {
    const member = await e2e.api("member");
    const page = await e2e.page({ viewport: PHONE_390 });
    await signIn(page, "member");
    await page.getByRole("button", { name: /^用户菜单/ }).click();
    await page.getByRole("menuitem", { name: "通知设置" }).click();
    await pageHeading(page, "通知设置").waitFor();

    const sms = page.getByRole("switch", { name: "短信" });
    await expect.poll(() => sms.getAttribute("aria-checked"), UI_WAIT).toBe("false");
    await expect.poll(() => page.getByText(/21:00–08:00（北京时间）不发短信/).count(), UI_WAIT).toBe(1);
    await settle(page);
    await checkA11y(page, "notification settings on a phone");
    await shot(page, "notification-settings-phone");

    await sms.click();
    // antd's button-style radio hides its input: a person clicks the label.
    await page
      .locator("label")
      .filter({ hasText: /^English$/ })
      .click();
    await button(page, "保存").click();
    await page.getByText("通知设置已保存").waitFor();
    await expect
      .poll(async () => {
        const saved = await member.get<NotificationSettings>(URL);
        return [saved.sms, saved.language, saved.version];
      }, UI_WAIT)
      .toEqual([true, "en", 1]);

    // Meanwhile, from another device, SMS is turned off again.
    const desk = await e2e.page({ viewport: DESKTOP });
    await signIn(desk, "member");
    await desk.goto("/account/notifications");
    await pageHeading(desk, "通知设置").waitFor();
    await member.put(URL, { email: false, sms: false, language: "en", version: 1 });
    await desk
      .locator("label")
      .filter({ hasText: /^中文$/ })
      .click();
    await button(desk, "保存").click();
    const loadLatest = desk.getByRole("button", { name: "放弃我的修改，载入最新内容" });
    await loadLatest.waitFor();
    await settle(desk);
    await checkA11y(desk, "notification settings with a conflict");
    await shot(desk, "notification-settings-conflict-desktop");
    await loadLatest.click();
    await expect
      .poll(() => desk.getByRole("switch", { name: "短信" }).getAttribute("aria-checked"), UI_WAIT)
      .toBe("false");
    expect((await member.get<NotificationSettings>(URL)).version).toBe(2);
  },
  E2E_TEST_TIMEOUT,
);

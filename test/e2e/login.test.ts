import { expect, test } from "vitest";
import { checkA11y } from "./support/a11y";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { submitLogin, UI_WAIT } from "./support/ui";

const e2e = setupE2E();

test(
  "a wrong password is refused with 账号或密码错误 and the user stays on the login page",
  async () => {
    const page = await e2e.page();
    await page.goto("/login");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    await checkA11y(page, "login");
    await shot(page, "login");

    await submitLogin(page, "staff", "NotThePassword1");

    const alert = page.getByRole("alert").filter({ hasText: "账号或密码错误" });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect.poll(() => page.getByLabel("账号或手机号").inputValue(), UI_WAIT).toBe("staff");
    await checkA11y(page, "login-failed");
    await shot(page, "login-failed");
  },
  E2E_TEST_TIMEOUT,
);

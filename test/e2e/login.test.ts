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

test("the server hands out the built web app: pages revalidated, hashed assets kept a year", async () => {
  const get = (path: string, method = "GET") => fetch(e2e.baseUrl + path, { method });
  const page = await get("/portal/calls/any");
  expect(page.status).toBe(200);
  expect(page.headers.get("cache-control")).toBe("no-cache");
  const html = await page.text();
  // A link checker or a proxy's health probe asks with HEAD.
  const head = await get("/my-applications", "HEAD");
  expect(head.status).toBe(200);
  expect(head.headers.get("content-type")).toContain("text/html");

  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const asset = await get(script as string);
  expect(asset.status).toBe(200);
  expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  // A chunk an older page still asks for after a deploy: a 404, not HTML under a script's name.
  const gone = await get("/assets/index-gone.js");
  expect(gone.status).toBe(404);
  expect(gone.headers.get("content-type")).toContain("application/json");
  expect((await get("/api/no-such-route")).status).toBe(404);
  // Paths the file server refuses are a plain 404 too, never a 500 in the log.
  for (const bad of ["/assets/", "/assets/..%2f..%2fpackage.json", "/assets/%00", "/assets/a%5c..%5cb.js"]) {
    expect((await get(bad)).status, bad).toBe(404);
  }
});

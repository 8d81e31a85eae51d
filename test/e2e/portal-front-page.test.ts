/**
 * /portal arrives with its calls and latest posts written in by the server
 * (areas/recruitment/portal/front-page.ts). Without scripts they are on screen and their links
 * work; with them the app replaces the page without asking for the calls or the posts again, and is the whole app afterwards: the language switch,
 * a call's page, sign-in and registration, all without reloading.
 */
import type { Page, Request } from "playwright-core";
import { expect, test } from "vitest";
import { checkA11y } from "./support/a11y";
import { PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, UI_WAIT } from "./support/ui";

const e2e = setupE2E();

/** The demo's open call. */
const OPEN_CALL = "2026年度社会组织孵化招募（第二批）";

/** The app has replaced the server's page: antd's layout is there and the page's data was taken. */
async function appRunning(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector(".ant-layout") && !document.getElementById("portal-page-data"),
    null,
    UI_WAIT,
  );
}

test(
  "without scripts: the open calls are on screen, with working links, and nothing for axe to object to",
  async () => {
    // The app's scripts never arrive, as on a phone before they have (a page with JavaScript off in
    // the browser looks the same, plus the <noscript> line; axe needs scripts to run).
    const page = await e2e.page({ viewport: PHONE, mobile: true });
    await page.route("**/assets/*.js", (route) => route.abort());
    await page.goto("/portal");
    const open = page.getByRole("region", { name: "正在招募" });
    const link = open.getByRole("link", { name: OPEN_CALL });
    await link.waitFor();
    const box = await link.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect((box?.y ?? Number.POSITIVE_INFINITY) + (box?.height ?? 0)).toBeLessThan(PHONE.height);
    await expect.poll(() => link.evaluate((a) => getComputedStyle(a).color)).toBe("rgb(9, 88, 217)");
    await page.getByRole("region", { name: "即将开始" }).getByRole("link").first().waitFor();
    await page.getByRole("link", { name: "注册" }).waitFor();
    const posts = page.getByRole("region", { name: "最新资讯" });
    expect(await posts.getByRole("listitem").first().getByRole("link").getAttribute("href")).toMatch(
      /^\/portal\/posts\/[0-9a-f-]{36}$/,
    );
    await posts.getByRole("link", { name: "更多资讯" }).waitFor();
    await checkA11y(page, "portal home as the server writes it (phone)");
    await shot(page, "portal-front-page-no-js-phone");
    expect(await link.getAttribute("href")).toMatch(/^\/portal\/calls\/[0-9a-f-]{36}$/);
    expect(await page.locator(".ant-layout").count()).toBe(0);

    const noJs = await e2e.page({ viewport: PHONE, mobile: true, javaScript: false });
    await noJs.goto("/portal");
    await noJs.getByRole("region", { name: "正在招募" }).getByRole("link", { name: OPEN_CALL }).waitFor();
    await shot(noJs, "portal-front-page-javascript-off-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "with scripts: the app takes the page over without asking for the calls, then switches language and moves on without reloading",
  async () => {
    const page = await e2e.page({ viewport: PHONE, mobile: true });
    const asked: string[] = [];
    page.on("request", (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) asked.push(url.pathname);
    });
    await page.goto("/portal");
    await appRunning(page);
    await page.getByRole("region", { name: "正在招募" }).getByRole("link", { name: OPEN_CALL }).waitFor();
    // The calls, the latest posts and "nobody is signed in" came with the page; only the public
    // notices (公示) and the next public trainings, listed below them, are asked for once the
    // app runs.
    await page.getByRole("region", { name: "最新资讯" }).getByRole("link").first().waitFor();
    const belowTheFold = ["/api/portal/notices", "/api/portal/trainings"];
    expect(asked.filter((p) => !belowTheFold.includes(p))).toEqual([]);
    await checkA11y(page, "portal home after the app took over (phone)");
    // A reload would lose this; client-side navigation keeps it.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const sameDocument = () =>
      page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("region", { name: "Open now" }).getByRole("link", { name: OPEN_CALL }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    await page.getByRole("link", { name: OPEN_CALL }).click();
    await pageHeading(page, OPEN_CALL).waitFor();
    await page.getByRole("heading", { level: 2, name: "Tracks and eligibility" }).waitFor();
    expect(await sameDocument()).toBe(true);

    await page.getByRole("link", { name: "Back to calls" }).click();
    await page.getByRole("region", { name: "Open now" }).getByRole("link").first().waitFor();
    await button(page, "Sign in").click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await sameDocument()).toBe(true);

    await page.goBack();
    await button(page, "Register").click();
    await page.waitForURL((url) => url.pathname === "/register");
    await pageHeading(page, /register/i).waitFor();
    expect(await sameDocument()).toBe(true);

    // The language chosen is the one the server writes the page in next time.
    await page.goto("/portal");
    await page.getByRole("region", { name: "Open now" }).getByRole("link", { name: OPEN_CALL }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await appRunning(page);
    await shot(page, "portal-front-page-english-phone");
  },
  E2E_TEST_TIMEOUT,
);

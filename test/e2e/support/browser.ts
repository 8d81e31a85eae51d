/**
 * Debian's Chromium driven by playwright-core (no browser download: the machine has no outside
 * network). One browser per test file; each test opens its own context (cookies, viewport).
 */
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 375, height: 812 } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Phone-like contexts also get touch and a phone's pixel ratio. */
  mobile?: boolean;
  /** false: the page as it arrives, before (or without) the app's scripts. */
  javaScript?: boolean;
}

/** A fresh context (no cookies, Chinese browser) and a page in it, opened at `baseUrl`. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: options.mobile ? 2 : 1,
    javaScriptEnabled: options.javaScript ?? true,
  });
  // Below the test's timeout, so a missing element fails with its own message (the machine is shared).
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  return { context, page };
}

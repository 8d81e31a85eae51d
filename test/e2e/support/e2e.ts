/**
 * The setup every browser test file shares: `const e2e = setupE2E()` at the top of the file starts
 * a server (fresh demo data) and a browser before the tests and stops both after them; each test
 * opens pages with `e2e.page()`, which are closed after the test (screenshot first if it failed).
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type ApiClient, apiSignIn } from "./api";
import { launchBrowser, openPage, type PageOptions } from "./browser";
import { type RunningServer, type SentSms, startServer } from "./server";
import { SHOT_DIR, shot } from "./shot";

/**
 * A whole user journey on a shared two-core machine: generous, since every step already waits
 * on what the page shows (a hang still fails, with the step that hung).
 */
export const E2E_TEST_TIMEOUT = 240_000;
/** A build (when dist is missing or stale) plus a server's first start with the demo data. */
const SETUP_TIMEOUT = 300_000;

export interface E2E {
  readonly baseUrl: string;
  /** A new browser context and page (desktop size unless told otherwise). */
  page(options?: PageOptions): Promise<Page>;
  /** An HTTP client signed in as the given account (a demo one unless a password is given). */
  api(username: string, password?: string): Promise<ApiClient>;
  /** The last part of the server's output (its log at info level, JSON lines). */
  serverOutput(): string;
  /** The text messages the server has sent so far (logged, not sent: no SMS gateway in tests). */
  sms(): SentSms[];
}

export function setupE2E(): E2E {
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  let contexts: BrowserContext[] = [];
  // What the browser said (uncaught errors, console errors), shown when a test fails.
  let browserLog: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, SETUP_TIMEOUT);

  afterEach(async (context) => {
    const name = `FAILED-${context.task.name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80)}`;
    // Last run's failure pictures of this test would only mislead.
    for (const file of readdirSync(SHOT_DIR, { withFileTypes: true })) {
      if (file.name.startsWith(name)) rmSync(path.join(SHOT_DIR, file.name));
    }
    if (context.task.result?.state === "fail") {
      if (browserLog.length) console.log(`[e2e] browser errors:\n${browserLog.join("\n")}`);
      for (const [i, ctx] of contexts.entries()) {
        for (const [j, page] of ctx.pages().entries()) {
          const file = await shot(page, `${name}-${i}-${j}`, { asIs: true }).catch(() => null);
          if (file) console.log(`[e2e] failure screenshot: ${file} (${page.url()})`);
        }
      }
    }
    await Promise.all(contexts.map((ctx) => ctx.close()));
    contexts = [];
    browserLog = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const running = () => {
    if (!server || !browser) throw new Error("setupE2E(): server and browser start in beforeAll");
    return { server, browser };
  };

  return {
    get baseUrl() {
      return running().server.baseUrl;
    },
    async page(options) {
      const { server, browser } = running();
      const { context, page } = await openPage(browser, server.baseUrl, options);
      contexts.push(context);
      page.on("pageerror", (error) =>
        browserLog.push(`  pageerror ${page.url()}: ${error.stack ?? error.message}`),
      );
      page.on("console", (message) => {
        // The login page asks /api/auth/me whether a session exists; its 401 is the answer "no".
        const expected = /status of 401/.test(message.text()) && new URL(page.url()).pathname === "/login";
        if (message.type() === "error" && !expected)
          browserLog.push(`  console.error ${page.url()}: ${message.text()}`);
      });
      return page;
    },
    api: (username, password) => apiSignIn(running().server.baseUrl, username, password),
    serverOutput: () => running().server.output(),
    sms: () => running().server.sms(),
  };
}

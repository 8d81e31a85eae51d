/** Steps several tests share, through the UI as a user does them. */

import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../../src/db/seed/changping";

/**
 * A button by its label. antd by default puts a space between the two characters of a two-character
 * Chinese label (登录 → "登 录"); the app turns that off (AppProviders), and the match tolerates
 * it either way, so the tests do not hang on a styling choice.
 */
export function button(scope: Page | Locator, label: string): Locator {
  const spaced = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s?");
  return scope.getByRole("button", { name: new RegExp(`^\\s*${spaced}\\s*$`) });
}

/** Fills the login form and submits it (the caller checks where it lands). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("账号或手机号").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await button(page, "登录").click();
}

/** Signs in through the login page and waits for the home page's heading. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await page.getByRole("heading", { level: 1, name: "首页" }).waitFor();
  expect(new URL(page.url()).pathname).toBe("/");
}

/** The main navigation (the side menu; on phones the drawer, which the caller opens first). */
export function mainNav(page: Page): Locator {
  return page.getByRole("navigation", { name: /^(主导航|Main navigation)$/ });
}

/** Opens an area from the main navigation and waits for its page heading. */
export async function openFromMenu(page: Page, item: string, heading = item): Promise<void> {
  await mainNav(page).getByRole("menuitem", { name: item, exact: true }).click();
  await pageHeading(page, heading).waitFor();
}

/** The page's one <h1>. */
export function pageHeading(page: Page, name: string | RegExp): Locator {
  return page.getByRole("heading", { level: 1, name, exact: typeof name === "string" ? true : undefined });
}

/**
 * What a form field tells the user about itself: the text of the elements its aria-describedby
 * names (antd links a Form.Item's error and help there), i.e. what a screen reader reads out.
 */
export async function fieldDescription(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
  });
}

/** For expect.poll on what the page shows (its default of one second is short on a busy machine). */
export const UI_WAIT = { timeout: 30_000, interval: 100 } as const;

/**
 * Waits until no antd animation is running (a dialog or dropdown fading in or out is drawn in
 * blended colours, which axe reads as poor contrast) and parks the pointer in a corner, so what
 * is checked is the page at rest, not a hover or a transition.
 */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          [...document.querySelectorAll("[class]")].flatMap((element) =>
            [...element.classList].filter(
              // A button's loading icon can be left in its leave state for good: not a transition.
              (name) => /^ant-.*-(enter|leave|appear)(-|$)/.test(name) && !name.includes("loading-icon"),
            ),
          ),
        ),
      UI_WAIT,
    )
    .toEqual([]);
}

/**
 * Waits until no list is loading (ListResults marks itself aria-busy): antd's loading mask takes
 * the clicks meant for a column header or a pager while a page is on its way.
 */
export async function listsLoaded(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), UI_WAIT).toBe(0);
}

/** Full-page screenshots for people to look at, under test-results/e2e/ (gitignored). */
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./build";

export const SHOT_DIR = path.join(ROOT, "test-results/e2e");

/**
 * Scrolled to the top with the pointer parked in a corner first: a full-page picture of a
 * scrolled page draws the sticky header mid-page, and a hovered button shows its tooltip.
 * `asIs` keeps the page exactly as it is (a failure's picture).
 */
export async function shot(page: Page, name: string, options: { asIs?: boolean } = {}): Promise<string> {
  const file = path.join(SHOT_DIR, `${name}.png`);
  if (!options.asIs) {
    await page.mouse.move(0, 0);
    for (const tooltip of await page.getByRole("tooltip").all()) await tooltip.waitFor({ state: "hidden" });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  return file;
}

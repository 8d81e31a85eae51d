/**
 * Accessibility: every page a test visits is checked with axe against WCAG 2.1 A/AA; a serious or
 * critical violation fails the test, with enough detail (rule, help, selectors) to find it.
 * E2E_A11Y=warn prints the violations instead of failing (only for exploring a new screen).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const BLOCKING = new Set(["serious", "critical"]);
const MAX_NODES = 8;

export async function checkA11y(page: Page, name: string): Promise<void> {
  await transitionsDone(page);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  if (blocking.length === 0) return;
  const report = blocking
    .map((v) => {
      const nodes = v.nodes.slice(0, MAX_NODES).map((n) => {
        const why = n.failureSummary?.split("\n").slice(1).join(" ").trim();
        return `      ${n.target.join(" ")}${why ? `\n        ${why}` : ""}`;
      });
      if (v.nodes.length > MAX_NODES) nodes.push(`      … and ${v.nodes.length - MAX_NODES} more`);
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join("\n")}`;
    })
    .join("\n");
  const message = `accessibility violations on "${name}" (${page.url()}):\n${report}`;
  if (process.env.E2E_A11Y === "warn") console.warn(message);
  else throw new Error(message);
}

/**
 * Colours in mid-transition (a menu item turning selected, a drawer sliding in) are blends that
 * axe reads as poor contrast: check the page at rest. Endless animations (spinners) are not
 * waited for, and after a few seconds the check goes ahead whatever runs.
 */
async function transitionsDone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .filter((a) => a.playState === "running" && a.effect?.getComputedTiming().iterations !== Infinity)
          .length === 0,
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => undefined);
}

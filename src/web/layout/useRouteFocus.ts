/**
 * After a route change, focus goes on purpose to the new page's <h1> (made focusable with
 * tabIndex=-1), so keyboard and screen-reader users start reading the new page at its title
 * instead of at the top of the document (where the browser drops focus when the element that
 * had it is unmounted). Focusing the heading is the one announcement: nothing else is spoken.
 *
 * Not on a page's first load (or a redirect before the user did anything): focus is then the
 * browser's to place, and stealing it would skip the skip link. Nor when the new page has put
 * focus in one of its own fields (autoFocus).
 */
import { useEffect } from "react";

/** How long a page may take to show its heading (code and data loading) before we give up. */
const HEADING_WAIT_MS = 10_000;

let userActed = false;
if (typeof document !== "undefined") {
  const acted = () => {
    userActed = true;
  };
  document.addEventListener("keydown", acted, { capture: true, once: true });
  document.addEventListener("pointerdown", acted, { capture: true, once: true });
}

function isField(element: Element): boolean {
  return element.matches("input, textarea, select, [contenteditable=''], [contenteditable='true']");
}

export function useRouteFocus(pathname: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path is the trigger
  useEffect(() => {
    if (!userActed) return;
    const main = document.getElementById("main-content");
    if (!main) return;
    // A page may show its heading, then rebuild it (loading state, then data): while the user
    // has not moved on, a heading we focused that is gone hands focus to its successor.
    let focused: HTMLElement | null = null;
    const follow = () => {
      if (focused?.isConnected) return;
      const active = document.activeElement;
      if (focused && active && active !== document.body) return stop();
      const heading = main.querySelector("h1");
      if (!heading) return;
      if (active && main.contains(active) && isField(active)) return stop();
      if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
      heading.focus();
      focused = heading;
    };
    const observer = new MutationObserver(follow);
    const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      document.removeEventListener("keydown", stop, true);
      document.removeEventListener("pointerdown", stop, true);
    };
    document.addEventListener("keydown", stop, true);
    document.addEventListener("pointerdown", stop, true);
    observer.observe(main, { childList: true, subtree: true });
    follow();
    return stop;
  }, [pathname]);
}

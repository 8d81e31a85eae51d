/**
 * Tab and Shift+Tab stay inside an open modal dialog. antd 6 traps focus in its Modal, Drawer
 * and confirm dialogs already (on by default with a mask), but by moving focus back when it
 * lands outside: a dialog is the last thing in the page, so Tab from its last control leaves
 * the document for the browser's own toolbar, where nothing tells the page, and one Tab was lost
 * outside. Here the press at either end wraps round to the other end instead. Installed once,
 * for every dialog (AppProviders).
 */

const CANDIDATES = "a[href], button, input, select, textarea, [tabindex], [contenteditable='true']";

/** The controls Tab stops at, in document order (a radio group's unchecked radios included). */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(CANDIDATES)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      el.getClientRects().length > 0 &&
      !el.closest("[inert]"),
  );
}

/** The dialog opened last that is still shown (closed antd dialogs stay in the DOM, hidden). */
function openDialog(): HTMLElement | null {
  const shown = [...document.querySelectorAll<HTMLElement>("[role=dialog][aria-modal=true]")].filter(
    (dialog) => dialog.getClientRects().length > 0,
  );
  return shown.at(-1) ?? null;
}

function wrapTab(event: KeyboardEvent): void {
  if (event.key !== "Tab" || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const dialog = openDialog();
  if (!dialog) return;
  const stops = tabStops(dialog);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const inside = active !== null && dialog.contains(active);
  const atEdge = event.shiftKey ? active === first : active === last;
  if (inside && !atEdge) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/** Starts wrapping Tab in dialogs; returns what stops it. */
export function wrapTabInDialogs(): () => void {
  window.addEventListener("keydown", wrapTab, true);
  return () => window.removeEventListener("keydown", wrapTab, true);
}

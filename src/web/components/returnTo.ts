/**
 * `?returnTo=` between pages: an editor opened from elsewhere (the application's checklist) goes
 * back there after saving. Only a path inside this app is followed, so a crafted link cannot send
 * the user to another site (//evil.example, /\evil.example, https://…, javascript:…).
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value?.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  try {
    const base = "https://app.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** `path` with `?returnTo=` (and any further query parameters) added. */
export function withReturnTo(path: string, returnTo: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ returnTo, ...extra });
  return `${path}?${params.toString()}`;
}

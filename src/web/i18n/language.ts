/**
 * The UI language: Chinese first, English second. Chosen once and remembered in localStorage and
 * the `lang` cookie, so the server answers errors and exports in the same language.
 */
import type { Lang } from "../../schemas/messages";

export type { Lang };

const STORAGE_KEY = "hatchery.lang";

function isLang(value: unknown): value is Lang {
  return value === "zh-CN" || value === "en";
}

function initialLanguage(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage may be blocked; fall through to the cookie
  }
  const cookie = document.cookie
    .split("; ")
    .find((part) => part.startsWith("lang="))
    ?.slice(5);
  return isLang(cookie) ? cookie : "zh-CN";
}

let current: Lang = initialLanguage();

export function currentLanguage(): Lang {
  return current;
}

/** Records the choice everywhere it matters outside React: storage, cookie, <html lang>. */
export function persistLanguage(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the cookie still carries the choice
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and older Safari
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
}

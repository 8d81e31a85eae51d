/**
 * i18next set up once, before the first render. All UI strings live in zh-CN.ts / en.ts;
 * field and error messages shared with the server come from src/schemas/messages.ts.
 */
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { FIELD_MESSAGES, type FieldMessageKey, format } from "../../schemas/messages";
import { en } from "./en";
import { currentLanguage, type Lang, persistLanguage } from "./language";
import { zhCN } from "./zh-CN";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof zhCN };
  }
}

const initial = currentLanguage();

void i18next.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
applyLanguage(initial);

function applyLanguage(lang: Lang): void {
  persistLanguage(lang);
  dayjs.locale(lang === "en" ? "en" : "zh-cn");
}

export async function changeLanguage(lang: Lang): Promise<void> {
  applyLanguage(lang);
  await i18next.changeLanguage(lang);
}

/** The current UI language, re-rendering when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "zh-CN";
}

/** A field message shared with the server (same words for the same check, in the UI language). */
export function fieldMessage(key: FieldMessageKey, params?: Record<string, unknown>): string {
  return format(FIELD_MESSAGES[key][currentLanguage()], params);
}

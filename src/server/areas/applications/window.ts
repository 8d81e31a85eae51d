/** Why the call's window refuses an act now, worded with the deadline in Shanghai time. */
import { callWindow } from "../../../domain/call";
import type { Lang } from "../../../schemas/messages";
import { AppError } from "../../errors";
import type { CallRow } from "./load";

/** "2026年12月15日 17:00" (zh-CN) or "2026-12-15 17:00" (en), Asia/Shanghai. */
export function formatShanghai(date: Date, lang: Lang): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return lang === "en"
    ? `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
    : `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/**
 * The error for acting outside the window: `draft` acts (creating one) are allowed before the
 * opening; a submit is not. An extension lets one application submit after the closing time.
 */
export function windowError(
  call: CallRow,
  now: Date,
  extendedUntil: Date | null,
  lang: Lang,
  act: "draft" | "submit",
): AppError | null {
  const window = callWindow(call, now);
  if (call.status === "closed") return new AppError("call_closed");
  if (call.status !== "published") return new AppError("not_found");
  if (window === "open") return null;
  if (now < call.opensAt) return act === "draft" ? null : new AppError("call_not_open");
  if (extendedUntil && now < extendedUntil) return null;
  const deadline = extendedUntil && extendedUntil > call.closesAt ? extendedUntil : call.closesAt;
  return new AppError("deadline_passed", {
    params: { closesAt: formatShanghai(deadline, lang) },
    details: { closesAt: deadline.toISOString() },
  });
}

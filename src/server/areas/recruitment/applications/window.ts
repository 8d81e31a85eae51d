/** Why the call's window refuses an act now, worded with the deadline in Shanghai time. */
import { deadlineOf } from "../../../../domain/application";
import { callWindow } from "../../../../domain/call";
import { shanghaiDateTimeIn } from "../../../../domain/shanghai-time";
import type { Lang } from "../../../../schemas/messages";
import { AppError } from "../../../errors";
import type { CallRow } from "./load";

/**
 * The error for acting outside the window (the same rule as `canSubmitAt`): `draft` acts
 * (creating one) are allowed before the opening; a submit is not. An extension lets one
 * application submit after the closing time, even once staff closed the call.
 */
export function windowError(
  call: CallRow,
  now: Date,
  extendedUntil: Date | null,
  lang: Lang,
  act: "draft" | "submit",
): AppError | null {
  if (call.status === "draft") return new AppError("not_found");
  if (now < call.opensAt) {
    if (call.status === "closed") return new AppError("call_closed");
    return act === "draft" ? null : new AppError("call_not_open");
  }
  if (act === "submit" && extendedUntil && now < extendedUntil) return null;
  if (call.status === "closed") return new AppError("call_closed");
  if (callWindow(call, now) === "open") return null;
  const deadline = deadlineOf(call.closesAt, extendedUntil);
  return new AppError("deadline_passed", {
    params: { closesAt: shanghaiDateTimeIn(deadline, lang) },
    details: { closesAt: deadline.toISOString() },
  });
}

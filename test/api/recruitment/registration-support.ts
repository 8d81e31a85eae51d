/**
 * Helpers for the registration tests: a recording SMS provider (the app is built with it through
 * Config.smsProvider) and anonymous requests from a chosen client address, so each test has rate
 * limits of its own.
 */
import type { LightMyRequestResponse } from "fastify";
import type { SmsProvider } from "../../../src/server/sms";
import type { TestApp } from "../../support/app";

export class RecordingSms implements SmsProvider {
  readonly sent: { mobile: string; text: string }[] = [];
  async send(mobile: string, text: string): Promise<void> {
    this.sent.push({ mobile, text });
  }
  /** The code in the latest message to this number. */
  codeFor(mobile: string): string {
    const last = this.sent.filter((m) => m.mobile === mobile).at(-1);
    const code = last?.text.match(/\d{6}/)?.[0];
    if (!code) throw new Error(`no code was sent to ${mobile}`);
    return code;
  }
}

let serial = 0;
/** A fresh mobile number no account uses. */
export function freshMobile(): string {
  serial++;
  return `137${String(Date.now() % 1e6).padStart(6, "0")}${String(serial % 100).padStart(2, "0")}`;
}

/** A distinct client address per call, so address rate limits of one test do not touch another. */
export function freshAddress(): string {
  serial++;
  return `10.9.${Math.floor(serial / 250) % 250}.${(serial % 250) + 1}`;
}

export function post(
  t: TestApp,
  url: string,
  body: unknown,
  address: string,
  lang = "zh-CN",
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: "POST",
    url,
    payload: body as object,
    remoteAddress: address,
    headers: { "accept-language": lang },
  });
}

/** Asks for a code and returns it (read from the recording provider). */
export async function codeFor(t: TestApp, sms: RecordingSms, mobile: string, address = freshAddress()) {
  const res = await post(t, "/api/registration/codes", { mobile }, address);
  if (res.statusCode !== 200) throw new Error(`code request failed: ${res.statusCode} ${res.body}`);
  return sms.codeFor(mobile);
}

export const PASSWORD = "Applicant-2026";

/**
 * 忘记密码: a phone code to the mobile on file, then a new password. Checked on the real app and
 * database: the whole reset, wrong and expired codes, the limits and the lock, that an unknown
 * or disabled account is answered exactly like a real one, and that the codes of registration
 * and of the reset do not open each other.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, phoneCodes, type users } from "../../../src/db/schema";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "../../../src/server/areas/platform/auth/service";
import { CODES_PER_ADDRESS_PER_HOUR } from "../../../src/server/phone-codes";
import type { SmsProvider } from "../../../src/server/sms";
import { FACTORY_PASSWORD, make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";
import { freshAddress, freshMobile, post, RecordingSms } from "../recruitment/registration-support";

/** How long SlowSms takes to accept a message (a busy gateway; well above a loaded machine's answer time). */
const SLOW_MS = 2500;

/** Records like RecordingSms, but takes its time to accept, as a real gateway does. */
class SlowSms extends RecordingSms implements SmsProvider {
  override async send(mobile: string, text: string): Promise<void> {
    await super.send(mobile, text);
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
  }
}

let t: TestApp;
const sms = new SlowSms();
beforeAll(async () => {
  t = await startTestApp({ smsProvider: sms });
});
afterAll(() => t.close());

const NEW_PASSWORD = "Reset-pass-2026";
const askCode = (account: string, address = freshAddress()) =>
  post(t, "/api/auth/reset/codes", { account }, address);
const reset = (account: string, code: string, newPassword = NEW_PASSWORD, address = freshAddress()) =>
  post(t, "/api/auth/reset", { account, code, newPassword }, address);
const member = (values: Partial<typeof users.$inferInsert> = {}) =>
  make(t).user({ roles: ["org_member"], mobile: freshMobile(), ...values });
/** A six-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1e6).padStart(6, "0");
/** Lets the next code for a number be asked for now (the one-minute resend wait has passed). */
const pastResendWait = (mobile: string) =>
  t.db
    .update(phoneCodes)
    .set({ createdAt: sql`now() - interval '2 minutes'` })
    .where(eq(phoneCodes.mobile, mobile));

describe("password reset", () => {
  it("texts a code to the mobile on file, sets the new password, ends every session, audits it", async () => {
    const user = await member({ mustChangePassword: true });
    const first = await t.signIn(user.username, FACTORY_PASSWORD);
    const second = await t.signIn(user.mobile as string, FACTORY_PASSWORD);
    expect((await first.get("/api/auth/me")).statusCode).toBe(200);

    const asked = await askCode(user.username.toUpperCase()); // the account name, any letter case
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 600 });
    expect(sms.sent.at(-1)?.mobile).toBe(user.mobile);
    expect(sms.sent.at(-1)?.text).toContain("重设登录密码");
    const code = sms.codeFor(user.mobile as string);

    const done = await reset(user.username, code);
    expect(done.statusCode).toBe(200);
    expect((await first.get("/api/auth/me")).statusCode).toBe(401);
    expect((await second.get("/api/auth/me")).statusCode).toBe(401);
    const old = await t
      .anonymous()
      .post("/api/auth/login", { username: user.username, password: FACTORY_PASSWORD });
    expect(old.statusCode).toBe(401);
    const signedIn = await t
      .anonymous()
      .post("/api/auth/login", { username: user.mobile, password: NEW_PASSWORD });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(false);

    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.password_reset")));
    expect(audit).toMatchObject({ actorId: user.id, after: { via: "phone_code", sessionsEnded: 2 } });
    // The code is used up.
    const again = await reset(user.username, code, "Another-pass-2026");
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: "code_invalid", field: "code" });
  });

  it("counts wrong codes: attempts left go down, the fifth locks the account's resets", async () => {
    const user = await member();
    const mobile = user.mobile as string;
    expect((await askCode(mobile)).statusCode).toBe(200);
    const code = sms.codeFor(mobile);
    for (let left = 4; left >= 1; left--) {
      const res = await reset(mobile, wrong(code));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: "code_invalid",
        field: "code",
        details: { attemptsLeft: left },
      });
    }
    const fifth = await reset(mobile, wrong(code));
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({
      code: "too_many_attempts",
      details: { retryAfterSeconds: LOCK_MINUTES * 60 },
    });
    // Locked: even the right code, and a new code, wait.
    expect((await reset(mobile, code)).statusCode).toBe(429);
    await pastResendWait(mobile);
    expect((await askCode(mobile)).statusCode).toBe(429);
    expect(MAX_FAILED_LOGINS).toBe(5);
  });

  it("refuses an expired code", async () => {
    const user = await member();
    const mobile = user.mobile as string;
    await askCode(mobile);
    const code = sms.codeFor(mobile);
    await t.db
      .update(phoneCodes)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(phoneCodes.mobile, mobile));
    const res = await reset(mobile, code);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "code_invalid", details: { attemptsLeft: 0 } });
  });

  it("checks the password policy with the field named, and a refused password keeps the code usable", async () => {
    const user = await member();
    const mobile = user.mobile as string;
    await askCode(mobile);
    const code = sms.codeFor(mobile);
    const weak = await reset(mobile, code, "short1");
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: "password_policy", field: "newPassword" });
    // The account name is not typed, but the policy still refuses it once the code proved the user.
    const withName = await reset(mobile, code, `${user.username}-2026x`);
    expect(withName.json()).toMatchObject({ code: "password_policy", field: "newPassword" });
    expect((await reset(mobile, code)).statusCode).toBe(200);
  });

  it("lets a user locked out of sign-in reset, and lifts the lock", async () => {
    const user = await member({ failedLoginCount: 0, lockedUntil: new Date(Date.now() + 10 * 60_000) });
    await askCode(user.username);
    expect((await reset(user.username, sms.codeFor(user.mobile as string))).statusCode).toBe(200);
    const res = await t
      .anonymous()
      .post("/api/auth/login", { username: user.username, password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
  });
});

describe("limits", () => {
  it("waits a minute between codes and allows five an hour per number", async () => {
    const user = await member();
    const mobile = user.mobile as string;
    expect((await askCode(mobile)).statusCode).toBe(200);
    const soon = await askCode(mobile);
    expect(soon.statusCode).toBe(429);
    expect(soon.json().details.retryAfterSeconds).toBeLessThanOrEqual(60);
    for (let i = 2; i <= 5; i++) {
      await pastResendWait(mobile);
      expect((await askCode(mobile)).statusCode).toBe(200);
    }
    await pastResendWait(mobile);
    const sixth = await askCode(mobile);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().details.retryAfterSeconds).toBe(3600);
  });

  it("limits codes per client address, whatever accounts are asked for", async () => {
    const address = freshAddress();
    for (let i = 0; i < CODES_PER_ADDRESS_PER_HOUR; i++) {
      expect((await askCode(freshMobile(), address)).statusCode).toBe(200);
    }
    expect((await askCode(freshMobile(), address)).statusCode).toBe(429);
    expect((await askCode(freshMobile(), freshAddress())).statusCode).toBe(200);
  });
});

describe("an unknown account is answered like a real one", () => {
  /** What a client sees of a response: status and body. */
  const seen = (res: { statusCode: number; json(): unknown }) => ({
    status: res.statusCode,
    body: res.json(),
  });

  it("for an unknown mobile, an unknown name, a disabled account and one with no mobile: same answers, no text", async () => {
    const real = await member();
    const disabled = await member({ status: "disabled" });
    const noMobile = await make(t).user({ roles: ["staff"] });
    const realMobile = real.mobile as string;
    const others = [freshMobile(), `nobody${Date.now()}`, disabled.mobile as string, noMobile.username];
    const sentBefore = sms.sent.length;

    const realFirst = seen(await askCode(realMobile));
    const realAgain = seen(await askCode(realMobile));
    const code = sms.codeFor(realMobile);
    const realWrong = seen(await reset(realMobile, wrong(code)));
    for (const account of others) {
      expect(seen(await askCode(account))).toEqual(realFirst);
      const again = seen(await askCode(account));
      expect(again.status).toBe(realAgain.status);
      expect(Object.keys(again.body as object)).toEqual(Object.keys(realAgain.body as object));
      expect(seen(await reset(account, wrong(code)))).toEqual(realWrong);
    }
    expect(sms.sent.length).toBe(sentBefore + 1); // only the real account was texted
    // The disabled account's password did not change, whatever code is tried.
    expect((await reset(disabled.mobile as string, code)).statusCode).toBe(400);
  });

  it("answers before the text message is accepted, so a slow gateway does not tell", async () => {
    const real = await member();
    const started = Date.now();
    const res = await askCode(real.mobile as string);
    const took = Date.now() - started;
    expect(res.statusCode).toBe(200);
    expect(took).toBeLessThan(SLOW_MS - 500);
  });

  it("takes about as long for an unknown account as for a real one", async () => {
    const timed = async (account: string) => {
      const started = performance.now();
      const res = await askCode(account);
      expect(res.statusCode).toBe(200);
      return performance.now() - started;
    };
    const real: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both alike.
    for (let i = 0; i < 15; i++) {
      real.push(await timed((await member()).mobile as string));
      unknown.push(await timed(freshMobile()));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const [r, u] = [median(real), median(unknown)];
    console.log(
      `reset code request, median of 15: real account ${r.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`,
    );
    expect(Math.abs(r - u)).toBeLessThan(Math.max(25, 0.5 * Math.min(r, u)));
  });

  it("locks an unknown account after five wrong codes, like a real one", async () => {
    const account = freshMobile();
    await askCode(account);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) statuses.push((await reset(account, "123456")).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
  });
});

describe("purposes", () => {
  it("refuses a registration code for a password reset", async () => {
    const mobile = freshMobile();
    expect((await post(t, "/api/registration/codes", { mobile }, freshAddress())).statusCode).toBe(200);
    const registrationCode = sms.codeFor(mobile);
    // The number gets an account after its registration code was sent.
    await member({ mobile });
    expect((await askCode(mobile)).statusCode).toBe(200);
    const resetCode = sms.codeFor(mobile);
    expect(resetCode).not.toBe(registrationCode); // one in a million they match: the test would say so
    const refused = await reset(mobile, registrationCode);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: "code_invalid" });
    const rows = await t.db
      .select({ purpose: phoneCodes.purpose })
      .from(phoneCodes)
      .where(eq(phoneCodes.mobile, mobile))
      .orderBy(desc(phoneCodes.createdAt));
    expect(rows.map((r) => r.purpose)).toEqual(["reset_password", "register"]);
    expect((await reset(mobile, resetCode)).statusCode).toBe(200);
  });
});

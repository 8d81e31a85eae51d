import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, organizations, phoneCodes, users } from "../../../src/db/schema";
import { REGISTRATIONS_PER_ADDRESS_PER_HOUR } from "../../../src/server/areas/recruitment/registration/register";
import { CODES_PER_ADDRESS_PER_HOUR } from "../../../src/server/phone-codes";
import { make, validCreditCode } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";
import { codeFor, freshAddress, freshMobile, PASSWORD, post, RecordingSms } from "./registration-support";

let t: TestApp;
const sms = new RecordingSms();

beforeAll(async () => {
  t = await startTestApp({ smsProvider: sms });
});
afterAll(() => t.close());

const newOrg = (over: Record<string, unknown> = {}) => ({
  mode: "new",
  name: `阳光助老服务中心${Math.floor(Math.random() * 1e6)}`,
  registrationStatus: "social_service_agency",
  creditCode: validCreditCode(),
  foundedOn: "2024-05-01",
  fields: ["elderly"],
  ...over,
});

async function registration(mobile: string, over: Record<string, unknown> = {}) {
  return {
    mobile,
    code: await codeFor(t, sms, mobile),
    password: PASSWORD,
    displayName: "王小明",
    email: "wang@example.cn",
    organization: newOrg(),
    ...over,
  };
}

/** The cookies a response set, as the next request sends them. */
function cookiesOf(res: { cookies: unknown }): Record<string, string> {
  return Object.fromEntries((res.cookies as { name: string; value: string }[]).map((c) => [c.name, c.value]));
}

describe("phone codes", () => {
  it("sends a six-digit code, stores only its hash, and says when to ask again", async () => {
    const mobile = freshMobile();
    const res = await post(t, "/api/registration/codes", { mobile }, freshAddress());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 600 });
    const code = sms.codeFor(mobile);
    expect(sms.sent.at(-1)?.text).toContain("10 分钟内有效");
    const [row] = await t.db.select().from(phoneCodes).where(eq(phoneCodes.mobile, mobile));
    expect(row?.codeHash).not.toContain(code);
    expect(row?.codeHash.length).toBeGreaterThan(20);
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
  });

  it("refuses a new code within 60 seconds (429 with the wait), then sends one", async () => {
    const mobile = freshMobile();
    const address = freshAddress();
    expect((await post(t, "/api/registration/codes", { mobile }, address)).statusCode).toBe(200);
    const again = await post(t, "/api/registration/codes", { mobile }, address);
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: "too_many_attempts" });
    expect(again.json().details.retryAfterSeconds).toBeGreaterThan(50);
    expect(again.json().details.retryAfterSeconds).toBeLessThanOrEqual(60);
    await t.db
      .update(phoneCodes)
      .set({ createdAt: sql`now() - interval '61 seconds'` })
      .where(eq(phoneCodes.mobile, mobile));
    expect((await post(t, "/api/registration/codes", { mobile }, address)).statusCode).toBe(200);
  });

  it("limits codes per number to 5 an hour", async () => {
    const mobile = freshMobile();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post(t, "/api/registration/codes", { mobile }, freshAddress())).statusCode);
      await t.db
        .update(phoneCodes)
        .set({ createdAt: sql`now() - interval '61 seconds'` })
        .where(eq(phoneCodes.mobile, mobile));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("limits codes per client address to CODES_PER_ADDRESS_PER_HOUR an hour", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= CODES_PER_ADDRESS_PER_HOUR; i++) {
      statuses.push(
        (await post(t, "/api/registration/codes", { mobile: freshMobile() }, address)).statusCode,
      );
    }
    expect(statuses.slice(0, CODES_PER_ADDRESS_PER_HOUR).every((s) => s === 200)).toBe(true);
    expect(statuses[CODES_PER_ADDRESS_PER_HOUR]).toBe(429);
    // Another address is not affected.
    expect(
      (await post(t, "/api/registration/codes", { mobile: freshMobile() }, freshAddress())).statusCode,
    ).toBe(200);
  });

  it("answers 409 for a number that already has an account, and 400 for a malformed one", async () => {
    const taken = await post(t, "/api/registration/codes", { mobile: "13800000005" }, freshAddress());
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "duplicate", field: "mobile", message: "该手机号已存在" });
    const bad = await post(t, "/api/registration/codes", { mobile: "12345" }, freshAddress());
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("mobile");
  });
});

describe("registering", () => {
  it("creates a new organization and its member account, signed in at once", async () => {
    const mobile = freshMobile();
    const body = await registration(mobile);
    const res = await post(t, "/api/registration", body, freshAddress());
    expect(res.statusCode).toBe(201);
    const answer = res.json();
    expect(answer.csrfToken).toEqual(expect.any(String));
    expect(answer.user).toMatchObject({
      username: mobile,
      displayName: "王小明",
      roles: ["org_member"],
      organizationName: body.organization.name,
      baseId: t.baseId,
    });
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", cookies: cookiesOf(res) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(answer.user.id);

    const [org] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, answer.user.organizationId));
    expect(org).toMatchObject({
      creditCode: body.organization.creditCode,
      contactPhone: mobile,
      contactName: "王小明",
    });
    const [user] = await t.db.select().from(users).where(eq(users.id, answer.user.id));
    expect(user).toMatchObject({ mobile, email: "wang@example.cn", mustChangePassword: false });
    const actions = (
      await t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.actorId, answer.user.id))
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["organization.created", "user.registered"]));
    const [code] = await t.db.select().from(phoneCodes).where(eq(phoneCodes.mobile, mobile));
    expect(code?.consumedAt).not.toBeNull();

    // The new account signs in with its mobile and password.
    const again = await t.signIn(mobile, PASSWORD);
    expect((await again.get("/api/auth/me")).json().user.organizationId).toBe(answer.user.organizationId);
  });

  it("registers an unregistered team without a credit code, and requires one when registered", async () => {
    const mobile = freshMobile();
    const missing = await post(
      t,
      "/api/registration",
      await registration(mobile, { organization: newOrg({ creditCode: "" }) }),
      freshAddress(),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: "organization.creditCode" });
    await t.db
      .update(phoneCodes)
      .set({ createdAt: sql`now() - interval '61 seconds'` })
      .where(eq(phoneCodes.mobile, mobile));
    const res = await post(
      t,
      "/api/registration",
      await registration(mobile, {
        organization: newOrg({ registrationStatus: "unregistered", creditCode: null }),
      }),
      freshAddress(),
    );
    expect(res.statusCode).toBe(201);
  });

  it("asks a registered organization for its founding date, from 1950 to today; a team may leave it out", async () => {
    const mobile = freshMobile();
    const body = await registration(mobile);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const [foundedOn, message] of [
      [null, "此项必填"],
      ["1949-12-31", "成立日期不能早于 1950-01-01，请检查年份"],
      [tomorrow, "日期不能晚于今天"],
    ] as const) {
      const res = await post(
        t,
        "/api/registration",
        { ...body, organization: newOrg({ foundedOn }) },
        freshAddress(),
      );
      expect(res.statusCode, String(foundedOn)).toBe(400);
      expect(res.json()).toMatchObject({
        code: "validation_failed",
        field: "organization.foundedOn",
        message,
      });
    }
    // None of those cost a code attempt: the same code registers the team without a date.
    const team = newOrg({ registrationStatus: "unregistered", creditCode: null, foundedOn: null });
    const res = await post(t, "/api/registration", { ...body, organization: team }, freshAddress());
    expect(res.statusCode).toBe(201);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.name, team.name));
    expect(org?.foundedOn).toBeNull();
  });

  it("links an existing organization whose contact phone is the mobile", async () => {
    const mobile = freshMobile();
    const org = await make(t).organization({ contactPhone: mobile });
    const res = await post(
      t,
      "/api/registration",
      await registration(mobile, { organization: { mode: "existing", creditCode: org.creditCode } }),
      freshAddress(),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ organizationId: org.id, organizationName: org.name });
  });

  it("refuses to link an organization claimed by an account, or whose phone on record differs", async () => {
    const other = await make(t).organization({ contactPhone: "13911112222" });
    const mobile = freshMobile();
    const differs = await post(
      t,
      "/api/registration",
      await registration(mobile, { organization: { mode: "existing", creditCode: other.creditCode } }),
      freshAddress(),
    );
    expect(differs.statusCode).toBe(409);
    expect(differs.json()).toMatchObject({ code: "organization_claimed", field: "organization.creditCode" });

    const mobile2 = freshMobile();
    const claimed = await make(t).organization({ contactPhone: mobile2 });
    await make(t).user({ roles: ["org_member"], organizationId: claimed.id });
    const res = await post(
      t,
      "/api/registration",
      await registration(mobile2, { organization: { mode: "existing", creditCode: claimed.creditCode } }),
      freshAddress(),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("organization_claimed");
    expect(await t.db.select().from(users).where(eq(users.mobile, mobile2))).toHaveLength(0);
  });

  it("tells a new organization whose credit code is taken to link the existing one", async () => {
    const existing = await make(t).organization();
    const mobile = freshMobile();
    const res = await post(
      t,
      "/api/registration",
      await registration(mobile, { organization: newOrg({ creditCode: existing.creditCode }) }),
      freshAddress(),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "organization_exists", field: "organization.creditCode" });
    expect(res.json().message).toContain("已登记的机构");
    // Told before the code was checked: no attempt spent.
    const [code] = await t.db.select().from(phoneCodes).where(eq(phoneCodes.mobile, mobile));
    expect(code?.attempts).toBe(0);
    const unknown = await post(
      t,
      "/api/registration",
      await registration(freshMobile(), {
        organization: { mode: "existing", creditCode: validCreditCode() },
      }),
      freshAddress(),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: "organization.creditCode" });
  });

  it("refuses a wrong or expired code, and nothing is created", async () => {
    const mobile = freshMobile();
    const body = await registration(mobile);
    const wrong = await post(
      t,
      "/api/registration",
      { ...body, code: body.code === "000000" ? "000001" : "000000" },
      freshAddress(),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "code_invalid", field: "code", details: { attemptsLeft: 4 } });
    await t.db
      .update(phoneCodes)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(phoneCodes.mobile, mobile));
    const expired = await post(t, "/api/registration", body, freshAddress());
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe("code_invalid");
    expect(await t.db.select().from(users).where(eq(users.mobile, mobile))).toHaveLength(0);
    expect(
      await t.db
        .select()
        .from(organizations)
        .where(eq(organizations.name, body.organization.name as string)),
    ).toHaveLength(0);
  });

  it("kills a code after five attempts, even the right one after", async () => {
    const mobile = freshMobile();
    const body = await registration(mobile);
    const wrongCode = body.code === "111111" ? "222222" : "111111";
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(t, "/api/registration", { ...body, code: wrongCode }, freshAddress());
      left.push(res.json().details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const right = await post(t, "/api/registration", body, freshAddress());
    expect(right.statusCode).toBe(400);
    expect(right.json()).toMatchObject({ code: "code_invalid", details: { attemptsLeft: 0 } });
  });

  it("checks the password policy before spending a code attempt", async () => {
    const mobile = freshMobile();
    const body = await registration(mobile);
    const weak = await post(t, "/api/registration", { ...body, password: `a${mobile}` }, freshAddress());
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: "password_policy", field: "password" });
    const [row] = await t.db
      .select()
      .from(phoneCodes)
      .where(and(eq(phoneCodes.mobile, mobile)));
    expect(row?.attempts).toBe(0);
    expect((await post(t, "/api/registration", body, freshAddress())).statusCode).toBe(201);
  });

  it("refuses a mobile that registered meanwhile (409 duplicate)", async () => {
    const mobile = freshMobile();
    const body = await registration(mobile);
    await make(t).user({ mobile, roles: ["staff"] });
    const res = await post(t, "/api/registration", body, freshAddress());
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "duplicate", field: "mobile" });
  });

  it("limits registrations per client address to REGISTRATIONS_PER_ADDRESS_PER_HOUR an hour", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= REGISTRATIONS_PER_ADDRESS_PER_HOUR; i++) {
      const res = await post(
        t,
        "/api/registration",
        {
          mobile: "13700000000",
          code: "000000",
          password: "x",
          displayName: "x",
          organization: { mode: "existing", creditCode: validCreditCode() },
        },
        address,
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, REGISTRATIONS_PER_ADDRESS_PER_HOUR).every((s) => s !== 429)).toBe(true);
    expect(statuses[REGISTRATIONS_PER_ADDRESS_PER_HOUR]).toBe(429);
  });

  it("registers with the call's base when a call is given, and lists the bases", async () => {
    const call = await make(t).call();
    const res = await post(
      t,
      "/api/registration",
      await registration(freshMobile(), { callId: call.id }),
      freshAddress(),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().user.baseId).toBe(call.baseId);
    const bases = await t.anonymous().get("/api/registration/bases");
    expect(bases.statusCode).toBe(200);
    expect(bases.json().items).toEqual([
      { id: t.baseId, name: expect.any(String), towns: expect.any(Array) },
    ]);
    expect(bases.json().items[0].towns.length).toBeGreaterThan(0);
  });
});

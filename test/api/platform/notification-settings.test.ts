/** Each user's own notification channels: defaults, saving with a version, 409, 400 per field. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../src/db/schema";
import { FACTORY_PASSWORD, make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const URL = "/api/users/me/notification-settings";
let serial = 0;

async function signedInUser(values: Parameters<ReturnType<typeof make>["user"]>[0]) {
  const user = await make(t).user({ username: `settings${++serial}`, ...values });
  return { user, client: await t.signIn(user.username, FACTORY_PASSWORD) };
}

describe("notification settings", () => {
  it("default to SMS for an applicant with a proven mobile, and email where there is an address", async () => {
    const { client } = await signedInUser({
      roles: ["org_member"],
      mobile: "13912340001",
      mobileConfirmedAt: new Date(),
    });
    const res = await client.get(URL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      email: false,
      sms: true,
      language: "zh-CN",
      emailAddress: null,
      mobile: "139****0001",
      smsLimits: { dailyCap: 5, quietFrom: "21:00", quietUntil: "08:00" },
      version: 0,
    });
    // Staff were created by an administrator: their number is not proven, so no SMS by default.
    const staff = (await (await t.signIn("staff")).get(URL)).json();
    expect(staff).toMatchObject({ sms: false, version: 0 });
    expect(staff.email).toBe(staff.emailAddress !== null);
  });

  it("save with a version, answer 409 to a stale one and audit the change", async () => {
    const { user, client } = await signedInUser({ mobile: "13912340002", email: "s2@example.cn" });
    const first = await client.put(URL, { email: false, sms: true, language: "en", version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ email: false, sms: true, language: "en", version: 1 });

    const stale = await client.put(URL, { email: true, sms: true, language: "en", version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 1 } });

    const second = await client.put(URL, { email: true, sms: false, language: "zh-CN", version: 1 });
    expect(second.json()).toMatchObject({ email: true, sms: false, language: "zh-CN", version: 2 });
    expect((await client.get(URL)).json()).toMatchObject({ email: true, sms: false, version: 2 });

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.filter((a) => a.action === "user.notification_settings_changed")).toHaveLength(2);
  });

  it("refuse a channel the account has no address for, naming the field", async () => {
    const { client } = await signedInUser({ mobile: null, email: null });
    const sms = await client.put(URL, { email: false, sms: true, language: "zh-CN", version: 0 });
    expect(sms.statusCode).toBe(400);
    expect(sms.json()).toMatchObject({ field: "sms", message: expect.stringContaining("没有手机号码") });
    const email = await client.put(URL, { email: true, sms: false, language: "zh-CN", version: 0 });
    expect(email.json()).toMatchObject({ field: "email" });
    const bad = await client.put(URL, { email: false, sms: "yes", language: "zh-CN", version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: "sms" });
    const lang = await client.put(URL, { email: false, sms: false, language: "fr", version: 0 });
    expect(lang.json()).toMatchObject({ field: "language" });
    // Nothing was saved by any of them.
    expect((await client.get(URL)).json()).toMatchObject({ version: 0 });
  });

  it("stop defaulting to SMS once an administrator types in another number", async () => {
    const { user, client } = await signedInUser({
      roles: ["org_member"],
      mobile: "13912340003",
      mobileConfirmedAt: new Date(),
    });
    expect((await client.get(URL)).json()).toMatchObject({ sms: true });
    const admin = await t.signIn("admin");
    const changed = await admin.patch(`/api/users/${user.id}`, {
      displayName: user.displayName,
      roles: ["mentor"],
      mobile: "13912340004",
      version: user.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await client.get(URL)).json()).toMatchObject({ sms: false, mobile: "139****0004" });
  });

  it("are one's own: no session, no settings", async () => {
    expect((await t.anonymous().get(URL)).statusCode).toBe(401);
  });
});

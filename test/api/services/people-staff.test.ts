/**
 * What staff do to a person after adding them: edit the profile and the mobile (the sign-in) from
 * the account's version (bad input, a taken number and a stale save refused with nothing
 * written; audited), disable and re-enable the account (sessions end, sign-in refused, then
 * allowed again), and the text that tells a person staff added how to sign in (queued with the
 * account, sent by the SMS outbox, never carrying a password).
 */
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bases, personProfiles, smsOutbox, users } from "../../../src/db/schema";
import { parseQuietHours, shanghaiDayStart } from "../../../src/domain/sms-schedule";
import type { PersonDetail } from "../../../src/schemas/services/people";
import { processDueSms } from "../../../src/server/areas/platform/notifications/sms-outbox";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { RecordingSms } from "../recruitment/registration-support";
import { addPerson, peopleMobile } from "./people-support";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const FIRST_PASSWORD = "First-pass-2026";
const masked = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

async function person(id: string): Promise<PersonDetail> {
  const res = await staff.get(`/api/people/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A person staff added with a first password (so the tests can sign in as them), and their mobile. */
async function added(over: Record<string, unknown> = {}) {
  const mobile = peopleMobile();
  const id = await addPerson(staff, { mobile, password: FIRST_PASSWORD, workUnit: "社区卫生站", ...over });
  // As if they had changed it at the first sign-in, so their session can do more than that.
  await t.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, id));
  return { id, mobile };
}

const account = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];
const login = (username: string) =>
  t.anonymous().post("/api/auth/login", { username, password: FIRST_PASSWORD });

describe("staff edit a person", () => {
  it("saves name, email, work unit and title; the masked mobile sent back keeps the number; audited", async () => {
    const { id, mobile } = await added();
    const before = await person(id);
    expect(before.mobile).toBe(masked(mobile));
    const res = await staff.put(`/api/people/${id}`, {
      displayName: "陈静（社区）",
      mobile: before.mobile,
      email: "chen@example.cn",
      workUnit: "回龙观社区卫生站",
      jobTitle: "护士",
      version: before.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: "陈静（社区）",
      mobile: masked(mobile),
      email: "chen@example.cn",
      workUnit: "回龙观社区卫生站",
      jobTitle: "护士",
      version: before.version + 1,
    });
    expect((await account(id))?.mobile).toBe(mobile);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "person.updated")));
    expect(entry?.before).toEqual({
      displayName: "矩阵测试学员",
      email: null,
      workUnit: "社区卫生站",
      jobTitle: null,
    });
    expect(entry?.after).toMatchObject({ displayName: "陈静（社区）", jobTitle: "护士" });
    // The person's own 个人信息, open from before, is stale now.
    const [profile] = await t.db.select().from(personProfiles).where(eq(personProfiles.userId, id));
    expect(profile?.version).toBe(2);
  });

  it("a new mobile becomes the sign-in (the old one no longer signs in) and is not confirmed", async () => {
    const { id, mobile } = await added();
    const fresh = peopleMobile();
    const res = await staff.put(`/api/people/${id}`, {
      displayName: "换号学员",
      mobile: `${fresh.slice(0, 3)} ${fresh.slice(3, 7)} ${fresh.slice(7)}`,
      version: (await person(id)).version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await account(id)).toMatchObject({ mobile: fresh, username: fresh, mobileConfirmedAt: null });
    expect((await login(fresh)).statusCode).toBe(200);
    expect((await login(mobile)).statusCode).toBe(401);
  });

  it("refuses bad input with a 400 naming the field, in Chinese, and changes nothing", async () => {
    const { id, mobile } = await added();
    const { version } = await person(id);
    const cases: [Record<string, unknown>, string][] = [
      [{ displayName: "" }, "displayName"],
      [{ displayName: "   " }, "displayName"],
      [{ displayName: "陈\u0007静" }, "displayName"],
      [{ workUnit: "社区\u0000卫生站" }, "workUnit"],
      [{ mobile: "12345" }, "mobile"],
      [{ mobile: "" }, "mobile"],
      [{ mobile: "139****0000" }, "mobile"],
      [{ email: "not-an-email" }, "email"],
      [{ jobTitle: "长".repeat(51) }, "jobTitle"],
    ];
    for (const [over, field] of cases) {
      const res = await staff.put(`/api/people/${id}`, {
        displayName: "改名",
        mobile: masked(mobile),
        version,
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().field, JSON.stringify(over)).toBe(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await person(id)).toMatchObject({ displayName: "矩阵测试学员", version });
  });

  it("refuses a number another account signs in with (409 on the mobile field), writing nothing", async () => {
    const { id } = await added();
    const other = await added();
    const { version } = await person(id);
    const taken = await staff.put(`/api/people/${id}`, {
      displayName: "撞号",
      mobile: other.mobile,
      version,
    });
    expect([taken.statusCode, taken.json().code, taken.json().field]).toEqual([409, "duplicate", "mobile"]);
    expect(taken.json().message).toBe("该手机号已存在");
    // An account name that is a number counts too: sign-in is by either.
    const named = peopleMobile();
    await make(t).user({ username: named, roles: ["staff"] });
    const asName = await staff.put(`/api/people/${id}`, { displayName: "撞号", mobile: named, version });
    expect(asName.statusCode).toBe(409);
    expect(await person(id)).toMatchObject({ displayName: "矩阵测试学员", version });
  });

  it("a stale save is 409 and changes nothing", async () => {
    const { id, mobile } = await added();
    const { version } = await person(id);
    const body = { displayName: "第一次", mobile: masked(mobile), version };
    expect((await staff.put(`/api/people/${id}`, body)).statusCode).toBe(200);
    const stale = await staff.put(`/api/people/${id}`, { ...body, displayName: "第二次" });
    expect([stale.statusCode, stale.json().code]).toEqual([409, "version_conflict"]);
    expect((await person(id)).displayName).toBe("第一次");
  });

  it("only individuals of the staff's base: anyone else's account is 404; members may not", async () => {
    const { id, mobile } = await added();
    const body = { displayName: "越权", mobile: masked(mobile), version: 1 };
    for (const roles of [["staff"], ["org_member"]] as const) {
      const notPerson = await make(t).user({ roles: [...roles] });
      const notBody = { ...body, mobile: peopleMobile(), version: notPerson.version };
      expect((await staff.put(`/api/people/${notPerson.id}`, notBody)).statusCode).toBe(404);
      const disable = await staff.post(`/api/people/${notPerson.id}/disable`, { version: notPerson.version });
      expect(disable.statusCode).toBe(404);
      expect((await account(notPerson.id))?.status).toBe("active");
    }
    const [me] = await t.db.select().from(users).where(eq(users.username, "staff"));
    expect((await staff.post(`/api/people/${me?.id}/disable`, { version: me?.version })).statusCode).toBe(
      404,
    );
    const [elsewhere] = await t.db
      .insert(bases)
      .values({ code: "people-staff-elsewhere", name: "另一基地", district: "别处" })
      .returning();
    const foreign = await make({ db: t.db, baseId: elsewhere?.id as string }).user({ roles: ["staff"] });
    const foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
    expect((await foreignStaff.put(`/api/people/${id}`, body)).statusCode).toBe(404);
    expect((await foreignStaff.post(`/api/people/${id}/disable`, { version: 1 })).statusCode).toBe(404);
    const member = await t.signIn("member");
    expect((await member.put(`/api/people/${id}`, body)).statusCode).toBe(403);
    const self = await t.signIn(mobile, FIRST_PASSWORD);
    expect((await self.put(`/api/people/${id}`, body)).statusCode).toBe(403);
    expect((await person(id)).displayName).toBe("矩阵测试学员");
  });
});

describe("staff disable and enable a person", () => {
  it("disabling ends the person's sessions and refuses sign-in; enabling lets them in again", async () => {
    const { id, mobile } = await added();
    const self = await t.signIn(mobile, FIRST_PASSWORD);
    expect((await self.get("/api/people/me")).statusCode).toBe(200);
    const disabled = await staff.post(`/api/people/${id}/disable`, { version: (await person(id)).version });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().status).toBe("disabled");
    expect((await self.get("/api/people/me")).statusCode).toBe(401);
    const refused = await login(mobile);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "account_disabled"]);
    expect(refused.json().message).toBe("账号已停用，请联系管理员");

    const stale = await staff.post(`/api/people/${id}/enable`, { version: disabled.json().version - 1 });
    expect(stale.statusCode).toBe(409);
    expect((await account(id))?.status).toBe("disabled");
    const enabled = await staff.post(`/api/people/${id}/enable`, { version: disabled.json().version });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json().status).toBe("active");
    expect((await login(mobile)).statusCode).toBe(200);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(desc(auditLog.id));
    const changes = actions.map((a) => a.action).filter((a) => a.startsWith("user."));
    expect(changes).toEqual(["user.enabled", "user.disabled"]);
  });
});

describe("the text to a person staff added", () => {
  const queued = (mobile: string) => t.db.select().from(smsOutbox).where(eq(smsOutbox.mobile, mobile));

  it("says how to sign in: this mobile and 忘记密码; or that staff give the first password, never the password", async () => {
    const byPhone = peopleMobile();
    await addPerson(staff, { mobile: byPhone });
    const [phoneText] = await queued(byPhone);
    expect(phoneText?.body).toContain("已为您开通个人账号");
    expect(phoneText?.body).toContain("本手机号");
    expect(phoneText?.body).toContain("忘记密码");

    const { mobile } = await added();
    const [passwordText] = await queued(mobile);
    expect(passwordText?.body).toContain("工作人员");
    expect(passwordText?.body).not.toContain(FIRST_PASSWORD);
    expect(passwordText?.body).not.toContain("忘记密码");

    // Sent by the outbox worker (a pass at ten tomorrow, Shanghai, outside quiet hours).
    const provider = new RecordingSms();
    const tomorrow = new Date(shanghaiDayStart(new Date()).getTime() + 34 * 3_600_000);
    const limits = { dailyCap: 5, quiet: parseQuietHours("21:00-08:00").quiet };
    const logger = { info() {}, warn() {}, error() {} };
    await processDueSms(t.db, provider, limits, logger, { now: tomorrow });
    expect(provider.sent.find((m) => m.mobile === byPhone)?.text).toBe(phoneText?.body);
    expect(provider.sent.find((m) => m.mobile === mobile)?.text).toBe(passwordText?.body);
  });

  it("is not queued when adding fails (a taken number)", async () => {
    const { mobile } = await added();
    expect((await staff.post("/api/people", { displayName: "重复", mobile })).statusCode).toBe(409);
    expect(await queued(mobile)).toHaveLength(1);
  });
});

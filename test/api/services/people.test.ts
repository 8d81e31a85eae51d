/**
 * Individuals (个人用户) through the API: registering with a confirmed phone (bad input and a
 * taken number refused with nothing written), staff adding a person and how that person signs
 * in, the staff's list (keyword, has trainings, has series progress, sort, pages) and its .xlsx
 * read back against the list, a person's page from what the trainings store, the own profile
 * (409 when stale), and who sees whom (an individual only itself; another base's person is 404).
 */
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bases, personProfiles, users } from "../../../src/db/schema";
import type { PersonRow } from "../../../src/schemas/services/people";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { codeFor, freshAddress, PASSWORD, post, RecordingSms } from "../recruitment/registration-support";
import { addPerson, attendTraining, peopleMobile } from "./people-support";

let t: TestApp;
let staff: Client;
const sms = new RecordingSms();

beforeAll(async () => {
  t = await startTestApp({ smsProvider: sms });
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const REGISTER = "/api/registration/individual";

async function registration(mobile: string, over: Record<string, unknown> = {}) {
  return {
    mobile,
    code: await codeFor(t, sms, mobile),
    password: PASSWORD,
    displayName: "林晓雨",
    email: "lin@example.cn",
    workUnit: "昌平区某小学",
    jobTitle: "教师",
    ...over,
  };
}

const accountsWith = (mobile: string) => t.db.select().from(users).where(eq(users.mobile, mobile));

describe("registering as an individual", () => {
  it("creates an individual account with a confirmed phone and its profile, and signs in", async () => {
    const mobile = peopleMobile();
    const res = await post(t, REGISTER, await registration(mobile), freshAddress());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user).toMatchObject({
      roles: ["individual"],
      organizationId: null,
      displayName: "林晓雨",
    });
    const [user] = await accountsWith(mobile);
    expect(user?.mobileConfirmedAt).not.toBeNull();
    const [profile] = await t.db
      .select()
      .from(personProfiles)
      .where(eq(personProfiles.userId, user?.id ?? ""));
    expect(profile).toMatchObject({ workUnit: "昌平区某小学", jobTitle: "教师", source: "registration" });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, user?.id ?? ""));
    expect(entry?.action).toBe("person.registered");
    // The session it got works, and the person signs in again by mobile.
    const me = await t.signIn(mobile, PASSWORD);
    expect((await me.get("/api/people/me")).json()).toMatchObject({
      mobile,
      workUnit: "昌平区某小学",
      version: 1,
    });
  });

  it("refuses bad input with a 400 naming the field, in Chinese, and writes nothing", async () => {
    const mobile = peopleMobile();
    // One code for every case (a new one would wait out the resend time); the wrong code last.
    const valid = await registration(mobile);
    const cases: [Record<string, unknown>, string][] = [
      [{ displayName: "" }, "displayName"],
      [{ email: "not-an-email" }, "email"],
      [{ password: "short" }, "password"],
      [{ workUnit: "单".repeat(101) }, "workUnit"],
      [{ code: "000000" }, "code"],
    ];
    for (const [over, field] of cases) {
      const body = { ...valid, ...over };
      const res = await post(t, REGISTER, body, freshAddress());
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await accountsWith(mobile)).toEqual([]);
  });

  it("refuses a number that already has an account (the code request and the registration, 409)", async () => {
    const mobile = peopleMobile();
    await addPerson(staff, { mobile });
    const code = await post(t, "/api/registration/codes", { mobile }, freshAddress());
    expect(code.statusCode).toBe(409);
    expect(code.json()).toMatchObject({ code: "duplicate", field: "mobile" });
    const res = await post(t, REGISTER, { ...(await registration(peopleMobile())), mobile }, freshAddress());
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe("mobile");
    expect(await accountsWith(mobile)).toHaveLength(1);
  });
});

describe("staff add a person", () => {
  it("without a password: the person sets theirs with 忘记密码 on the mobile staff gave", async () => {
    const mobile = peopleMobile();
    const res = await staff.post("/api/people", {
      displayName: "陈静",
      mobile,
      workUnit: "社区卫生站",
      email: "",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      displayName: "陈静",
      source: "staff",
      workUnit: "社区卫生站",
      email: null,
      trainings: 0,
      addedByName: expect.any(String),
      mobile: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
    });
    const [user] = await accountsWith(mobile);
    expect(user).toMatchObject({ roles: ["individual"], mustChangePassword: false, mobileConfirmedAt: null });
    const address = freshAddress();
    expect((await post(t, "/api/auth/reset/codes", { account: mobile }, address)).statusCode).toBe(200);
    const reset = await post(
      t,
      "/api/auth/reset",
      { account: mobile, code: sms.codeFor(mobile), newPassword: "Chen-own-2026" },
      address,
    );
    expect(reset.statusCode, reset.body).toBe(200);
    const client = await t.signIn(mobile, "Chen-own-2026");
    expect((await client.get("/api/people/me")).json().displayName).toBe("陈静");
  });

  it("with a first password: it signs in and must be changed", async () => {
    const mobile = peopleMobile();
    const res = await staff.post("/api/people", { displayName: "吴磊", mobile, password: "First-pass-2026" });
    expect(res.statusCode, res.body).toBe(201);
    const [user] = await accountsWith(mobile);
    expect(user?.mustChangePassword).toBe(true);
    const login = await t
      .anonymous()
      .post("/api/auth/login", { username: mobile, password: "First-pass-2026" });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ roles: ["individual"], mustChangePassword: true });
  });

  it("refuses bad input (400) and a taken number (409), writing nothing; members may not add", async () => {
    const mobile = peopleMobile();
    const bad = await staff.post("/api/people", { displayName: "", mobile });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("displayName");
    const weak = await staff.post("/api/people", { displayName: "弱密码", mobile, password: "123" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe("password");
    expect((await staff.post("/api/people", { displayName: "号码错", mobile: "12345" })).json().field).toBe(
      "mobile",
    );
    expect(await accountsWith(mobile)).toEqual([]);
    const existing = peopleMobile();
    await addPerson(staff, { mobile: existing });
    const taken = await staff.post("/api/people", { displayName: "重复", mobile: existing });
    expect([taken.statusCode, taken.json().code]).toEqual([409, "duplicate"]);
    const member = await t.signIn("member");
    expect((await member.post("/api/people", { displayName: "越权", mobile })).statusCode).toBe(403);
  });
});

describe("the staff's list, its export and a person's page", () => {
  let tag: string;
  let attendee: string;
  let enrolledOnly: string;
  let idle: string;
  let seriesId: string;

  beforeAll(async () => {
    tag = `列表${Date.now() % 100000}`;
    attendee = await addPerson(staff, { displayName: `${tag}甲`, workUnit: "甲单位" });
    enrolledOnly = await addPerson(staff, { displayName: `${tag}乙` });
    idle = await addPerson(staff, { displayName: `${tag}丙` });
    const series = await staff.post("/api/training-series", { kind: "talent", title: `${tag}人才班` });
    seriesId = series.json().id;
    await attendTraining(staff, attendee, { seriesId, required: true, topic: "必修一" });
    await attendTraining(staff, attendee, { seriesId, required: true, attend: false, topic: "必修二" });
    await attendTraining(staff, attendee, { topic: "单场培训" });
    await attendTraining(staff, enrolledOnly, { attend: false });
  });

  const list = async (query: string) => {
    const res = await staff.get(`/api/people?q=${encodeURIComponent(tag)}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: PersonRow[]; total: number };
  };
  const names = (page: { items: PersonRow[] }) => page.items.map((p) => p.displayName.slice(tag.length));

  it("filters by keyword (name or part of the mobile), trainings and series progress", async () => {
    expect((await list("")).total).toBe(3);
    expect(names(await list("trainings=yes&sort=name&order=asc"))).toEqual(["乙", "甲"]);
    expect(names(await list("trainings=no"))).toEqual(["丙"]);
    expect(names(await list("series=yes"))).toEqual(["甲"]);
    expect(names(await list("series=no&sort=name&order=asc"))).toEqual(["丙", "乙"]);
    const [row] = (await list("series=yes")).items;
    expect(row).toMatchObject({ trainings: 3, attended: 2, minutes: 240, series: 1, workUnit: "甲单位" });
    expect(row?.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    const [user] = await t.db.select().from(users).where(eq(users.id, idle));
    const byPhone = await staff.get(`/api/people?q=${user?.mobile?.slice(4)}`);
    expect(byPhone.json().items.map((p: PersonRow) => p.id)).toEqual([idle]);
  });

  it("sorts by attended minutes and pages", async () => {
    expect(names(await list("sort=minutes&order=desc"))[0]).toBe("甲");
    const first = await list("sort=name&order=asc&pageSize=2&page=1");
    const second = await list("sort=name&order=asc&pageSize=2&page=2");
    expect([first.total, first.items.length, second.items.length]).toEqual([3, 2, 1]);
    expect(new Set([...names(first), ...names(second)]).size).toBe(3);
    expect((await staff.get("/api/people?sort=age")).statusCode).toBe(400);
    expect((await staff.get("/api/people?trainings=maybe")).json().field).toBe("trainings");
  });

  it("exports the filtered list (all pages) as .xlsx, the same rows as the API, audited", async () => {
    const query = `q=${encodeURIComponent(tag)}&trainings=yes&sort=name&order=asc`;
    const res = await staff.get(`/api/people/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("人员名单");
    const rows: unknown[][] = [];
    sheet?.eachRow((r, n) => {
      if (n > 1) rows.push((r.values as unknown[]).slice(1));
    });
    const api = (await staff.get(`/api/people?${query}&pageSize=1`)).json();
    const all = (await staff.get(`/api/people?${query}&pageSize=200`)).json().items as PersonRow[];
    expect(api.total).toBe(2);
    expect(rows.map((r) => [r[0], r[1], r[6], r[7], r[8], r[9]])).toEqual(
      all.map((p) => [
        p.displayName,
        p.mobile,
        p.trainings,
        p.attended,
        Math.round(p.minutes / 6) / 10,
        p.series,
      ]),
    );
    expect(book.getWorksheet("说明")?.getCell("B6").value).toBe("2");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "person.exported")));
    expect(entry).toBeDefined();
  });

  it("shows a person's enrolments, attendance, hours and series progress", async () => {
    const res = await staff.get(`/api/people/${attendee}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.enrolments.map((e: { topic: string }) => e.topic).sort()).toEqual([
      "单场培训",
      "必修一",
      "必修二",
    ]);
    expect(p.enrolments.find((e: { topic: string }) => e.topic === "必修二")).toMatchObject({
      status: "enrolled",
      attendedAt: null,
      minutes: 0,
    });
    expect(p).toMatchObject({ trainings: 3, attended: 2, minutes: 240, series: 1 });
    expect(p.seriesProgress).toEqual([
      expect.objectContaining({
        seriesId,
        kind: "talent",
        attendedModules: 1,
        requiredDone: 1,
        requiredModules: 2,
        minutes: 120,
        certificateNumber: null,
      }),
    ]);
  });
});

describe("one's own profile and who sees whom", () => {
  let me: Client;
  let myId: string;
  let other: string;

  beforeAll(async () => {
    const mobile = peopleMobile();
    myId = await addPerson(staff, { mobile, password: "Mine-pass-2026", displayName: "郑一" });
    me = await t.signIn(mobile, "Mine-pass-2026");
    // The first password is changed before anything else opens.
    const changed = await me.post("/api/auth/password", {
      currentPassword: "Mine-pass-2026",
      newPassword: "Mine-own-2026",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    other = await addPerson(staff, { displayName: "郑二" });
  });

  it("edits the profile with its version; a stale save is 409 and changes nothing", async () => {
    const before = (await me.get("/api/people/me")).json();
    expect(before.version).toBe(1);
    const body = {
      displayName: "郑一鸣",
      email: "zheng@example.cn",
      workUnit: "街道办",
      jobTitle: "",
      version: 1,
    };
    const saved = await me.put("/api/people/me", body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      displayName: "郑一鸣",
      jobTitle: null,
      workUnit: "街道办",
      version: 2,
    });
    const stale = await me.put("/api/people/me", { ...body, displayName: "旧版本", version: 1 });
    expect(stale.statusCode).toBe(409);
    const bad = await me.put("/api/people/me", { ...body, email: "nope", version: 2 });
    expect([bad.statusCode, bad.json().field]).toEqual([400, "email"]);
    expect((await me.get("/api/people/me")).json()).toMatchObject({ displayName: "郑一鸣", version: 2 });
    expect((await me.get("/api/auth/me")).json().user.displayName).toBe("郑一鸣");
  });

  it("an individual reads only itself (another person is 404) and none of the staff's routes", async () => {
    const own = await me.get(`/api/people/${myId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().mobile).not.toContain("*");
    expect((await me.get(`/api/people/${other}`)).statusCode).toBe(404);
    expect((await me.get("/api/people")).statusCode).toBe(403);
    expect((await me.get("/api/people/export.xlsx")).statusCode).toBe(403);
    expect((await me.post("/api/people", { displayName: "越权", mobile: peopleMobile() })).statusCode).toBe(
      403,
    );
  });

  it("staff see only individuals of their own base; other roles have no profile or people", async () => {
    const [staffUser] = await t.db.select().from(users).where(eq(users.username, "staff"));
    expect((await staff.get(`/api/people/${staffUser?.id}`)).statusCode).toBe(404);
    expect((await staff.get("/api/people/me")).statusCode).toBe(403);
    const [elsewhere] = await t.db
      .insert(bases)
      .values({ code: "people-elsewhere", name: "另一基地", district: "别处" })
      .returning();
    const foreign = await make({ db: t.db, baseId: elsewhere?.id as string }).user({ roles: ["staff"] });
    const foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
    expect((await foreignStaff.get(`/api/people/${other}`)).statusCode).toBe(404);
    const theirs = (await foreignStaff.get("/api/people?pageSize=200")).json().items as PersonRow[];
    expect(theirs.map((p) => p.id)).not.toContain(other);
    const member = await t.signIn("member");
    expect((await member.get(`/api/people/${other}`)).statusCode).toBe(403);
    expect((await member.get("/api/people/me")).statusCode).toBe(403);
  });
});

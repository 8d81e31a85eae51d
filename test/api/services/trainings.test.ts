/**
 * Trainings through the API: create and publish (bad input refused with nothing changed, stale
 * versions 409), enrolment with the waitlist (the first waiting moves up and is told; two people
 * taking the last seat at once: exactly one gets it), the rotating check-in code (expired,
 * another training's, reused, not enrolled), attendance to the service ledger and the growth
 * file and back, feedback once, the day-before reminder once, the attendance sheet read back,
 * series and the certificate, the portal, and who sees what.
 */
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bases,
  growthEvents,
  notifications,
  serviceDeliveries,
  trainingEnrolments,
  trainings,
  users,
} from "../../../src/db/schema";
import { checkInCode } from "../../../src/domain/services/trainings";
import type { TrainingInput } from "../../../src/schemas/services/trainings";
import { sendTrainingReminders } from "../../../src/server/areas/services/trainings/reminders";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { memberOrganizationId } from "../recruitment/intake-support";

let t: TestApp;
let staff: Client;
let member: Client;
let memberOrg: string;
let memberId: string;
let otherMember: Client;
let foreignStaff: Client;

async function individual(): Promise<{ client: Client; id: string }> {
  const u = await make(t).user({ roles: ["individual"], organizationId: null });
  return { client: await t.signIn(u.username, FACTORY_PASSWORD), id: u.id };
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  memberOrg = await memberOrganizationId(t);
  const [m] = await t.db.select().from(users).where(eq(users.username, "member"));
  memberId = m?.id as string;
  const other = await make(t).organization();
  const stranger = await make(t).user({ roles: ["org_member"], organizationId: other.id });
  otherMember = await t.signIn(stranger.username, FACTORY_PASSWORD);
  const [elsewhere] = await t.db
    .insert(bases)
    .values({ code: "training-elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const foreign = await make({ db: t.db, baseId: elsewhere?.id as string }).user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

function body(overrides: Partial<TrainingInput> = {}): TrainingInput {
  return {
    topic: "社会组织财务管理实务",
    description: "财务制度、票据与年度审计",
    trainerName: "王老师",
    startsAt: inMinutes(30),
    endsAt: inMinutes(150),
    place: "孵化基地二楼培训室",
    category: "consulting",
    dimensionKeys: ["finance"],
    capacity: 2,
    audiences: ["resident", "virtual", "graduated", "public"],
    ...overrides,
  };
}

/** A published training (asserts each step). */
async function published(overrides: Partial<TrainingInput> = {}) {
  const created = await staff.post("/api/trainings", body(overrides));
  expect(created.statusCode, created.body).toBe(201);
  const { id, version } = created.json();
  const res = await staff.post(`/api/trainings/${id}/publish`, { version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

const enrolmentsOf = (id: string) =>
  t.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.trainingId, id));

describe("creating and editing", () => {
  it("refuses bad input with a clear field error and creates nothing", async () => {
    const before = (await t.db.select().from(trainings)).length;
    const cases: [Partial<TrainingInput>, string][] = [
      [{ topic: "" }, "topic"],
      [{ topic: "财务\u0000培训" }, "topic"],
      [{ topic: "a\u202Eb" }, "topic"],
      [{ capacity: 0 }, "capacity"],
      [{ capacity: 1e20 }, "capacity"],
      [{ capacity: -3 }, "capacity"],
      [{ capacity: 2.5 }, "capacity"],
      [{ audiences: [] }, "audiences"],
      [{ startsAt: "3026-01-01T09:00:00+08:00" }, "startsAt"],
      [{ startsAt: "not a time" }, "startsAt"],
      [{ endsAt: inMinutes(10) }, "endsAt"],
      [{ endsAt: inMinutes(60 * 30) }, "endsAt"],
      [{ onlineLink: "javascript:alert(1)" }, "onlineLink"],
      [{ dimensionKeys: ["Finance!"] }, "dimensionKeys.0"],
      [{ seriesId: "00000000-0000-4000-8000-000000000000" }, "seriesId"],
    ];
    for (const [override, field] of cases) {
      const res = await staff.post("/api/trainings", body(override));
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      expect(res.json().field, JSON.stringify(override)).toBe(field);
      expect(res.json().message).toBeTruthy();
    }
    expect((await t.db.select().from(trainings)).length).toBe(before);
  });

  it("edits at the version read; a stale version is 409 and changes nothing", async () => {
    const created = (await staff.post("/api/trainings", body())).json();
    const ok = await staff.patch(`/api/trainings/${created.id}`, {
      ...body({ topic: "新主题" }),
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await staff.patch(`/api/trainings/${created.id}`, {
      ...body({ topic: "旧的" }),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.currentVersion).toBe(2);
    expect((await staff.get(`/api/trainings/${created.id}`)).json().topic).toBe("新主题");
    // A draft is not there for a member; another base's staff find nothing either.
    expect((await member.get(`/api/trainings/${created.id}`)).statusCode).toBe(404);
    expect((await foreignStaff.get(`/api/trainings/${created.id}`)).statusCode).toBe(404);
    expect((await member.post("/api/trainings", body())).statusCode).toBe(403);
    // Lifecycle: a draft cannot be finished.
    const finish = await staff.post(`/api/trainings/${created.id}/finish`, { version: 2 });
    expect(finish.statusCode).toBe(409);
    expect(finish.json().code).toBe("training_status_invalid");
  });
});

describe("enrolment and the waitlist", () => {
  it("fills the seats, then waits in order; a cancellation moves the first waiting up and tells them", async () => {
    const { id } = await published({ capacity: 2 });
    const a = await individual();
    const b = await individual();
    const first = await member.post(`/api/trainings/${id}/enrolments`, { organizationId: memberOrg });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe("enrolled");
    expect((await a.client.post(`/api/trainings/${id}/enrolments`, {})).json().status).toBe("enrolled");
    const waiting = await b.client.post(`/api/trainings/${id}/enrolments`, {});
    expect(waiting.json()).toMatchObject({ status: "waiting", waitPosition: 1 });
    const again = await b.client.post(`/api/trainings/${id}/enrolments`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("already_enrolled");

    const mine = (await b.client.get("/api/trainings/mine")).json();
    expect(mine.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      enrolmentStatus: "waiting",
      waitPosition: 1,
    });

    const cancel = await member.delete(`/api/trainings/${id}/enrolments/${first.json().id}`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    const rows = await enrolmentsOf(id);
    expect(rows.find((r) => r.personId === b.id)?.status).toBe("enrolled");
    expect(rows.find((r) => r.personId === memberId)?.status).toBe("cancelled");
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, b.id), eq(notifications.kind, "training_seat")));
    expect(told).toHaveLength(1);

    // Staff see the list in order; the member re-enrols and now waits.
    const again2 = await member.post(`/api/trainings/${id}/enrolments`, { organizationId: memberOrg });
    expect(again2.json().status).toBe("waiting");
    const detail = (await staff.get(`/api/trainings/${id}`)).json();
    expect(detail.enrolled).toBe(2);
    expect(detail.waiting).toBe(1);
  });

  it("gives the last seat to exactly one of two people enrolling at once", async () => {
    const { id } = await published({ capacity: 1 });
    const people = await Promise.all([individual(), individual()]);
    const answers = await Promise.all(
      people.map((p) => p.client.post(`/api/trainings/${id}/enrolments`, {})),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(answers.map((r) => r.json().status).sort()).toEqual(["enrolled", "waiting"]);
    const rows = await enrolmentsOf(id);
    expect(rows.filter((r) => r.status === "enrolled")).toHaveLength(1);
  });

  it("shows an online training's link to staff and the enrolled only", async () => {
    const link = "https://meeting.example.cn/j/123456";
    const { id } = await published({ place: "", onlineLink: link, capacity: 5 });
    const before = (await member.get(`/api/trainings/${id}`)).json();
    expect(before).toMatchObject({ online: true, onlineLink: "" });
    const listed = (await member.get("/api/trainings")).json().items.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({ online: true, onlineLink: "" });
    expect((await staff.get(`/api/trainings/${id}`)).json().onlineLink).toBe(link);
    const enrolled = await member.post(`/api/trainings/${id}/enrolments`, { organizationId: memberOrg });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect((await member.get(`/api/trainings/${id}`)).json().onlineLink).toBe(link);
    expect((await otherMember.get(`/api/trainings/${id}`)).json().onlineLink).toBe("");
  });

  it("a member enrols only for its own organization; an individual only on its own", async () => {
    const { id } = await published();
    const theirs = await otherMember.post(`/api/trainings/${id}/enrolments`, { organizationId: memberOrg });
    expect(theirs.statusCode).toBe(404);
    const p = await individual();
    expect(
      (await p.client.post(`/api/trainings/${id}/enrolments`, { organizationId: memberOrg })).statusCode,
    ).toBe(404);
    // A training for resident organizations only is not open to a person on their own.
    const resident = await published({ audiences: ["resident"] });
    const refused = await p.client.post(`/api/trainings/${resident.id}/enrolments`, {});
    expect(refused.statusCode).toBe(409); // said plainly: the training is not for them
    expect(refused.json().code).toBe("training_audience");
    const list = (await p.client.get("/api/trainings")).json();
    expect(list.items.some((i: { id: string }) => i.id === resident.id)).toBe(false);
  });
});

describe("check-in, attendance and feedback", () => {
  it("checks in by the rotating code; refuses expired, foreign, reused and not enrolled", async () => {
    const { id } = await published({ capacity: 5 });
    const other = await published({ capacity: 5 });
    const p = await individual();
    const stranger = await individual();
    await p.client.post(`/api/trainings/${id}/enrolments`, {});
    const code = await staff.get(`/api/trainings/${id}/check-in-code`);
    expect(code.statusCode, code.body).toBe(200);
    expect(code.json().path).toContain(`/check-in/${id}?code=`);
    expect((await member.get(`/api/trainings/${id}/check-in-code`)).statusCode).toBe(403);

    const secret = t.config.sessionSecret;
    const expired = checkInCode(secret, id, new Date(Date.now() - 95_000)).code;
    const res1 = await p.client.post(`/api/trainings/${id}/check-in`, { code: expired });
    expect(res1.statusCode).toBe(409);
    expect(res1.json().code).toBe("check_in_code_expired");
    const foreign = checkInCode(secret, other.id, new Date()).code;
    const res2 = await p.client.post(`/api/trainings/${id}/check-in`, { code: foreign });
    expect(res2.json().code).toBe("check_in_code_invalid");
    const res3 = await p.client.post(`/api/trainings/${id}/check-in`, { code: "123.\u0000" });
    expect(res3.statusCode).toBe(400);

    const ok = await p.client.post(`/api/trainings/${id}/check-in`, { code: code.json().code });
    expect(ok.statusCode, ok.body).toBe(200);
    const reused = await p.client.post(`/api/trainings/${id}/check-in`, { code: code.json().code });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe("already_checked_in");
    const notEnrolled = await stranger.client.post(`/api/trainings/${id}/check-in`, {
      code: code.json().code,
    });
    expect(notEnrolled.json().code).toBe("check_in_not_enrolled");

    const ledger = await t.db
      .select()
      .from(serviceDeliveries)
      .where(and(eq(serviceDeliveries.sourceId, id), eq(serviceDeliveries.personId, p.id)));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: "training", minutes: 120, organizationId: null });

    // Feedback once; the rating reaches the ledger.
    const bad = await p.client.post(`/api/trainings/${id}/feedback`, { rating: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("rating");
    const fb = await p.client.post(`/api/trainings/${id}/feedback`, { rating: 5, useful: "案例很实用" });
    expect(fb.statusCode, fb.body).toBe(200);
    expect((await p.client.post(`/api/trainings/${id}/feedback`, { rating: 4 })).json().code).toBe(
      "feedback_given",
    );
    const [rated] = await t.db
      .select()
      .from(serviceDeliveries)
      .where(and(eq(serviceDeliveries.sourceId, id), eq(serviceDeliveries.personId, p.id)));
    expect(rated?.rating).toBe(5);
    expect((await stranger.client.post(`/api/trainings/${id}/feedback`, { rating: 3 })).json().code).toBe(
      "feedback_not_attended",
    );
  });

  it("staff tick and un-tick attendance: the ledger row and growth event come and go", async () => {
    const { id } = await published({ capacity: 5 });
    const enrolled = await member.post(`/api/trainings/${id}/enrolments`, { organizationId: memberOrg });
    const e = enrolled.json();
    const tick = await staff.put(`/api/trainings/${id}/enrolments/${e.id}/attendance`, {
      attended: true,
      version: e.version,
    });
    expect(tick.statusCode, tick.body).toBe(200);
    const ledger = () =>
      t.db
        .select()
        .from(serviceDeliveries)
        .where(and(eq(serviceDeliveries.sourceId, id), eq(serviceDeliveries.organizationId, memberOrg)));
    expect(await ledger()).toHaveLength(1);
    const growth = () =>
      t.db
        .select()
        .from(growthEvents)
        .where(and(eq(growthEvents.kind, "training.attended"), eq(growthEvents.subjectId, e.id)));
    expect((await growth())[0]?.title.zhCN).toContain("参加培训");
    const stale = await staff.put(`/api/trainings/${id}/enrolments/${e.id}/attendance`, {
      attended: false,
      version: e.version,
    });
    expect(stale.statusCode).toBe(409);
    const untick = await staff.put(`/api/trainings/${id}/enrolments/${e.id}/attendance`, {
      attended: false,
      version: e.version + 1,
    });
    expect(untick.statusCode, untick.body).toBe(200);
    expect(await ledger()).toHaveLength(0);
    expect(await growth()).toHaveLength(0);

    // The attendance sheet, read back, matches the API.
    await staff.put(`/api/trainings/${id}/enrolments/${e.id}/attendance`, {
      attended: true,
      version: e.version + 2,
    });
    const file = await staff.get(`/api/trainings/${id}/attendance.xlsx`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("签到表");
    const rows: string[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1)
        rows.push([String(row.getCell(1).value), String(row.getCell(3).value), String(row.getCell(5).value)]);
    });
    const detail = (await staff.get(`/api/trainings/${id}`)).json();
    expect(rows).toEqual(
      detail.enrolments.map((x: { personName: string }) => [x.personName, "已报名", "点名"]),
    );
    expect((await member.get(`/api/trainings/${id}/attendance.xlsx`)).statusCode).toBe(403);
  });
});

describe("reminders", () => {
  it("tells each enrolled person once, the day before", async () => {
    const { id } = await published({ startsAt: inMinutes(60 * 12), endsAt: inMinutes(60 * 14) });
    const p = await individual();
    await p.client.post(`/api/trainings/${id}/enrolments`, {});
    expect(await sendTrainingReminders(t.db)).toBeGreaterThanOrEqual(1);
    expect(await sendTrainingReminders(t.db)).toBe(0);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, p.id), eq(notifications.kind, "training_reminder")));
    expect(told).toHaveLength(1);
  });
});

describe("series and the certificate", () => {
  it("issues a numbered certificate once every required module is attended", async () => {
    const series = await staff.post("/api/training-series", { kind: "talent", title: "项目官员班" });
    expect(series.statusCode, series.body).toBe(201);
    const sid = series.json().id;
    const m1 = await published({ seriesId: sid, required: true, topic: "项目设计" });
    const m2 = await published({ seriesId: sid, required: true, topic: "项目评估" });
    const p = await individual();
    const ids: string[] = [];
    for (const m of [m1, m2])
      ids.push((await p.client.post(`/api/trainings/${m.id}/enrolments`, {})).json().id);
    await staff.put(`/api/trainings/${m1.id}/enrolments/${ids[0]}/attendance`, {
      attended: true,
      version: 1,
    });
    const early = await staff.post(`/api/training-series/${sid}/certificates`, { personId: p.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("certificate_incomplete");
    await staff.put(`/api/trainings/${m2.id}/enrolments/${ids[1]}/attendance`, {
      attended: true,
      version: 1,
    });
    const cert = await staff.post(`/api/training-series/${sid}/certificates`, { personId: p.id });
    expect(cert.statusCode, cert.body).toBe(201);
    expect(cert.json().number).toMatch(/^JB-\d{4}-T\d{2}-0001$/);
    expect(cert.json().modules).toHaveLength(2);
    expect((await p.client.get(`/api/training-certificates/${cert.json().id}`)).statusCode).toBe(200);
    expect((await member.get(`/api/training-certificates/${cert.json().id}`)).statusCode).toBe(404);
    const view = (await staff.get(`/api/training-series/${sid}`)).json();
    expect(view.progress[0]).toMatchObject({ requiredDone: 2, requiredModules: 2, minutes: 240 });
  });
});

describe("the portal", () => {
  it("lists published public trainings to anyone, not drafts nor resident-only ones", async () => {
    const pub = await published({ audiences: ["public"] });
    const resident = await published({ audiences: ["resident"] });
    const draft = (await staff.post("/api/trainings", body({ audiences: ["public"] }))).json();
    const list = (await t.anonymous().get("/api/portal/trainings")).json();
    const ids = list.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(pub.id);
    expect(ids).not.toContain(resident.id);
    expect(ids).not.toContain(draft.id);
    expect((await t.anonymous().get(`/api/portal/trainings/${draft.id}`)).statusCode).toBe(404);
    expect((await t.anonymous().post(`/api/trainings/${pub.id}/enrolments`, {})).statusCode).toBe(401);
  });

  it("declares every status it answers", () => {
    expect(t.undeclaredResponses()).toEqual([]);
  });
});

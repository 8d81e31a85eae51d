/**
 * The service desk (4Z 服务申请与服务记录) through its routes: the lifecycle from asking to rating,
 * the ledger and growth file written with the record, bad input refused with nothing changed,
 * stale versions, group records all or nothing, ratings only by the organization served, partner
 * and mentor isolation, overdue requests in the queue and the to-do, the export read back.
 */
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { growthEvents, serviceDeliveries, serviceRecords, serviceRequests } from "../../../src/db/schema";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { catalogueService, memberOf, mentorUser, partnerWithUser, recordBody, today } from "./support";

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

async function ask(client: Client, body: Record<string, unknown>) {
  const res = await client.post("/api/services/requests", { detail: "请帮我们梳理年度汇算材料", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const view = async (client: Client, id: string) => (await client.get(`/api/services/requests/${id}`)).json();

describe("a service request from asking to rating", () => {
  it("goes submitted → accepted → assigned to a partner → scheduled → done, then rated by the organization", async () => {
    const { organization, client: member } = await memberOf(t);
    const service = await catalogueService(t);
    const id = await ask(member, { catalogueId: service.id });
    let v = await view(member, id);
    expect(v).toMatchObject({ status: "submitted", title: service.name, category: "consulting" });
    expect(v.may.events).toEqual(["cancel"]);

    let res = await staff.post(`/api/services/requests/${id}/accept`, { version: v.version });
    expect(res.statusCode, res.body).toBe(200);
    const { partner, client: partnerClient } = await partnerWithUser(t);
    // The partner sees nothing before it is assigned.
    expect((await partnerClient.get(`/api/services/requests/${id}`)).statusCode).toBe(404);
    v = await view(staff, id);
    expect(v.handlerKind).toBe("staff"); // the one accepting handles it until assigned
    res = await staff.post(`/api/services/requests/${id}/assign`, {
      version: v.version,
      handlerKind: "partner",
      partnerId: partner.id,
    });
    expect(res.statusCode, res.body).toBe(200);

    v = await view(partnerClient, id);
    expect(v.handlerName).toBe(partner.name);
    expect(v.may.events.sort()).toEqual(["close", "schedule"]);
    const list = (await partnerClient.get("/api/services/requests")).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([id]);

    res = await partnerClient.post(`/api/services/requests/${id}/schedule`, {
      version: v.version,
      scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      place: "基地二楼会议室",
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await member.post(`/api/services/requests/${id}/messages`, { body: "我们会带上去年的账册" });
    expect(res.statusCode, res.body).toBe(201);
    v = await view(partnerClient, id);
    expect(v.messages.map((m: { side: string }) => m.side)).toEqual(["organization"]);

    res = await partnerClient.post(`/api/services/requests/${id}/close`, {
      version: v.version,
      ...recordBody(),
    });
    expect(res.statusCode, res.body).toBe(200);
    v = await view(member, id);
    expect(v.status).toBe("done");
    expect(v.record).toMatchObject({ minutes: 90, rating: null });
    expect(v.may.rate).toBe(true);
    expect(v.history.map((h: { event: string }) => h.event)).toEqual([
      "submit",
      "accept",
      "assign",
      "schedule",
      "close",
    ]);

    const [delivery] = await t.db
      .select()
      .from(serviceDeliveries)
      .where(eq(serviceDeliveries.sourceId, v.record.id));
    expect(delivery).toMatchObject({
      kind: "service",
      category: "consulting",
      organizationId: organization.id,
      minutes: 90,
    });
    const growth = await t.db
      .select()
      .from(growthEvents)
      .where(
        and(eq(growthEvents.organizationId, organization.id), eq(growthEvents.kind, "service.delivered")),
      );
    expect(growth).toHaveLength(1);

    res = await member.put(`/api/services/records/${v.record.id}/rating`, { rating: 5, comment: "很专业" });
    expect(res.statusCode, res.body).toBe(200);
    res = await member.put(`/api/services/records/${v.record.id}/rating`, {
      rating: 4,
      comment: "很专业，略有延迟",
    });
    expect(res.statusCode, res.body).toBe(200); // editable within the window
    const [rated] = await t.db
      .select()
      .from(serviceDeliveries)
      .where(eq(serviceDeliveries.sourceId, v.record.id));
    expect(rated?.rating).toBe(4);
  });

  it("refuses a step the status does not allow, a stale version, and a decline without its reason", async () => {
    const { client: member } = await memberOf(t);
    const id = await ask(member, { category: "resources", title: "需要一间活动场地" });
    let v = await view(staff, id);
    let res = await staff.post(`/api/services/requests/${id}/close`, { version: v.version, ...recordBody() });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "request_status_invalid",
      details: { currentStatus: "submitted" },
    });
    res = await staff.post(`/api/services/requests/${id}/decline`, { version: v.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("note");
    res = await staff.post(`/api/services/requests/${id}/accept`, { version: v.version + 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("version_conflict");
    res = await staff.post(`/api/services/requests/${id}/decline`, {
      version: v.version,
      note: "场地已满，请下月再申请",
    });
    expect(res.statusCode).toBe(200);
    v = await view(member, id);
    expect(v).toMatchObject({ status: "declined", declineReason: "场地已满，请下月再申请" });
    res = await member.post(`/api/services/requests/${id}/cancel`, { version: v.version });
    expect(res.statusCode).toBe(409);
  });

  it("lets the organization cancel its own request, and nobody else's", async () => {
    const { client: member } = await memberOf(t);
    const { client: stranger } = await memberOf(t);
    const id = await ask(member, { category: "information", title: "政策解读" });
    const v = await view(member, id);
    expect(
      (await stranger.post(`/api/services/requests/${id}/cancel`, { version: v.version })).statusCode,
    ).toBe(404);
    expect((await stranger.get(`/api/services/requests/${id}`)).statusCode).toBe(404);
    expect((await staff.post(`/api/services/requests/${id}/cancel`, { version: v.version })).statusCode).toBe(
      403,
    );
    expect(
      (await member.post(`/api/services/requests/${id}/cancel`, { version: v.version })).statusCode,
    ).toBe(200);
  });
});

describe("bad input", () => {
  it("refuses, with the field and nothing written: a service not for the audience, unknown ids, control characters, absurd values", async () => {
    const { organization, client: member } = await memberOf(t, "virtual");
    const residentOnly = await catalogueService(t, { audiences: ["resident"] });
    const before = await t.db
      .select()
      .from(serviceRequests)
      .where(eq(serviceRequests.organizationId, organization.id));
    const cases: [Record<string, unknown>, string][] = [
      [{ catalogueId: residentOnly.id, detail: "x" }, "catalogueId"],
      [{ catalogueId: "00000000-0000-4000-8000-000000000000", detail: "x" }, "catalogueId"],
      [{ title: "无类别", detail: "x" }, "category"],
      [{ category: "consulting", detail: "x" }, "title"],
      [{ category: "consulting", title: "a\u0000b", detail: "x" }, "title"],
      [{ category: "consulting", title: "ok", detail: "" }, "detail"],
      [{ category: "nonsense", title: "ok", detail: "x" }, "category"],
      [
        { category: "consulting", title: "ok", detail: "x", needId: "00000000-0000-4000-8000-000000000000" },
        "needId",
      ],
      [{ category: "consulting", title: "x".repeat(101), detail: "x" }, "title"],
    ];
    for (const [body, field] of cases) {
      const res = await member.post("/api/services/requests", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    const res = await member.post("/api/services/requests", { catalogueId: residentOnly.id, detail: "x" });
    expect(res.json().message).toContain("虚拟孵化机构");
    const after = await t.db
      .select()
      .from(serviceRequests)
      .where(eq(serviceRequests.organizationId, organization.id));
    expect(after).toEqual(before);
  });

  it("refuses a record with absurd minutes or days, and a schedule years away", async () => {
    const { organization } = await memberOf(t);
    for (const [extra, field] of [
      [{ minutes: -5 }, "minutes"],
      [{ minutes: 1e9 }, "minutes"],
      [{ minutes: 1.5 }, "minutes"],
      [{ deliveredOn: "2999-01-01" }, "deliveredOn"],
      [{ deliveredOn: "1901-01-01" }, "deliveredOn"],
      [{ deliveredOn: "2026-02-30" }, "deliveredOn"],
      [{ title: "" }, "title"],
      [{ mode: "telepathy" }, "mode"],
    ] as const) {
      const res = await staff.post("/api/services/records", {
        organizationId: organization.id,
        category: "consulting",
        ...recordBody(extra),
      });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().field).toBe(field);
    }
    const { client: member } = await memberOf(t);
    const id = await ask(member, { category: "consulting", title: "预约测试" });
    const v = await view(staff, id);
    await staff.post(`/api/services/requests/${id}/accept`, { version: v.version });
    const res = await staff.post(`/api/services/requests/${id}/schedule`, {
      version: v.version + 1,
      scheduledAt: "2090-01-01T10:00:00+08:00",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("scheduledAt");
  });

  it("keeps catalogue names unique per base and edits at the version read", async () => {
    const body = {
      category: "capital",
      name: `资方对接-${Math.random().toString(36).slice(2, 6)}`,
      description: "对接基金会与企业资源",
      audiences: ["resident", "graduated"],
      handlerKind: "staff",
      responseDays: 5,
    };
    let res = await staff.post("/api/services/catalogue", body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    res = await staff.post("/api/services/catalogue", body);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("catalogue_name_taken");
    res = await staff.post("/api/services/catalogue", { ...body, name: "x", audiences: [] });
    expect(res.statusCode).toBe(400);
    res = await staff.post("/api/services/catalogue", { ...body, name: "y", responseDays: 999 });
    expect(res.statusCode).toBe(400);
    res = await staff.put(`/api/services/catalogue/${created.id}`, {
      ...body,
      status: "archived",
      version: created.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await staff.put(`/api/services/catalogue/${created.id}`, {
      ...body,
      status: "active",
      version: created.version,
    });
    expect(res.statusCode).toBe(409);
    const { client: member } = await memberOf(t);
    const names = (await member.get("/api/services/catalogue"))
      .json()
      .items.map((s: { name: string }) => s.name);
    expect(names).not.toContain(body.name); // archived: gone for members
  });
});

describe("records given unasked", () => {
  it("records one service for a group from one form: a record, a ledger row and a growth event each", async () => {
    const orgs = await Promise.all([memberOf(t), memberOf(t, "virtual"), memberOf(t)]);
    const ids = orgs.map((o) => o.organization.id);
    const res = await staff.post("/api/services/records/bulk", {
      organizationIds: ids,
      category: "information",
      ...recordBody({ title: "政府购买服务政策宣讲", mode: "onsite", minutes: 120 }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { batchId, count } = res.json();
    expect(count).toBe(3);
    const records = await t.db.select().from(serviceRecords).where(eq(serviceRecords.batchId, batchId));
    expect(records.map((r) => r.organizationId).sort()).toEqual([...ids].sort());
    for (const r of records) {
      const ledger = await t.db.select().from(serviceDeliveries).where(eq(serviceDeliveries.sourceId, r.id));
      expect(ledger).toHaveLength(1);
    }
    const virtual = await t.db
      .select()
      .from(serviceDeliveries)
      .where(eq(serviceDeliveries.organizationId, ids[1] as string));
    expect(virtual[0]?.residency).toBe("virtual");
  });

  it("writes nothing when one organization of the group is unknown or repeated", async () => {
    const a = await memberOf(t);
    const before = (await t.db.select().from(serviceRecords)).length;
    for (const organizationIds of [
      [a.organization.id, "00000000-0000-4000-8000-000000000000"],
      [a.organization.id, a.organization.id],
    ]) {
      const res = await staff.post("/api/services/records/bulk", {
        organizationIds,
        category: "consulting",
        ...recordBody(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe("organizationIds");
    }
    expect((await t.db.select().from(serviceRecords)).length).toBe(before);
  });
});

describe("ratings", () => {
  it("are the served organization's alone: another member 404, staff and handlers 403, a bad rating 400", async () => {
    const { organization, client: member } = await memberOf(t);
    const { client: other } = await memberOf(t);
    const { client: partnerClient } = await partnerWithUser(t);
    const res = await staff.post("/api/services/records", {
      organizationId: organization.id,
      category: "consulting",
      ...recordBody(),
    });
    const recordId = res.json().id;
    expect((await other.put(`/api/services/records/${recordId}/rating`, { rating: 5 })).statusCode).toBe(404);
    expect((await staff.put(`/api/services/records/${recordId}/rating`, { rating: 5 })).statusCode).toBe(403);
    expect(
      (await partnerClient.put(`/api/services/records/${recordId}/rating`, { rating: 5 })).statusCode,
    ).toBe(403);
    for (const rating of [0, 6, 2.5, "5"]) {
      expect((await member.put(`/api/services/records/${recordId}/rating`, { rating })).statusCode).toBe(400);
    }
    expect((await member.put(`/api/services/records/${recordId}/rating`, { rating: 3 })).statusCode).toBe(
      200,
    );
    // Past the window a rating stands as given.
    await t.db
      .update(serviceRecords)
      .set({ ratedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(serviceRecords.id, recordId));
    const late = await member.put(`/api/services/records/${recordId}/rating`, { rating: 5 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("rating_closed");
  });
});

describe("handlers' isolation", () => {
  it("shows a mentor only the requests assigned to them, and a partner only its partner's", async () => {
    const { client: member } = await memberOf(t);
    const mentor = await mentorUser(t);
    const otherMentor = await mentorUser(t);
    const p1 = await partnerWithUser(t);
    const p2 = await partnerWithUser(t);
    const forMentor = await ask(member, { category: "consulting", title: "战略规划" });
    const forPartner = await ask(member, { category: "capital", title: "对接资方" });
    const assign = async (id: string, body: Record<string, unknown>) => {
      const v = await view(staff, id);
      const res = await staff.post(`/api/services/requests/${id}/assign`, { version: v.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await assign(forMentor, { handlerKind: "mentor", userId: mentor.user.id });
    await assign(forPartner, { handlerKind: "partner", partnerId: p1.partner.id });

    expect((await mentor.client.get(`/api/services/requests/${forMentor}`)).statusCode).toBe(200);
    expect((await mentor.client.get(`/api/services/requests/${forPartner}`)).statusCode).toBe(404);
    expect((await otherMentor.client.get(`/api/services/requests/${forMentor}`)).statusCode).toBe(404);
    expect((await p1.client.get(`/api/services/requests/${forPartner}`)).statusCode).toBe(200);
    expect((await p2.client.get(`/api/services/requests/${forPartner}`)).statusCode).toBe(404);
    expect((await p2.client.get(`/api/services/requests/${forMentor}`)).statusCode).toBe(404);
    const v = await view(staff, forPartner);
    expect(
      (
        await p2.client.post(`/api/services/requests/${forPartner}/close`, {
          version: v.version,
          ...recordBody(),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await p1.client.post(`/api/services/requests/${forPartner}/accept`, { version: v.version }))
        .statusCode,
    ).toBe(403);
    expect((await p2.client.get("/api/services/requests")).json().items).toEqual([]);
    expect((await otherMentor.client.get("/api/services/requests")).json().items).toEqual([]);
    expect(
      (await mentor.client.get("/api/services/requests")).json().items.map((r: { id: string }) => r.id),
    ).toEqual([forMentor]);
    const waiting = (await p1.client.get("/api/services/waiting")).json();
    expect(waiting.items.map((r: { id: string }) => r.id)).toEqual([forPartner]);
    // Assigning to someone who is not a mentor, or to another base's partner, is refused.
    const w = await view(staff, forMentor);
    const res = await staff.post(`/api/services/requests/${forMentor}/assign`, {
      version: w.version,
      handlerKind: "mentor",
      userId: p1.user.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("userId");
  });
});

describe("overdue", () => {
  it("puts a request not accepted in time, and one past its appointment, first in the queue and on the staff to-do", async () => {
    const { organization, client: member } = await memberOf(t);
    const late = await ask(member, { category: "consulting", title: "逾期未受理" });
    const scheduled = await ask(member, { category: "consulting", title: "预约已过" });
    const fresh = await ask(member, { category: "consulting", title: "刚提交" });
    await t.db
      .update(serviceRequests)
      .set({ respondBy: new Date(Date.now() - 3_600_000) })
      .where(eq(serviceRequests.id, late));
    await t.db
      .update(serviceRequests)
      .set({
        status: "scheduled",
        scheduledAt: new Date(Date.now() - 3 * 86_400_000),
        scheduledEnd: new Date(Date.now() - 2 * 86_400_000),
      })
      .where(eq(serviceRequests.id, scheduled));
    const q = `/api/services/requests?organizationId=${organization.id}`;
    const overdue = (await staff.get(`${q}&overdue=true`)).json();
    expect(overdue.items.map((r: { id: string }) => r.id).sort()).toEqual([late, scheduled].sort());
    const all = (await staff.get(q)).json();
    expect(all.items.at(-1).id).toBe(fresh);
    const waiting = (await staff.get("/api/services/waiting")).json();
    expect(waiting.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([late, scheduled]));
    expect(waiting.items.map((r: { id: string }) => r.id)).not.toContain(fresh);
  });
});

describe("the queue's export", () => {
  it("holds the rows the filtered queue shows", async () => {
    const { organization, client: member } = await memberOf(t);
    await ask(member, { category: "consulting", title: "导出一" });
    await ask(member, { category: "resources", title: "导出二" });
    const q = `organizationId=${organization.id}`;
    const page = (await staff.get(`/api/services/requests?${q}`)).json();
    const res = await staff.get(`/api/services/requests/export.xlsx?${q}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("服务申请");
    const titles: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) titles.push(String(row.getCell(4).value));
    });
    expect(titles).toEqual(page.items.map((r: { title: string }) => r.title));
    expect((await member.get(`/api/services/requests/export.xlsx?${q}`)).statusCode).toBe(403);
  });
});

describe("the handler picker", () => {
  it("offers the base's staff, mentors and active partners, to staff only", async () => {
    const { partner } = await partnerWithUser(t);
    const res = await staff.get("/api/services/handlers");
    expect(res.statusCode).toBe(200);
    expect(res.json().partners.map((p: { id: string }) => p.id)).toContain(partner.id);
    expect(res.json().staff.length).toBeGreaterThan(0);
    const { client: member } = await memberOf(t);
    expect((await member.get("/api/services/handlers")).statusCode).toBe(403);
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

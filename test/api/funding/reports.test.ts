/**
 * Progress reports through their routes: the schedule (idempotent, only once signed), the report
 * only the grantee writes (another organization's member 404, the fund's partner reads only),
 * counting people without double counting, review with the growth file, the mid-term gate
 * (tranches stopped, the grant ended with the money owed), lateness failed by the job on a given
 * day, reminders once, the homes' to-do, bad input refused with nothing changed.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  grantEvents,
  grants,
  grantTranches,
  growthEvents,
  indicatorValues,
  notifications,
  progressReports,
} from "../../../src/db/schema";
import { failLateReports, sendReportReminders } from "../../../src/server/areas/funding/reports/late";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { multipartBody, PNG } from "../recruitment/applications-support";
import { memberOf } from "../services/support";
import { fullBody, runningGrant, schedule } from "./reports-support";

let t: TestApp;
let staff: Client;
let staff2: Client;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  staff2 = await t.signIn("staff2");
});
afterAll(() => t.close());

const reportRow = async (id: string) =>
  (await t.db.select().from(progressReports).where(eq(progressReports.id, id)))[0];

describe("the schedule", () => {
  it("plans a year's grant quarterly (mid-term second, final last) and adds nothing when run again", async () => {
    const g = await runningGrant(t, staff);
    const rows = await schedule(t, staff, g.grant.id);
    expect(rows.map((r) => [r.kind, r.periodEnd, r.dueOn])).toEqual([
      ["periodic", "2027-05-31", "2027-06-10"],
      ["midterm", "2027-08-31", "2027-09-10"],
      ["periodic", "2027-11-30", "2027-12-10"],
      ["final", "2028-02-29", "2028-03-10"],
    ]);
    const again = await staff2.post(`/api/grants/${g.grant.id}/reports/schedule`, { frequency: "monthly" });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().added).toBe(0);
    expect(again.json().items).toHaveLength(4);
    // Only staff schedule; the grantee reads the list.
    expect((await g.member.client.post(`/api/grants/${g.grant.id}/reports/schedule`, {})).statusCode).toBe(
      403,
    );
    const list = (await g.member.client.get(`/api/grants/${g.grant.id}/reports`)).json();
    expect(list).toMatchObject({ canSchedule: false, canReview: false, canWrite: true, graceDays: 15 });
  });

  it("refuses a grant not yet signed (409) and bad input (400) with nothing added", async () => {
    const proposed = await runningGrant(t, staff, "proposed");
    const res = await staff.post(`/api/grants/${proposed.grant.id}/reports/schedule`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("report_grant_not_running");
    const g = await runningGrant(t, staff);
    for (const body of [
      { frequency: "weekly" },
      { dueAfterDays: -1 },
      { dueAfterDays: 1e9 },
      { dueAfterDays: 2.5 },
    ]) {
      const bad = await staff.post(`/api/grants/${g.grant.id}/reports/schedule`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await t.db.select().from(progressReports).where(eq(progressReports.grantId, g.grant.id))).toEqual(
      [],
    );
  });

  it("staff remove a report while due and add one back inside the grant, never overlapping another", async () => {
    const g = await runningGrant(t, staff);
    const [first] = await schedule(t, staff, g.grant.id);
    const { id, version } = first as { id: string; version: number };
    expect((await staff.delete(`/api/reports/${id}?version=${version + 1}`)).statusCode).toBe(409);
    expect((await g.member.client.delete(`/api/reports/${id}?version=${version}`)).statusCode).toBe(403);
    expect((await staff.delete(`/api/reports/${id}?version=${version}`)).statusCode).toBe(200);
    expect(await reportRow(id)).toBeUndefined();

    const add = (body: Record<string, unknown>) =>
      staff.post(`/api/grants/${g.grant.id}/reports`, { kind: "periodic", ...body });
    const outside = await add({ periodStart: "2026-01-01", periodEnd: "2026-02-01", dueOn: "2026-02-10" });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().field).toBe("periodStart");
    const overlapping = await add({
      periodStart: "2027-05-01",
      periodEnd: "2027-06-30",
      dueOn: "2027-07-10",
    });
    expect(overlapping.statusCode).toBe(400);
    const early = await add({ periodStart: "2027-03-01", periodEnd: "2027-05-31", dueOn: "2027-05-01" });
    expect(early.json().field).toBe("dueOn");
    const added = await add({ periodStart: "2027-03-01", periodEnd: "2027-05-31", dueOn: "2027-06-20" });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ status: "due", dueOn: "2027-06-20", failsAfter: "2027-07-05" });
    // Scheduling again adds nothing: the period is covered.
    expect((await staff.post(`/api/grants/${g.grant.id}/reports/schedule`, {})).json().added).toBe(0);
  });
});

describe("the report", () => {
  it("only the grantee writes it: a draft, then submitted with a photo; the staff are told", async () => {
    const g = await runningGrant(t, staff);
    const [first] = await schedule(t, staff, g.grant.id);
    const id = first?.id as string;
    const view = (await g.member.client.get(`/api/reports/${id}`)).json();
    expect(
      view.indicators.map((i: { name: string; targetValue: string }) => [i.name, i.targetValue]),
    ).toEqual([
      ["开展活动场次", "10.00"],
      ["服务老人人数", "200.00"],
    ]);
    expect(view.can).toEqual({ write: true, review: false, fail: false, endGrant: false });

    // Another organization's member finds nothing; the fund's partner reads but writes nothing.
    const stranger = await memberOf(t);
    expect((await stranger.client.get(`/api/reports/${id}`)).statusCode).toBe(404);
    expect(
      (await stranger.client.put(`/api/reports/${id}`, await fullBody(g.member.client, id))).statusCode,
    ).toBe(404);
    expect((await g.partner.client.get(`/api/reports/${id}`)).statusCode).toBe(200);
    expect(
      (await g.partner.client.put(`/api/reports/${id}`, await fullBody(g.member.client, id))).statusCode,
    ).toBe(403);
    expect(
      (await staff.post(`/api/reports/${id}/submit`, await fullBody(g.member.client, id))).statusCode,
    ).toBe(403);

    // A draft without values saves; submitting it needs every indicator's value.
    const draft = await g.member.client.put(`/api/reports/${id}`, {
      version: view.version,
      narrative: "草稿",
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: "due", version: view.version + 1 });
    const incomplete = await g.member.client.post(`/api/reports/${id}/submit`, {
      ...(await fullBody(g.member.client, id)),
      values: [],
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().field).toBe("values");

    const upload = await g.member.client.request({
      method: "POST",
      url: `/api/reports/${id}/files`,
      ...multipartBody({}, { content: PNG, filename: "活动照片.png" }),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const photo = upload.json().id as string;
    const body = await fullBody(g.member.client, id, { fileIds: [photo] });
    const submitted = await g.member.client.post(`/api/reports/${id}/submit`, body);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe("submitted");
    // Retried after the answer was lost: the same answer, nothing changed twice.
    const retried = await g.member.client.post(`/api/reports/${id}/submit`, body);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(submitted.json());
    // Once in, the draft is closed.
    expect(
      (await g.member.client.put(`/api/reports/${id}`, { ...body, version: submitted.json().version }))
        .statusCode,
    ).toBe(409);

    const stored = await t.db.select().from(indicatorValues).where(eq(indicatorValues.reportId, id));
    expect(stored.map((v) => v.value).sort()).toEqual(["3.00", "40.50"]);
    expect((await g.partner.client.get(`/api/files/${photo}`)).statusCode).toBe(200);
    expect((await stranger.client.get(`/api/files/${photo}`)).statusCode).toBe(404);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "funding_report"), eq(notifications.baseId, t.baseId)));
    expect(told.some((n) => n.params.reportId === id && n.params.event === "submitted")).toBe(true);
  });

  it("refuses people counted twice, unknown activities and indicators, more than two decimals, control characters", async () => {
    const g = await runningGrant(t, staff);
    const [first] = await schedule(t, staff, g.grant.id);
    const id = first?.id as string;
    const base = await fullBody(g.member.client, id);
    const cases: [Record<string, unknown>, string][] = [
      [{ newPeople: 500 }, "newPeople"],
      [{ newPeople: -1 }, "newPeople"],
      [{ activityCounts: [{ activity: "不存在的活动", personTimes: 5 }] }, "activityCounts.0.activity"],
      [
        {
          activityCounts: [
            { activity: "每周送餐", personTimes: 60 },
            { activity: "每周送餐", personTimes: 60 },
          ],
        },
        "activityCounts.1.activity",
      ],
      [{ values: [{ ...base.values[0], value: "1.234" }] }, "values.0.value"],
      [{ values: [{ ...base.values[0], value: "-3" }] }, "values.0.value"],
      [
        { values: [{ ...base.values[0], indicatorId: "00000000-0000-4000-8000-000000000000" }] },
        "values.0.indicatorId",
      ],
      [{ narrative: "坏\u0000字符" }, "narrative"],
      [{ fileIds: ["00000000-0000-4000-8000-000000000000"] }, "fileIds.0"],
    ];
    for (const [extra, field] of cases) {
      const res = await g.member.client.post(`/api/reports/${id}/submit`, { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().field, JSON.stringify(extra)).toBe(field);
    }
    expect((await reportRow(id))?.status).toBe("due");
    const stale = await g.member.client.post(`/api/reports/${id}/submit`, {
      ...base,
      version: base.version + 5,
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe("review and the mid-term gate", () => {
  it("staff accept a report (the growth file records it), return one with a note, fail no periodic one", async () => {
    const g = await runningGrant(t, staff);
    const [first, midterm] = await schedule(t, staff, g.grant.id);
    for (const r of [first, midterm]) {
      const res = await g.member.client.post(
        `/api/reports/${r?.id}/submit`,
        await fullBody(g.member.client, r?.id as string),
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    const id = first?.id as string;
    const v = (await reportRow(id))?.version as number;
    expect((await staff.post(`/api/reports/${id}/fail`, { version: v, note: "不行" })).statusCode).toBe(409);
    expect((await staff.post(`/api/reports/${id}/return`, { version: v })).statusCode).toBe(400);
    expect((await g.member.client.post(`/api/reports/${id}/accept`, { version: v })).statusCode).toBe(403);
    const accepted = await staff.post(`/api/reports/${id}/accept`, { version: v, note: "很好" });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await staff2.post(`/api/reports/${id}/accept`, { version: v })).statusCode).toBe(409);
    const growth = await t.db.select().from(growthEvents).where(eq(growthEvents.subjectId, id));
    expect(growth.map((e) => e.kind)).toEqual(["report.accepted"]);

    const mid = midterm?.id as string;
    const returned = await staff.post(`/api/reports/${mid}/return`, {
      version: (await reportRow(mid))?.version,
      note: "请补充照片",
    });
    expect(returned.statusCode).toBe(200);
    const view = (await g.member.client.get(`/api/reports/${mid}`)).json();
    expect(view).toMatchObject({ status: "returned", reviewNote: "请补充照片", can: { write: true } });
  });

  it("a failed mid-term stops the tranches not paid; ending the grant records what is owed, at most what was paid", async () => {
    const g = await runningGrant(t, staff);
    const [, midterm] = await schedule(t, staff, g.grant.id);
    const id = midterm?.id as string;
    await g.member.client.post(`/api/reports/${id}/submit`, await fullBody(g.member.client, id));
    const version = (await reportRow(id))?.version as number;
    const tooMuch = await staff.post(`/api/reports/${id}/fail`, {
      version,
      note: "目标完成不足三成",
      endGrant: { reason: "中期评估未通过，终止资助", owedFen: 10_000_000 },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().field).toBe("owedFen");
    expect((await reportRow(id))?.status).toBe("submitted"); // nothing changed
    const failed = await staff.post(`/api/reports/${id}/fail`, {
      version,
      note: "目标完成不足三成",
      endGrant: { reason: "中期评估未通过，终止资助", owedFen: 1_234_56 },
    });
    expect(failed.statusCode, failed.body).toBe(200);
    const tranches = await t.db.select().from(grantTranches).where(eq(grantTranches.grantId, g.grant.id));
    expect(tranches.map((tr) => [tr.seq, tr.status]).sort()).toEqual([
      [1, "paid"],
      [2, "stopped"],
    ]);
    const [after] = await t.db.select().from(grants).where(eq(grants.id, g.grant.id));
    expect(after).toMatchObject({
      status: "closed",
      owedFen: 123_456,
      closedReason: "中期评估未通过，终止资助",
    });
    const history = await t.db.select().from(grantEvents).where(eq(grantEvents.grantId, g.grant.id));
    expect(history.map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([["close", "active", "closed"]]);
  });
});

describe("lateness and reminders", () => {
  it("the job fails a report past due plus the grace days on the day given, and a late mid-term stops the tranches", async () => {
    const g = await runningGrant(t, staff);
    const [first, midterm] = await schedule(t, staff, g.grant.id);
    // Due 2027-06-10, grace 15 days: still in time on the 25th, failed on the 26th.
    await failLateReports(t.db, "2027-06-25");
    expect((await reportRow(first?.id as string))?.status).toBe("due");
    await failLateReports(t.db, "2027-06-26");
    expect(await reportRow(first?.id as string)).toMatchObject({ status: "failed", reviewNote: "逾期未交" });
    expect((await reportRow(midterm?.id as string))?.status).toBe("due");
    await failLateReports(t.db, "2027-09-26");
    expect((await reportRow(midterm?.id as string))?.status).toBe("failed");
    const tranches = await t.db.select().from(grantTranches).where(eq(grantTranches.grantId, g.grant.id));
    expect(tranches.find((tr) => tr.seq === 2)).toMatchObject({
      status: "stopped",
      stoppedReason: "中期评估逾期未交",
    });
    // Staff may then end the grant, with what is owed.
    const view = (await staff.get(`/api/reports/${midterm?.id}`)).json();
    expect(view.can.endGrant).toBe(true);
    const ended = await staff.post(`/api/reports/${midterm?.id}/end-grant`, {
      version: view.version,
      reason: "中期评估逾期未交",
      owedFen: 0,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await t.db.select().from(grants).where(eq(grants.id, g.grant.id)))[0]?.status).toBe("closed");
  });

  it("reminds the grantee three days before a report is due and once when it is overdue", async () => {
    const g = await runningGrant(t, staff);
    const [first] = await schedule(t, staff, g.grant.id);
    const id = first?.id as string;
    const mine = async () =>
      (await t.db.select().from(notifications).where(eq(notifications.userId, g.member.user.id))).filter(
        (n) => n.params.reportId === id,
      );
    await sendReportReminders(t.db, new Date("2027-06-06T02:00:00Z"));
    expect(await mine()).toEqual([]);
    await sendReportReminders(t.db, new Date("2027-06-07T02:00:00Z"));
    await sendReportReminders(t.db, new Date("2027-06-08T02:00:00Z"));
    expect((await mine()).map((n) => n.params.event)).toEqual(["due_soon"]);
    await sendReportReminders(t.db, new Date("2027-06-12T02:00:00Z"));
    await sendReportReminders(t.db, new Date("2027-06-13T02:00:00Z"));
    expect((await mine()).map((n) => n.params.event).sort()).toEqual(["due_soon", "overdue"]);
  });
});

describe("what the money asks on the homes", () => {
  it("a member sees its reports due; staff the reports to review; a partner its fund's grants; others 403", async () => {
    const g = await runningGrant(t, staff);
    const [first] = await schedule(t, staff, g.grant.id);
    const member = (await g.member.client.get("/api/funding/waiting")).json();
    expect(member.counts.reportsDue).toBe(4);
    expect(member.reports[0]).toMatchObject({ id: first?.id, status: "due", dueOn: "2027-06-10" });
    await g.member.client.post(
      `/api/reports/${first?.id}/submit`,
      await fullBody(g.member.client, first?.id as string),
    );
    const after = (await g.member.client.get("/api/funding/waiting")).json();
    expect(after.counts.reportsDue).toBe(3);
    const staffView = (await staff.get("/api/funding/waiting")).json();
    expect(staffView.counts.reportsToReview).toBeGreaterThanOrEqual(1);
    expect(staffView.reports.map((r: { id: string }) => r.id)).toContain(first?.id);
    const partnerView = (await g.partner.client.get("/api/funding/waiting")).json();
    expect(partnerView.counts.grantsWatched).toBe(1);
    expect(partnerView.grants[0]).toMatchObject({ id: g.grant.id, nextDueOn: "2027-09-10" });
    expect((await (await t.signIn("expert")).get("/api/funding/waiting")).statusCode).toBe(403);
  });
});

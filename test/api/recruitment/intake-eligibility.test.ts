/**
 * The staff detail judges each eligibility rule of the track on the registry's current record
 * (met / not met / unknown), counted to the last submit's day; the screening file has a column.
 */

import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "../../../src/db/schema";
import type { CallTrack, Track } from "../../../src/domain/call";
import { defaultCallRules, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { applicationIn, memberOrganizationId } from "./intake-support";

let t: TestApp;
let staff: Client;
let callId: string;

/** Submitted at 10:00 Beijing time on 2026-12-06: months are counted to that day. */
const SUBMITTED = new Date("2026-12-06T02:00:00Z");

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  const rules = defaultCallRules();
  const org = rules.tracks.find((x) => x.track === "org") as CallTrack;
  org.eligibility = {
    minMonthsFounded: 12,
    maxMonthsFounded: 36,
    allowUnregistered: false,
    note: "须在本区开展服务",
  };
  callId = (await make(t).call({ title: "条件核对招募", rules })).id;
});
afterAll(() => t.close());

async function detailOf(
  values: Parameters<ReturnType<typeof make>["organization"]>[0],
  track: Track = "org",
) {
  const organization = await make(t).organization(values);
  const app = await applicationIn(t, "submitted", {
    callId,
    organizationId: organization.id,
    track,
    lastSubmittedAt: SUBMITTED,
  });
  const res = await staff.get(`/api/applications/${app.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("eligibility in the staff detail", () => {
  it("judges every rule met, with the months counted to the submit day", async () => {
    const detail = await detailOf({ registrationStatus: "social_group", foundedOn: "2025-03-02" });
    expect(detail.eligibility).toEqual({
      onDate: "2026-12-06",
      checks: [
        { rule: "registration", result: "met", allowUnregistered: false, registrationStatus: "social_group" },
        { rule: "founded", result: "met", minMonths: 12, maxMonths: 36, foundedOn: "2025-03-02", months: 21 },
        { rule: "note", result: "unknown", note: "须在本区开展服务" },
      ],
    });
  });

  it("says not met: unregistered where registration is required, founded too recently or too long ago", async () => {
    const young = await detailOf({
      registrationStatus: "unregistered",
      creditCode: null,
      foundedOn: "2026-06-01",
    });
    expect(young.eligibility.checks.slice(0, 2)).toMatchObject([
      { rule: "registration", result: "not_met", registrationStatus: "unregistered" },
      { rule: "founded", result: "not_met", months: 6 },
    ]);
    const old = await detailOf({ foundedOn: "2018-01-01" });
    expect(old.eligibility.checks[1]).toMatchObject({ result: "not_met", months: 107 });
  });

  it("says unknown when the registry has no founding date", async () => {
    const detail = await detailOf({ foundedOn: null });
    expect(detail.eligibility.checks[1]).toEqual({
      rule: "founded",
      result: "unknown",
      minMonths: 12,
      maxMonths: 36,
      foundedOn: null,
      months: null,
    });
  });

  it("judges the application's own track: the combined track takes unregistered teams, no founding rule", async () => {
    const detail = await detailOf(
      { registrationStatus: "unregistered", creditCode: null, foundedOn: null },
      "combined",
    );
    expect(detail.eligibility.checks).toEqual([
      { rule: "registration", result: "met", allowUnregistered: true, registrationStatus: "unregistered" },
    ]);
  });

  it("follows the registry as it is now", async () => {
    const organization = await make(t).organization({ foundedOn: null });
    const app = await applicationIn(t, "submitted", {
      callId,
      organizationId: organization.id,
      lastSubmittedAt: SUBMITTED,
    });
    const before = (await staff.get(`/api/applications/${app.id}`)).json();
    expect(before.eligibility.checks[1]).toMatchObject({ result: "unknown" });
    await t.db
      .update(organizations)
      .set({ foundedOn: "2024-12-06" })
      .where(eq(organizations.id, organization.id));
    const after = (await staff.get(`/api/applications/${app.id}`)).json();
    expect(after.eligibility.checks[1]).toMatchObject({ result: "met", months: 24, foundedOn: "2024-12-06" });
  });

  it("is not in the applicant's own detail", async () => {
    const organizationId = await memberOrganizationId(t);
    const app = await applicationIn(t, "submitted", { callId, organizationId, lastSubmittedAt: SUBMITTED });
    const member = await t.signIn("member");
    const own = await member.get(`/api/applications/${app.id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).not.toHaveProperty("eligibility");
    const forStaff = (await staff.get(`/api/applications/${app.id}`)).json();
    expect(forStaff.eligibility.checks.map((c: { rule: string }) => c.rule)).toContain("registration");
  });
});

describe("the screening file", () => {
  it("has a column with each rule's verdict and the value it was judged on", async () => {
    const org = await make(t).organization({
      name: "条件核对甲",
      registrationStatus: "social_group",
      foundedOn: "2026-06-01",
    });
    await applicationIn(t, "submitted", { callId, organizationId: org.id, lastSubmittedAt: SUBMITTED });
    const res = await staff.get(
      `/api/applications/export.xlsx?callId=${callId}&status=submitted&q=${encodeURIComponent("条件核对甲")}`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("初筛基础文件") as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const cell = sheet.getRow(2).getCell(header.indexOf("申请条件核对") + 1).value;
    expect(cell).toBe(
      "须为已登记的社会组织：符合（社会团体）；成立满 1 年、不超过 3 年：不符合（成立于 2026-06-01，满 6 个月）；须在本区开展服务：需人工核对",
    );
  });
});

/**
 * GET /api/stats/incubation: incubations counted by status, track and residency and per cohort,
 * baselines done and overdue, the mean baseline; a liaison sees its town's only; a member none.
 */
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessments,
  cohorts,
  incubations,
  instruments,
  instrumentVersions,
  towns,
  users,
} from "../../../src/db/schema";
import { addDays } from "../../../src/domain/incubation/lifecycle";
import { shanghaiDate } from "../../../src/domain/shanghai-time";
import type { IncubationFigures, IncubationSection } from "../../../src/schemas/incubation/figures";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let viewer: Client;
let liaison: Client;
let liaisonTown: string;
let otherTown: string;
let cohortId: string;
let versionId: string;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await startTestApp();
  viewer = await t.signIn("viewer");
  liaison = await t.signIn("liaison");
  const [row] = await t.db.select({ townId: users.townId }).from(users).where(eq(users.username, "liaison"));
  liaisonTown = row?.townId as string;
  const [other] = await t.db
    .select({ id: towns.id })
    .from(towns)
    .where(and(eq(towns.baseId, t.baseId), ne(towns.id, liaisonTown)))
    .limit(1);
  otherTown = other?.id as string;
  const [cohort] = await t.db
    .insert(cohorts)
    .values({ baseId: t.baseId, name: "数据测试第一期", startsOn: addDays(today, -60) })
    .returning();
  cohortId = cohort?.id as string;
  const [instrument] = await t.db
    .insert(instruments)
    .values({ baseId: t.baseId, name: "数据测试评估" })
    .returning();
  const [version] = await t.db
    .insert(instrumentVersions)
    .values({
      baseId: t.baseId,
      instrumentId: instrument?.id as string,
      number: 1,
      status: "published",
      content: { scale: { min: 1, max: 4 }, dimensions: [] },
    })
    .returning();
  versionId = version?.id as string;
});
afterAll(() => t.close());

async function incubation(townId: string, values: Partial<typeof incubations.$inferInsert> = {}) {
  const organization = await make(t).organization({ townId });
  const [row] = await t.db
    .insert(incubations)
    .values({
      baseId: t.baseId,
      organizationId: organization.id,
      cohortId,
      track: "org",
      residency: "resident",
      origin: "direct",
      enrolReason: "测试",
      startOn: addDays(today, -60),
      plannedEndOn: addDays(today, 300),
      ...values,
    })
    .returning();
  return row as typeof incubations.$inferSelect;
}

async function baseline(incubationRow: typeof incubations.$inferSelect, total: string) {
  await t.db.insert(assessments).values({
    baseId: t.baseId,
    incubationId: incubationRow.id,
    organizationId: incubationRow.organizationId,
    instrumentVersionId: versionId,
    phase: "baseline",
    side: "assessor",
    status: "submitted",
    total,
    submittedAt: new Date(),
  });
}

async function figures(client: Client): Promise<IncubationFigures> {
  const res = await client.get("/api/stats/incubation");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const cohortOf = (section: IncubationSection | undefined) =>
  section?.cohorts.find((c) => c.cohortId === cohortId);

describe("the incubation figures", () => {
  it("count the base's incubations, per cohort, with baselines done, overdue and their mean", async () => {
    const before = await figures(viewer);
    const a = await incubation(liaisonTown);
    await baseline(a, "62.50");
    const b = await incubation(otherTown, { track: "project", residency: "virtual" });
    await baseline(b, "71.00");
    // Started 60 days ago, no baseline after the default 30 days: overdue.
    await incubation(liaisonTown);
    // Graduated: neither current nor overdue.
    await incubation(otherTown, { status: "graduated", endedOn: today });
    // Just started: due, not overdue.
    await incubation(otherTown, { startOn: today });

    const after = await figures(viewer);
    expect(after.scope).toBe("base");
    const section = after.sections[0];
    expect(section?.total).toBe((before.sections[0]?.total ?? 0) + 5);
    expect(cohortOf(section)).toMatchObject({
      name: "数据测试第一期",
      total: 5,
      current: 4,
      graduated: 1,
      terminated: 0,
      baselineDone: 2,
      baselineOverdue: 1,
      baselineMean: 66.75,
    });
    expect(section?.byResidency.find((r) => r.residency === "virtual")?.count).toBeGreaterThanOrEqual(1);
    expect(section?.byTrack.find((r) => r.track === "project")?.count).toBeGreaterThanOrEqual(1);
    expect(section?.byStatus.map((s) => s.status)).toEqual([
      "active",
      "suspended",
      "extended",
      "in_exit_review",
      "graduated",
      "terminated",
    ]);
  });

  it("give a liaison its town's incubations only, and a member nothing", async () => {
    const town = await figures(liaison);
    expect(town.scope).toBe("town");
    expect(town.town?.id).toBe(liaisonTown);
    expect(cohortOf(town.sections[0])).toMatchObject({
      total: 2,
      baselineDone: 1,
      baselineOverdue: 1,
      baselineMean: 62.5,
    });
    const member = await t.signIn("member");
    expect((await member.get("/api/stats/incubation")).statusCode).toBe(403);
    expect((await t.anonymous().get("/api/stats/incubation")).statusCode).toBe(401);
  });
});

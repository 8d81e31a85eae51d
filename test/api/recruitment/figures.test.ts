/**
 * GET /api/stats/recruitment: a government viewer reads its base's counts (a city-level one every
 * base's), a community liaison only its town's, and nobody reads anything but counts.
 */
import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, applications, bases, organizations, towns, users } from "../../../src/db/schema";
import type { FiguresSection, RecruitmentFigures } from "../../../src/schemas/recruitment/figures";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let viewer: Client;
let liaison: Client;
let liaisonTown: string;

beforeAll(async () => {
  t = await startTestApp();
  viewer = await t.signIn("viewer");
  liaison = await t.signIn("liaison");
  const [row] = await t.db.select({ townId: users.townId }).from(users).where(eq(users.username, "liaison"));
  liaisonTown = row?.townId as string;
});
afterAll(() => t.close());

async function figures(client: Client): Promise<RecruitmentFigures> {
  const res = await client.get("/api/stats/recruitment");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The same counts, the plain way: every application row of the base, counted in the test. */
async function expected(townId?: string) {
  const rows = await t.db
    .select({
      id: applications.id,
      status: applications.status,
      track: applications.track,
      town: organizations.townId,
      first: applications.firstSubmittedAt,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(applications.baseId, t.baseId));
  const accepted = new Set(
    (
      await t.db
        .select({ id: applicationEvents.applicationId })
        .from(applicationEvents)
        .where(eq(applicationEvents.toStatus, "accepted"))
    ).map((r) => r.id),
  );
  const mine = rows.filter((r) => townId === undefined || r.town === townId);
  const orgs = await t.db
    .select({ kind: organizations.registrationStatus, town: organizations.townId })
    .from(organizations)
    .where(eq(organizations.baseId, t.baseId));
  return {
    funnel: {
      started: mine.length,
      submitted: mine.filter((r) => r.first !== null).length,
      accepted: mine.filter((r) => r.status === "accepted" || accepted.has(r.id)).length,
    },
    submittedOnly: mine.filter((r) => r.status === "submitted").length,
    org: mine.filter((r) => r.track === "org").length,
    organizations: orgs.filter((o) => townId === undefined || o.town === townId).length,
  };
}

function count<K extends string>(
  rows: ({ count: number } & Record<string, unknown>)[],
  key: string,
  value: K,
) {
  return rows.find((r) => r[key] === value)?.count;
}

function check(section: FiguresSection, want: Awaited<ReturnType<typeof expected>>) {
  expect(section.applications.funnel).toEqual(want.funnel);
  expect(count(section.applications.byStatus, "status", "submitted")).toBe(want.submittedOnly);
  expect(section.applications.byTrack.find((r) => r.track === "org")?.total).toBe(want.org);
  expect(section.organizations.total).toBe(want.organizations);
  expect(section.applications.byStatus.reduce((n, r) => n + r.count, 0)).toBe(want.funnel.started);
}

describe("GET /api/stats/recruitment", () => {
  it("gives a viewer the base's funnel, statuses, tracks, towns and registry, counted right", async () => {
    const answer = await figures(viewer);
    expect(answer.scope).toBe("base");
    expect(answer.sections).toHaveLength(1);
    const [section] = answer.sections as [FiguresSection];
    expect(section.baseId).toBe(t.baseId);
    const want = await expected();
    expect(want.funnel.started).toBeGreaterThan(0); // the demo data has applications to count
    check(section, want);
    expect(section.calls.open).toBeGreaterThan(0);
    expect(section.calls.closed).toBeGreaterThan(0);
    expect(section.applications.byTown.reduce((n, r) => n + r.total, 0)).toBe(want.funnel.started);
    expect(section.organizations.byKind.reduce((n, r) => n + r.count, 0)).toBe(want.organizations);
  });

  it("counts an application accepted and withdrawn since as accepted for screening", async () => {
    const before = (await figures(viewer)).sections[0]?.applications.funnel;
    const call = await make(t).call();
    const org = await make(t).organization();
    const app = await make(t).application({
      callId: call.id,
      organizationId: org.id,
      status: "withdrawn",
      firstSubmittedAt: new Date(),
    });
    await t.db.insert(applicationEvents).values([
      {
        baseId: t.baseId,
        applicationId: app.id,
        event: "accept",
        fromStatus: "submitted",
        toStatus: "accepted",
        side: "staff",
      },
      {
        baseId: t.baseId,
        applicationId: app.id,
        event: "withdraw",
        fromStatus: "accepted",
        toStatus: "withdrawn",
        side: "applicant",
      },
    ]);
    const after = (await figures(viewer)).sections[0]?.applications.funnel;
    expect(after).toEqual({
      started: (before?.started ?? 0) + 1,
      submitted: (before?.submitted ?? 0) + 1,
      accepted: (before?.accepted ?? 0) + 1,
    });
  });

  it("gives the liaison its own town only: another town's new application changes nothing", async () => {
    expect(liaisonTown).toBeTruthy(); // the demo liaison has a town
    const answer = await figures(liaison);
    expect(answer.scope).toBe("town");
    expect(answer.town?.id).toBe(liaisonTown);
    const [section] = answer.sections as [FiguresSection];
    const want = await expected(liaisonTown);
    expect(want.funnel.started).toBeGreaterThan(0); // the demo town has applications
    expect(want.funnel.started).toBeLessThan((await expected()).funnel.started);
    check(section, want);
    expect(section.applications.byTown).toEqual([]);

    const [elsewhere] = await t.db
      .select({ id: towns.id })
      .from(towns)
      .where(and(eq(towns.baseId, t.baseId), ne(towns.id, liaisonTown)))
      .limit(1);
    const call = await make(t).call();
    const outside = await make(t).organization({ townId: elsewhere?.id });
    await make(t).application({ callId: call.id, organizationId: outside.id });
    const inside = await make(t).organization({
      townId: liaisonTown,
      registrationStatus: "unregistered",
      creditCode: null,
    });
    const viewerBefore = (await figures(viewer)).sections[0]?.applications.funnel.started ?? 0;
    await make(t).application({ callId: call.id, organizationId: inside.id });
    const now = (await figures(liaison)).sections[0] as FiguresSection;
    expect(now.applications.funnel.started).toBe(section.applications.funnel.started + 1);
    expect(count(now.organizations.byKind, "kind", "unregistered")).toBe(
      (count(section.organizations.byKind, "kind", "unregistered") ?? 0) + 1,
    );
    expect((await figures(viewer)).sections[0]?.applications.funnel.started).toBe(viewerBefore + 1);

    // The registry figures of the home page are the town's too.
    const home = (await liaison.get("/api/stats/home")).json();
    expect(home.organizations).toBe((await expected(liaisonTown)).organizations);
  });

  it("gives a liaison without a town nothing, rather than the base", async () => {
    await make(t).user({ username: "notown", roles: ["community_liaison"] });
    const client = await t.signIn("notown", FACTORY_PASSWORD);
    expect(await figures(client)).toEqual({ scope: "town", town: null, sections: [] });
    expect((await client.get("/api/stats/home")).json().organizations).toBe(0);
  });

  it("gives a city-level viewer every base's figures, a base viewer its own only", async () => {
    const [other] = await t.db
      .insert(bases)
      .values({
        code: `other-${randomUUID().slice(0, 8)}`,
        name: "海淀区社会组织孵化基地",
        district: "北京市海淀区",
      })
      .returning();
    const there = make({ db: t.db, baseId: other?.id as string });
    const call = await there.call();
    const org = await there.organization();
    await there.application({ callId: call.id, organizationId: org.id });
    await make(t).user({ username: "cityfigures", roles: ["government_viewer"], crossBase: true });
    const city = await figures(await t.signIn("cityfigures", FACTORY_PASSWORD));
    expect(city.scope).toBe("bases");
    const foreign = city.sections.find((s) => s.baseId === other?.id);
    expect(foreign?.applications.funnel).toEqual({ started: 1, submitted: 0, accepted: 0 });
    expect(foreign?.organizations.total).toBe(1);
    expect(foreign?.calls.open).toBe(1);
    expect(city.sections.map((s) => s.baseId)).toContain(t.baseId);
    expect((await figures(viewer)).sections.map((s) => s.baseId)).toEqual([t.baseId]);
  });

  it("reveals counts only: no organization name, no phone number, no person", async () => {
    const body =
      (await viewer.get("/api/stats/recruitment")).body + (await liaison.get("/api/stats/recruitment")).body;
    // A mobile number standing alone; the ids are left out first (a random UUID can hold eleven
    // digits in a row, and did).
    const withoutIds = body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "");
    expect(withoutIds).not.toMatch(/(?<!\d)1\d{10}(?!\d)/);
    const names = await t.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.baseId, t.baseId));
    for (const { name } of names) expect(body).not.toContain(name);
    const people = await t.db
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.baseId, t.baseId));
    for (const { name } of people) expect(body).not.toContain(name);
  });

  it("is refused to experts, mentors, partners and members", async () => {
    for (const who of ["expert", "mentor", "partner", "member"]) {
      expect((await (await t.signIn(who)).get("/api/stats/recruitment")).statusCode).toBe(403);
    }
  });
});

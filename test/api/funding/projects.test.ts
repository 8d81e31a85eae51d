/**
 * Projects and replication sites: staff create one for an open incubation (track rules, the
 * flagship programme of the combined track), edit it with its version (indicators kept, added and
 * removed with their values kept), close or cancel it; the list's scope (member: own organization,
 * partner: projects its funds granted) and filters; replication sites added by staff or the
 * organization's member, duplicates 409, removed by staff.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grants, incubations, projectIndicators, users } from "../../../src/db/schema";
import type { ProjectInput, ProjectView } from "../../../src/schemas/funding/projects";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { cohort, incubation } from "../incubation/assessments-support";
import { fund, grant, project } from "./support";

let t: TestApp;
let staff: Client;
let member: Client;
let partner: Client;
let ownOrg: string;
let ownPartnerId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  partner = await t.signIn("partner");
  const [m] = await t.db.select({ o: users.organizationId }).from(users).where(eq(users.username, "member"));
  ownOrg = m?.o as string;
  const [p] = await t.db.select({ p: users.partnerId }).from(users).where(eq(users.username, "partner"));
  ownPartnerId = p?.p as string;
});
afterAll(() => t.close());

type Indicator = ProjectInput["indicators"][number];

const body = (incubationId: string, extra: Partial<ProjectInput> = {}): ProjectInput => ({
  incubationId,
  title: `社区互助项目${randomUUID().slice(0, 6)}`,
  need: "老旧小区老人就餐难",
  beneficiaries: "60岁以上独居老人",
  targetPeople: 300,
  sites: [{ town: "城北街道", community: "新华社区" }],
  fields: ["health", "friendliness"],
  goal: "老人吃得上热饭",
  outcomes: ["老人营养改善"],
  outputs: ["助餐点2个"],
  activities: ["每日送餐", "营养讲座"],
  indicators: [
    {
      level: "output",
      name: "送餐人次",
      unit: "人次",
      baselineValue: 0,
      targetValue: 5000,
      method: "送餐台账",
      frequency: "monthly",
    },
    {
      level: "outcome",
      name: "满意度",
      unit: "%",
      baselineValue: 60.5,
      targetValue: 90.25,
      method: "问卷",
      frequency: "half_yearly",
    },
  ],
  ...extra,
});

async function openIncubation(track: "project" | "combined" | "org" | "space", organizationId?: string) {
  const org = organizationId ?? (await make(t).organization()).id;
  return { org, id: await incubation(t, org, await cohort(t), { track }) };
}

describe("projects", () => {
  it("are created by staff for an open project-track incubation, with the framework and indicators", async () => {
    const inc = await openIncubation("project");
    const res = await staff.post("/api/projects", body(inc.id));
    expect(res.statusCode, res.body).toBe(201);
    const view: ProjectView = res.json();
    expect(view).toMatchObject({
      status: "draft",
      track: "project",
      organizationId: inc.org,
      version: 1,
      committedFen: 0,
      grants: [],
      replicationSites: [],
      can: { edit: true, addSite: true, removeSite: true },
    });
    expect(view.indicators.map((i) => [i.name, i.baselineValue, i.targetValue])).toEqual([
      ["送餐人次", 0, 5000],
      ["满意度", 60.5, 90.25],
    ]);
  });

  it("refuse an ended or space-track incubation, and enforce the combined track's flagship programme", async () => {
    const space = await openIncubation("space");
    expect((await staff.post("/api/projects", body(space.id))).json()).toMatchObject({
      field: "incubationId",
    });
    const ended = await openIncubation("project");
    await t.db.update(incubations).set({ status: "graduated" }).where(eq(incubations.id, ended.id));
    const refused = await staff.post("/api/projects", body(ended.id));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe("incubationId");
    expect((await staff.post("/api/projects", body(randomUUID()))).json().field).toBe("incubationId");

    const combined = await openIncubation("combined");
    const missing = await staff.post("/api/projects", body(combined.id));
    expect(missing.json()).toMatchObject({ field: "flagshipProgrammeId" });
    const programme = (
      await staff.post("/api/funding/programmes", { name: `工程${randomUUID().slice(0, 6)}` })
    ).json();
    const ok = await staff.post("/api/projects", body(combined.id, { flagshipProgrammeId: programme.id }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().programmeName).toBe(programme.name);
    const org = await openIncubation("org");
    const stray = await staff.post("/api/projects", body(org.id, { flagshipProgrammeId: programme.id }));
    expect(stray.json().field).toBe("flagshipProgrammeId");
    expect((await staff.post("/api/projects", body(org.id))).statusCode).toBe(201);
    expect((await member.post("/api/projects", body(org.id))).statusCode).toBe(403);
  });

  it("refuse bad input by field: three decimals, duplicates, control characters, huge numbers", async () => {
    const inc = await openIncubation("project");
    const base = body(inc.id);
    const cases: [Partial<ProjectInput>, string][] = [
      [
        { indicators: [{ ...(base.indicators[0] as Indicator), targetValue: 1.234 }] },
        "indicators.0.targetValue",
      ],
      [
        { indicators: [{ ...(base.indicators[0] as Indicator), baselineValue: -1 }] },
        "indicators.0.baselineValue",
      ],
      [
        { indicators: [{ ...(base.indicators[0] as Indicator), targetValue: 1e15 }] },
        "indicators.0.targetValue",
      ],
      [{ indicators: [base.indicators[0] as Indicator, base.indicators[0] as Indicator] }, "indicators.1"],
      [{ fields: ["health", "health"] }, "fields.1"],
      [{ title: "项目\u0000" }, "title"],
      [{ title: " " }, "title"],
      [{ targetPeople: 1e20 }, "targetPeople"],
      [{ sites: [{ town: "", community: "x" }] }, "sites.0.town"],
    ];
    for (const [extra, field] of cases) {
      const res = await staff.post("/api/projects", { ...base, ...extra });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().field, JSON.stringify(extra)).toBe(field);
    }
  });

  it("are edited with the version: indicators kept, added and removed (removed ones kept); close and cancel", async () => {
    const inc = await openIncubation("project");
    const created: ProjectView = (await staff.post("/api/projects", body(inc.id))).json();
    const [first, second] = created.indicators;
    const update = {
      ...body(inc.id),
      title: "改过的项目",
      indicators: [
        { ...body(inc.id).indicators[0], id: first?.id, targetValue: 6000 },
        {
          level: "activity" as const,
          name: "讲座场次",
          unit: "场",
          baselineValue: 0,
          targetValue: 12,
          method: "签到表",
          frequency: "quarterly" as const,
        },
      ],
      version: 1,
    };
    const { incubationId: _drop, ...updateBody } = update;
    const saved = await staff.put(`/api/projects/${created.id}`, updateBody);
    expect(saved.statusCode, saved.body).toBe(200);
    const view: ProjectView = saved.json();
    expect(view.version).toBe(2);
    expect(view.indicators.map((i) => [i.name, i.targetValue])).toEqual([
      ["送餐人次", 6000],
      ["讲座场次", 12],
    ]);
    expect(view.indicators[0]?.id).toBe(first?.id);
    const [removed] = await t.db
      .select()
      .from(projectIndicators)
      .where(eq(projectIndicators.id, second?.id as string));
    expect(removed?.removedAt).not.toBeNull();
    const all = (await staff.get(`/api/projects/${created.id}/indicators?removed=true`)).json().items;
    expect(all).toHaveLength(3);
    expect((await staff.put(`/api/projects/${created.id}`, updateBody)).statusCode).toBe(409);
    const foreign = await staff.put(`/api/projects/${created.id}`, {
      ...updateBody,
      version: 2,
      indicators: [{ ...update.indicators[1], id: randomUUID() }],
    });
    expect(foreign.statusCode).toBe(400);
    // A draft cannot be closed; it can be cancelled; then nothing more.
    expect((await staff.post(`/api/projects/${created.id}/close`, { version: 2 })).json()).toMatchObject({
      code: "project_status_invalid",
      details: { currentStatus: "draft" },
    });
    const cancelled = await staff.post(`/api/projects/${created.id}/cancel`, {
      version: 2,
      reason: "组织退出",
    });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", can: { edit: false } });
    expect((await staff.put(`/api/projects/${created.id}`, { ...updateBody, version: 3 })).statusCode).toBe(
      409,
    );
  });

  it("are listed by scope: a member its own organization's, a partner those its funds granted; filters", async () => {
    const mine = await project(t, ownOrg, { status: "active", fields: ["culture"] });
    const other = await project(t, (await make(t).organization()).id);
    const ownFund = await fund(t, { kind: "partner_fund", partnerId: ownPartnerId });
    await grant(t, other, ownFund, { status: "approved" });

    const memberList = (await member.get("/api/projects?pageSize=200")).json();
    expect(memberList.items.every((p: { organizationId: string }) => p.organizationId === ownOrg)).toBe(true);
    expect(memberList.items.map((p: { id: string }) => p.id)).toContain(mine.id);
    expect((await member.get(`/api/projects/${other.id}`)).statusCode).toBe(404);
    const memberView = (await member.get(`/api/projects/${mine.id}`)).json();
    expect(memberView.can).toEqual({ edit: false, addSite: true, removeSite: false });

    // The partner's list: this project, and the demo's projects granted from its foundation's
    // fund (never one granted from another fund only).
    const partnerList = (await partner.get("/api/projects?pageSize=200")).json();
    const partnerIds = partnerList.items.map((p: { id: string }) => p.id);
    expect(partnerIds).toContain(other.id);
    const granted = await t.db
      .selectDistinct({ projectId: grants.projectId })
      .from(grants)
      .where(eq(grants.partnerId, ownPartnerId));
    expect([...partnerIds].sort()).toEqual(granted.map((g) => g.projectId).sort());
    const partnerView = (await partner.get(`/api/projects/${other.id}`)).json();
    expect(partnerView.grants).toHaveLength(1);
    expect(partnerView.grants[0]).toMatchObject({
      fundName: ownFund.name,
      amountFen: 10_000_000,
      status: "approved",
    });
    expect(partnerView.committedFen).toBe(10_000_000);
    expect((await partner.get(`/api/projects/${mine.id}`)).statusCode).toBe(404);

    const filtered = (
      await staff.get(`/api/projects?field=culture&status=active&q=${encodeURIComponent(mine.title)}`)
    ).json();
    expect(filtered).toMatchObject({ total: 1, items: [{ id: mine.id }] });
    // The track filter keeps the projects of that track's incubations only.
    const space = (await staff.get("/api/projects?track=space&pageSize=200")).json();
    const spaceIncubations = await t.db
      .select({ id: incubations.id })
      .from(incubations)
      .where(eq(incubations.track, "space"));
    const spaceIds = new Set(spaceIncubations.map((i) => i.id));
    for (const p of space.items) expect(spaceIds.has(p.incubationId)).toBe(true);
    expect(space.items.map((p: { id: string }) => p.id)).not.toContain(mine.id);
    expect((await staff.get("/api/projects?page=0")).statusCode).toBe(400);
    expect((await t.anonymous().get("/api/projects")).statusCode).toBe(401);
  });
});

describe("replication sites", () => {
  it("are added by staff or the organization's member, duplicates 409, removed by staff only", async () => {
    const mine = await project(t, ownOrg);
    const site = { town: "城南街道", community: "幸福社区", year: 2028, fundedBy: "街道办事处" };
    const added = await member.post(`/api/projects/${mine.id}/replication-sites`, site);
    expect(added.statusCode, added.body).toBe(201);
    const dup = await staff.post(`/api/projects/${mine.id}/replication-sites`, site);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "duplicate" });
    expect(dup.json().message).toContain("复制点");
    expect(
      (await staff.post(`/api/projects/${mine.id}/replication-sites`, { ...site, year: 2029 })).statusCode,
    ).toBe(201);
    expect(
      (await staff.post(`/api/projects/${mine.id}/replication-sites`, { ...site, year: 1800 })).json().field,
    ).toBe("year");
    const other = await project(t, (await make(t).organization()).id);
    expect((await member.post(`/api/projects/${other.id}/replication-sites`, site)).statusCode).toBe(404);
    expect((await partner.post(`/api/projects/${mine.id}/replication-sites`, site)).statusCode).toBe(403);
    const list = (await member.get(`/api/projects/${mine.id}/replication-sites`)).json().items;
    expect(list.map((s: { year: number }) => s.year)).toEqual([2029, 2028]);
    const siteId = added.json().id;
    expect((await member.delete(`/api/projects/${mine.id}/replication-sites/${siteId}`)).statusCode).toBe(
      403,
    );
    expect((await staff.delete(`/api/projects/${mine.id}/replication-sites/${siteId}`)).json()).toEqual({
      ok: true,
    });
    expect((await staff.delete(`/api/projects/${mine.id}/replication-sites/${siteId}`)).statusCode).toBe(404);
  });
});

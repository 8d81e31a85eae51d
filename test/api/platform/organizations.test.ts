import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bases, organizations, users } from "../../../src/db/schema";
import type { Organization, OrganizationPage } from "../../../src/schemas/platform/organizations";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import {
  auditRows,
  type DemoTown,
  demoTowns,
  organizationBody,
  organizationCount,
} from "./organizations-support";

let t: TestApp;
let staff: Client;
let towns: DemoTown[];
const MASKED = /^1\d{2}\*{4}\d{4}$/;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  towns = await demoTowns(t);
});
afterAll(() => t.close());

async function list(client: Client, query = ""): Promise<OrganizationPage> {
  const res = await client.get(`/api/organizations${query ? `?${query}` : ""}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function allRows() {
  return t.db.select().from(organizations).where(eq(organizations.baseId, t.baseId));
}

describe("GET /api/organizations", () => {
  it("pages the base's registry with phones masked and names joined", async () => {
    const page = await list(staff);
    expect(page.total).toBe((await allRows()).length);
    expect(page).toMatchObject({ page: 1, pageSize: 20 });
    expect(page.items).toHaveLength(20);
    for (const item of page.items) {
      if (item.contactPhone) {
        expect(item.contactPhone).toMatch(MASKED);
        expect(item.contactPhoneMasked).toBe(true);
      }
      expect(item.communityNames).toHaveLength(item.communityIds.length);
      if (item.townId) expect(item.townName).toBe(towns.find((x) => x.id === item.townId)?.name);
    }
    const withHub = (await list(staff, "pageSize=200")).items.find((o) => o.hubOrganizationId);
    expect(withHub?.hubOrganizationName).toBe("昌平区社会组织联合会");
  });

  it("finds organizations by a Chinese substring of the name", async () => {
    const sunflower = await make(t).organization({ name: "昌平区向日葵亲子读书会" });
    // Two characters is the common search (the bigram index), one still works (plain ILIKE).
    for (const q of ["向日葵", "日葵亲子", "昌平区向日葵亲子读书会", "葵亲", "葵"]) {
      const page = await list(staff, `q=${encodeURIComponent(q)}`);
      expect(page.items.map((o) => o.id)).toEqual([sunflower.id]);
    }
  });

  it("matches Latin letters in names in any case", async () => {
    const org = await make(t).organization({ name: "昌平区Sunshine公益服务社" });
    for (const q of ["sunshine", "SUN", "e公益"]) {
      expect((await list(staff, `q=${encodeURIComponent(q)}`)).items.map((o) => o.id)).toEqual([org.id]);
    }
  });

  it("finds organizations by a credit-code prefix, in any case", async () => {
    const org = await make(t).organization();
    const prefix = (org.creditCode as string).slice(0, 14);
    const page = await list(staff, `q=${prefix.toLowerCase()}&pageSize=200`);
    expect(page.items.map((o) => o.id)).toContain(org.id);
    for (const item of page.items) expect(item.creditCode?.startsWith(prefix)).toBe(true);
  });

  it("treats LIKE wildcards in the search text literally", async () => {
    expect((await list(staff, `q=${encodeURIComponent("%")}`)).total).toBe(0);
    expect((await list(staff, "q=_")).total).toBe(0);
  });

  it("filters by field, town, registration status and residency, alone and together", async () => {
    const rows = await allRows();
    const town = towns[2] as DemoTown;
    const cases: [string, (r: (typeof rows)[number]) => boolean][] = [
      ["field=culture", (r) => r.fields.includes("culture")],
      [`townId=${town.id}`, (r) => r.townId === town.id],
      ["registrationStatus=unregistered", (r) => r.registrationStatus === "unregistered"],
      ["residency=resident", (r) => r.residency === "resident"],
      ["residency=virtual&field=health", (r) => r.residency === "virtual" && r.fields.includes("health")],
    ];
    for (const [query, matches] of cases) {
      const expected = rows.filter(matches).map((r) => r.id);
      expect(expected.length, query).toBeGreaterThan(0);
      const page = await list(staff, `${query}&pageSize=200`);
      expect(page.total, query).toBe(expected.length);
      expect(page.items.map((o) => o.id).sort(), query).toEqual(expected.sort());
    }
  });

  it("sorts both ways with records lacking the value last", async () => {
    await make(t).organization({ staffCount: null, foundedOn: null });
    for (const order of ["asc", "desc"] as const) {
      const page = await list(staff, `sort=staffCount&order=${order}&pageSize=200`);
      const counts = page.items.map((o) => o.staffCount);
      const firstNull = counts.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(counts.slice(firstNull).every((c) => c === null)).toBe(true);
      const values = counts.slice(0, firstNull) as number[];
      const sorted = [...values].sort((a, b) => (order === "asc" ? a - b : b - a));
      expect(values).toEqual(sorted);
    }
    const founded = (await list(staff, "sort=foundedOn&order=asc&pageSize=200")).items
      .map((o) => o.foundedOn)
      .filter((d): d is string => d !== null);
    expect(founded).toEqual([...founded].sort());
  });

  it("pages without overlap or gaps even where the sorted values tie", async () => {
    const total = (await list(staff)).total;
    const seen: string[] = [];
    for (let page = 1; seen.length < total; page++) {
      const items = (await list(staff, `sort=staffCount&order=asc&pageSize=7&page=${page}`)).items;
      expect(items.length).toBeGreaterThan(0);
      seen.push(...items.map((o) => o.id));
    }
    expect(new Set(seen).size).toBe(total);
    const beyond = await list(staff, `pageSize=7&page=${Math.ceil(total / 7) + 1}`);
    expect(beyond).toMatchObject({ items: [], total });
  });

  it("refuses a bad query with the failing field", async () => {
    const res = await staff.get("/api/organizations?pageSize=500");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", field: "pageSize" });
    expect((await staff.get("/api/organizations?sort=password")).json().field).toBe("sort");
    expect((await staff.get("/api/organizations?townId=x")).json().field).toBe("townId");
  });

  it("answers 401 without a session and 403 for roles without the registry", async () => {
    expect((await t.anonymous().get("/api/organizations")).statusCode).toBe(401);
    for (const role of ["expert", "mentor", "partner"]) {
      const res = await (await t.signIn(role)).get("/api/organizations");
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe("forbidden");
    }
    for (const role of ["admin", "viewer", "liaison"]) {
      expect((await (await t.signIn(role)).get("/api/organizations")).statusCode, role).toBe(200);
    }
  });
});

describe("GET /api/organizations for a community liaison", () => {
  it("lists only the organizations of the liaison's town, whatever the filter asks", async () => {
    const [home, other] = towns;
    if (!home || !other) throw new Error("the demo base has towns");
    await make(t).user({ username: "liaisonlist", roles: ["community_liaison"], townId: home.id });
    const liaison = await t.signIn("liaisonlist", FACTORY_PASSWORD);
    const mine = await make(t).organization({ name: `镇街联络测试本镇${randomUUID()}`, townId: home.id });
    const theirs = await make(t).organization({ name: `镇街联络测试外镇${randomUUID()}`, townId: other.id });
    const unplaced = await make(t).organization({ name: `镇街联络测试无镇${randomUUID()}`, townId: null });

    const inTown = (await allRows()).filter((r) => r.townId === home.id).length;
    const page = await list(liaison, "pageSize=100");
    expect(page.total).toBe(inTown);
    expect(page.items.every((o) => o.townId === home.id)).toBe(true);
    const found = (await list(liaison, "q=镇街联络测试")).items.map((o) => o.id);
    expect(found).toEqual([mine.id]);
    expect(found).not.toContain(theirs.id);
    expect(found).not.toContain(unplaced.id);
    // Another town's filter narrows the town, it does not widen to that town.
    expect((await list(liaison, `townId=${other.id}`)).total).toBe(0);
    // Staff still see the whole base.
    expect((await list(staff, "q=镇街联络测试")).total).toBe(3);

    // Opened by id, the same registry: the town's organization, and no other (404, as for another base's).
    expect((await liaison.get(`/api/organizations/${mine.id}`)).statusCode).toBe(200);
    for (const outside of [theirs, unplaced]) {
      const res = await liaison.get(`/api/organizations/${outside.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("not_found");
    }
  });

  it("lists nothing for a liaison without a town, rather than the whole base", async () => {
    await make(t).user({ username: "liaisonnotown", roles: ["community_liaison"] });
    const liaison = await t.signIn("liaisonnotown", FACTORY_PASSWORD);
    expect(await list(liaison)).toMatchObject({ items: [], total: 0 });
  });
});

describe("GET /api/organizations/:id and /:id/contact", () => {
  it("shows staff a masked phone, and reveals it whole with an audit entry", async () => {
    const org = await make(t).organization({ contactPhone: "13912345678" });
    const detail: Organization = (await staff.get(`/api/organizations/${org.id}`)).json();
    expect(detail).toMatchObject({ id: org.id, contactPhone: "139****5678", contactPhoneMasked: true });

    const res = await staff.get(`/api/organizations/${org.id}/contact`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ contactPhone: "13912345678" });
    const [entry] = await auditRows(t, "organization.contact_revealed", org.id);
    expect(entry).toMatchObject({ entityType: "organization", actorName: expect.stringContaining("李晓梅") });
  });

  it("lets only base staff reveal a contact", async () => {
    const org = await make(t).organization();
    for (const role of ["viewer", "liaison", "member", "expert"]) {
      const res = await (await t.signIn(role)).get(`/api/organizations/${org.id}/contact`);
      expect(res.statusCode, role).toBe(403);
    }
    expect(await auditRows(t, "organization.contact_revealed", org.id)).toHaveLength(0);
  });

  it("answers a role that may never read organizations the same for real and unknown ids", async () => {
    const org = await make(t).organization();
    const expert = await t.signIn("expert");
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const path of ["", "/contact"]) {
      expect((await expert.get(`/api/organizations/${org.id}${path}`)).statusCode).toBe(403);
      expect((await expert.get(`/api/organizations/${unknown}${path}`)).statusCode).toBe(403);
    }
    const patch = { name: "昌平区不该改成的名字", registrationStatus: "unregistered", version: 1 };
    expect((await expert.patch(`/api/organizations/${org.id}`, patch)).statusCode).toBe(403);
    expect((await expert.patch(`/api/organizations/${unknown}`, patch)).statusCode).toBe(403);
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const missing = await staff.get(`/api/organizations/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "not_found", message: "未找到该记录" });
    const bad = await staff.get("/api/organizations/not-a-uuid");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("id");
  });

  it("shows a member its own organization unmasked and no other", async () => {
    const member = await t.signIn("member");
    const [account] = await t.db.select().from(users).where(eq(users.username, "member"));
    const ownId = account?.organizationId as string;
    const own = await member.get(`/api/organizations/${ownId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().contactPhoneMasked).toBe(false);
    expect(own.json().contactPhone).toMatch(/^1\d{10}$/);

    const page = await list(member, "pageSize=200");
    expect(page.total).toBe(1);
    expect(page.items.map((o) => o.id)).toEqual([ownId]);
    expect(page.items[0]?.contactPhone).toMatch(MASKED);

    const other = await make(t).organization();
    expect((await member.get(`/api/organizations/${other.id}`)).statusCode).toBe(404);
  });
});

describe("another base's organizations", () => {
  it("do not exist for this base's users; a city-level viewer reads across bases", async () => {
    const [base] = await t.db
      .insert(bases)
      .values({
        code: `other-${randomUUID().slice(0, 8)}`,
        name: "海淀区社会组织孵化基地",
        district: "北京市海淀区",
      })
      .returning();
    const foreign = await make({ db: t.db, baseId: base?.id as string }).organization({
      name: "海淀区邻里互助社",
    });
    expect((await staff.get(`/api/organizations/${foreign.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/organizations/${foreign.id}/contact`)).statusCode).toBe(404);
    const edit = await staff.patch(`/api/organizations/${foreign.id}`, {
      name: "改名",
      registrationStatus: "unregistered",
      version: 1,
    });
    expect(edit.statusCode).toBe(404);
    expect((await list(staff, `q=${encodeURIComponent("海淀区")}`)).total).toBe(0);
    expect((await list(await t.signIn("viewer"), `q=${encodeURIComponent("海淀区")}`)).total).toBe(0);

    await make(t).user({ username: "cityviewer", roles: ["government_viewer"], crossBase: true });
    const city = await t.signIn("cityviewer", FACTORY_PASSWORD);
    expect((await list(city, `q=${encodeURIComponent("海淀区")}`)).items.map((o) => o.id)).toEqual([
      foreign.id,
    ]);
    const detail = await city.get(`/api/organizations/${foreign.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().contactPhoneMasked).toBe(true);
  });
});

describe("POST /api/organizations", () => {
  it("creates an organization with its references and audits it", async () => {
    const town = towns[0] as DemoTown;
    const body = organizationBody({
      townId: town.id,
      communityIds: town.communities.slice(0, 2).map((c) => c.id),
      creditCode: organizationBody().creditCode?.toLowerCase(),
      partyOrganization: true,
      partyMemberCount: 3,
      description: "  扎根城北街道，服务居家老人。  ",
    });
    const res = await staff.post("/api/organizations", body);
    expect(res.statusCode, res.body).toBe(201);
    const created: Organization = res.json();
    expect(created).toMatchObject({
      name: body.name,
      creditCode: body.creditCode?.toUpperCase(),
      townName: town.name,
      communityNames: town.communities.slice(0, 2).map((c) => c.name),
      contactPhone: "138****8000",
      contactPhoneMasked: true,
      description: "扎根城北街道，服务居家老人。",
      version: 1,
    });
    const [entry] = await auditRows(t, "organization.created", created.id);
    expect(entry?.after).toMatchObject({ name: body.name, contactPhone: "138****8000" });
  });

  it("does not require a credit code of an unregistered team", async () => {
    const res = await staff.post(
      "/api/organizations",
      organizationBody({ registrationStatus: "unregistered", creditCode: "" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().creditCode).toBeNull();
  });

  const town = () => towns[0] as DemoTown;
  const otherTown = () => towns[1] as DemoTown;
  const refusals: [string, () => Record<string, unknown>, string, string | RegExp][] = [
    [
      "a credit code with a wrong check character",
      () => ({ creditCode: "51110114MJ000000XF" }),
      "creditCode",
      "统一社会信用代码第 18 位校验码不正确，请核对是否输错",
    ],
    [
      "a too short credit code",
      () => ({ creditCode: "5111011" }),
      "creditCode",
      /统一社会信用代码应为 18 位/,
    ],
    [
      "no credit code for a registered organization",
      () => ({ creditCode: null }),
      "creditCode",
      "已登记的社会组织须填写统一社会信用代码",
    ],
    ["a bad mobile number", () => ({ contactPhone: "1234567" }), "contactPhone", /手机号码不正确/],
    ["an unknown town", () => ({ townId: randomUUID() }), "townId", "引用的记录不存在"],
    [
      "a community of another town",
      () => ({ townId: town().id, communityIds: [otherTown().communities[0]?.id] }),
      "communityIds",
      "引用的记录不存在",
    ],
    [
      "communities without a town",
      () => ({ communityIds: [town().communities[0]?.id] }),
      "communityIds",
      /不存在/,
    ],
    ["an unknown hub", () => ({ hubOrganizationId: randomUUID() }), "hubOrganizationId", /不存在/],
    ["a founding date in the future", () => ({ foundedOn: futureDate() }), "foundedOn", "日期不能晚于今天"],
    ["a malformed date", () => ({ foundedOn: "2020/02/03" }), "foundedOn", /日期格式不正确/],
    [
      "a day that does not exist",
      () => ({ foundedOn: "2020-02-30" }),
      "foundedOn",
      "没有这一天（如 2 月 30 日）",
    ],
    [
      "a year out of range",
      () => ({ foundedOn: "0000-01-01" }),
      "foundedOn",
      "日期须在 1900 年至 2100 年之间",
    ],
    ["a control character", () => ({ name: "阳光\u0000社" }), "name", /控制字符/],
    ["a one-character name", () => ({ name: "阳" }), "name", "长度不能少于 2 个字符"],
    ["an unknown field tag", () => ({ fields: ["golf"] }), "fields.0", "不是可选的值"],
    ["a negative count", () => ({ staffCount: -1 }), "staffCount", "不能为负数"],
  ];
  for (const [what, overrides, field, message] of refusals) {
    it(`refuses ${what} on field ${field}, creating nothing`, async () => {
      const before = await organizationCount(t);
      const res = await staff.post("/api/organizations", organizationBody(overrides() as never));
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ code: "validation_failed", field });
      if (typeof message === "string") expect(body.message).toBe(message);
      else expect(body.message).toMatch(message);
      expect(await organizationCount(t)).toBe(before);
    });
  }

  it("answers in English when asked", async () => {
    const res = await staff.post(
      "/api/organizations",
      organizationBody({ creditCode: "51110114MJ000000XF" }),
      {
        "accept-language": "en",
      },
    );
    expect(res.json().message).toBe(
      "The check character (position 18) of the credit code does not match; check for a typo",
    );
  });

  it("refuses a credit code already registered in the base with 409 on creditCode", async () => {
    const existing = await make(t).organization();
    const before = await organizationCount(t);
    const res = await staff.post("/api/organizations", organizationBody({ creditCode: existing.creditCode }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ code: "duplicate", field: "creditCode", message: "统一社会信用代码已存在" });
    const en = await staff.post(
      "/api/organizations",
      organizationBody({ creditCode: existing.creditCode?.toLowerCase() }),
      { "accept-language": "en" },
    );
    expect(en.json().message).toBe("Unified social credit code already exists");
    expect(await organizationCount(t)).toBe(before);
  });

  it("lets only base staff create", async () => {
    for (const role of ["member", "viewer", "liaison", "expert"]) {
      const res = await (await t.signIn(role)).post("/api/organizations", organizationBody());
      expect(res.statusCode, role).toBe(403);
    }
    expect((await (await t.signIn("admin")).post("/api/organizations", organizationBody())).statusCode).toBe(
      201,
    );
  });
});

function futureDate(): string {
  return new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
}

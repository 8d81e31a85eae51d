/** The capacity instrument's API: versions, one draft, frozen once published, 409s, field errors. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeInstruments, auditLog, bases, instruments, instrumentVersions } from "../../../src/db/schema";
import { seedDefaultInstrument } from "../../../src/db/seed/instruments";
import {
  DEFAULT_INSTRUMENT,
  DEFAULT_INSTRUMENT_NAME,
} from "../../../src/domain/incubation/default-instrument";
import type { InstrumentContent } from "../../../src/domain/incubation/instrument";
import type { InstrumentList, InstrumentVersionView } from "../../../src/schemas/incubation/instruments";
import {
  activeInstrumentVersion,
  instrumentVersionContent,
} from "../../../src/server/areas/incubation/instruments/load";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const list = async () => (await staff.get("/api/instruments")).json() as InstrumentList;
const defaultOf = (l: InstrumentList) => l.instruments.find((i) => i.name === DEFAULT_INSTRUMENT_NAME);

describe("the default instrument", () => {
  it("every base has it as version 1, published, active for all four tracks", async () => {
    // Written by the demo seed, before anything read it.
    const seeded = await t.db.select().from(activeInstruments).where(eq(activeInstruments.baseId, t.baseId));
    expect(seeded).toHaveLength(4);
    const l = await list();
    const instrument = defaultOf(l);
    expect(instrument?.versions).toHaveLength(1);
    const [v1] = instrument?.versions ?? [];
    expect(v1).toMatchObject({ number: 1, status: "published" });
    expect([...(v1?.tracks ?? [])].sort()).toEqual(["combined", "org", "project", "space"]);
    expect(l.active.map((a) => a.versionId)).toEqual([v1?.id, v1?.id, v1?.id, v1?.id]);
    const view = (await staff.get(`/api/instrument-versions/${v1?.id}`)).json() as InstrumentVersionView;
    expect(view.content).toEqual(DEFAULT_INSTRUMENT);
    // The assessments' helpers.
    expect(await instrumentVersionContent(t.db, v1?.id as string)).toEqual(DEFAULT_INSTRUMENT);
    expect((await activeInstrumentVersion(t.db, t.baseId, "space"))?.id).toBe(v1?.id);
  });

  it("is written lazily for a base set up before it, once, also when two requests do it at once", async () => {
    const [other] = await t.db
      .insert(bases)
      .values({ code: "instr-lazy", name: "延庆区社会组织孵化基地", district: "北京市延庆区" })
      .returning();
    const baseId = other?.id as string;
    const found = await Promise.all([
      activeInstrumentVersion(t.db, baseId, "org"),
      activeInstrumentVersion(t.db, baseId, "project"),
      t.db.transaction((tx) => seedDefaultInstrument(tx, baseId)),
    ]);
    expect(found[0]?.id).toBe(found[1]?.id);
    const rows = await t.db.select().from(instruments).where(eq(instruments.baseId, baseId));
    expect(rows).toHaveLength(1);
    const versions = await t.db
      .select()
      .from(instrumentVersions)
      .where(eq(instrumentVersions.baseId, baseId));
    expect(versions).toHaveLength(1);
    const active = await t.db.select().from(activeInstruments).where(eq(activeInstruments.baseId, baseId));
    expect(active).toHaveLength(4);
  });
});

describe("versions", () => {
  it("one draft per instrument, number + 1, saved with 409 on a stale version, frozen once published", async () => {
    const instrument = defaultOf(await list());
    const v1 = instrument?.versions[0];
    const first = await staff.post(`/api/instruments/${instrument?.id}/draft`);
    expect(first.statusCode).toBe(200);
    const draft = first.json() as InstrumentVersionView;
    expect(draft).toMatchObject({ number: 2, status: "draft", basedOnId: v1?.id, version: 1, tracks: [] });
    // Starting again (or twice at once) finds the same draft.
    const again = await Promise.all([
      staff.post(`/api/instruments/${instrument?.id}/draft`),
      staff.post(`/api/instruments/${instrument?.id}/draft`),
    ]);
    expect(again.map((r) => r.json().id)).toEqual([draft.id, draft.id]);

    const content: InstrumentContent = structuredClone(draft.content);
    const [party, governance] = content.dimensions;
    if (!party || !governance) throw new Error("default has dimensions");
    party.weight = 5;
    governance.weight = 20;
    const saved = await staff.put(`/api/instrument-versions/${draft.id}`, {
      version: 1,
      changeNote: "治理结构权重上调",
      content,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, changeNote: "治理结构权重上调" });
    // Someone still on version 1 is told, and nothing changes.
    const stale = await staff.put(`/api/instrument-versions/${draft.id}`, {
      version: 1,
      changeNote: "旧的",
      content: draft.content,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });

    const published = await staff.post(`/api/instrument-versions/${draft.id}/publish`, { version: 2 });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", number: 2 });
    expect(published.json().publishedAt).toBeTruthy();

    // Frozen: no save, no second publish, no delete; the message says why.
    const refused = await Promise.all([
      staff.put(`/api/instrument-versions/${draft.id}`, { version: 3, changeNote: "", content }),
      staff.post(`/api/instrument-versions/${draft.id}/publish`, { version: 3 }),
      staff.delete(`/api/instrument-versions/${draft.id}`),
    ]);
    for (const r of refused) {
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe("instrument_version_frozen");
      expect(r.json().message).toContain("冻结");
    }
    const [row] = await t.db.select().from(instrumentVersions).where(eq(instrumentVersions.id, draft.id));
    expect(row?.content.dimensions[0]?.weight).toBe(5);

    // The next draft is number 3, based on version 2; the old versions stay as they were.
    const next = (await staff.post(`/api/instruments/${instrument?.id}/draft`)).json();
    expect(next).toMatchObject({ number: 3, basedOnId: draft.id });
    const deleted = await staff.delete(`/api/instrument-versions/${next.id}`);
    expect(deleted.statusCode).toBe(200);
    const v1View = (await staff.get(`/api/instrument-versions/${v1?.id}`)).json();
    expect(v1View.content).toEqual(DEFAULT_INSTRUMENT);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.baseId, t.baseId), eq(auditLog.entityId, instrument?.id as string)));
    expect(actions.map((a) => a.action)).toEqual([
      "instrument.draft",
      "instrument.draft",
      "instrument.publish",
      "instrument.draft",
      "instrument.discard",
    ]);
  });

  it("refuses an invalid draft with every problem on its field, in the user's language", async () => {
    const created = await staff.post("/api/instruments", { name: "测试体系（字段错误）" });
    expect(created.statusCode).toBe(201);
    const draftId = created.json().versions[0].id as string;
    const draft = (await staff.get(`/api/instrument-versions/${draftId}`)).json() as InstrumentVersionView;
    expect(draft.content.dimensions).toHaveLength(1);
    const content = structuredClone(draft.content);
    const dimension = content.dimensions[0];
    if (!dimension) throw new Error("skeleton has a dimension");
    dimension.weight = 90;
    dimension.indicators.push({ ...structuredClone(dimension.indicators[0]), weight: 0 } as never);
    const bad = await staff.put(`/api/instrument-versions/${draftId}`, {
      version: 1,
      changeNote: "",
      content,
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.field).toBe("content.dimensions.0.indicators.1.key");
    expect(body.details.problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`)).toEqual([
      "content.dimensions.0.indicators.1.key instrument_key_duplicate",
      "content.dimensions.0.indicators.1.weight instrument_weight_invalid",
      "content.dimensions instrument_weight_total",
    ]);
    const en = await staff.put(
      `/api/instrument-versions/${draftId}`,
      {
        version: 1,
        changeNote: "",
        content: { ...content, dimensions: [{ ...dimension, indicators: dimension.indicators.slice(0, 1) }] },
      },
      { "accept-language": "en" },
    );
    expect(en.json().message).toBe("The dimensions' weights must add up to 100 (now 90)");
    // A control character is refused by the schema (400), not stored.
    const control = structuredClone(draft.content);
    (control.dimensions[0] as { name: { zhCN: string } }).name.zhCN = "维度\u0000";
    const c = await staff.put(`/api/instrument-versions/${draftId}`, {
      version: 1,
      changeNote: "",
      content: control,
    });
    expect(c.statusCode).toBe(400);
    const [row] = await t.db.select().from(instrumentVersions).where(eq(instrumentVersions.id, draftId));
    expect(row?.version).toBe(1);
    // The skeleton itself publishes (it passes every check).
    expect((await staff.post(`/api/instrument-versions/${draftId}/publish`, { version: 1 })).statusCode).toBe(
      200,
    );
  });

  it("creates an instrument from a copy of a version; a name used twice is refused", async () => {
    const v1 = defaultOf(await list())?.versions.at(-1);
    const created = await staff.post("/api/instruments", {
      name: "社区社会组织版",
      copyFromVersionId: v1?.id,
    });
    expect(created.statusCode).toBe(201);
    const draft = (await staff.get(`/api/instrument-versions/${created.json().versions[0].id}`)).json();
    expect(draft).toMatchObject({
      number: 1,
      status: "draft",
      basedOnId: v1?.id,
      instrumentName: "社区社会组织版",
    });
    expect(draft.content).toEqual(DEFAULT_INSTRUMENT);
    const twice = await staff.post("/api/instruments", { name: "社区社会组织版" });
    expect(twice.statusCode).toBe(409);
  });
});

describe("active versions", () => {
  it("only a published version can be a track's; setting it is audited", async () => {
    const created = (await staff.post("/api/instruments", { name: "空间入驻版" })).json();
    const draftId = created.versions[0].id as string;
    const refused = await staff.put("/api/instrument-tracks/space", { versionId: draftId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("instrument_version_not_published");
    await staff.post(`/api/instrument-versions/${draftId}/publish`, { version: 1 });
    const set = await staff.put("/api/instrument-tracks/space", { versionId: draftId });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ track: "space", versionId: draftId });
    expect((await activeInstrumentVersion(t.db, t.baseId, "space"))?.id).toBe(draftId);
    const l = await list();
    expect(l.active.find((a) => a.track === "space")?.versionId).toBe(draftId);
    const mine = l.instruments.find((i) => i.id === created.id);
    expect(mine?.versions[0]?.tracks).toEqual(["space"]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "instrument.activate"), eq(auditLog.entityId, created.id)));
    expect(audit?.after).toMatchObject({ track: "space", versionId: draftId });
  });
});

describe("another base", () => {
  it("its instruments and versions are not found (404), and cannot be made active", async () => {
    const [other] = await t.db
      .insert(bases)
      .values({ code: "instr-other", name: "怀柔区社会组织孵化基地", district: "北京市怀柔区" })
      .returning();
    await t.db.transaction((tx) => seedDefaultInstrument(tx, other?.id as string));
    const [theirs] = await t.db
      .select()
      .from(instrumentVersions)
      .where(eq(instrumentVersions.baseId, other?.id as string));
    const id = theirs?.id as string;
    const answers = await Promise.all([
      staff.get(`/api/instrument-versions/${id}`),
      staff.put(`/api/instrument-versions/${id}`, {
        version: 1,
        changeNote: "",
        content: DEFAULT_INSTRUMENT,
      }),
      staff.post(`/api/instrument-versions/${id}/publish`, { version: 1 }),
      staff.delete(`/api/instrument-versions/${id}`),
      staff.put("/api/instrument-tracks/org", { versionId: id }),
      staff.post(`/api/instruments/${theirs?.instrumentId}/draft`),
      staff.post("/api/instruments", { name: "抄他们的", copyFromVersionId: id }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await list()).instruments.some((i) => i.id === theirs?.instrumentId)).toBe(false);
  });

  it("an organization member or an expert may not read or change instruments", async () => {
    for (const who of ["member", "expert"]) {
      const c = await t.signIn(who);
      expect((await c.get("/api/instruments")).statusCode).toBe(403);
      expect((await c.post("/api/instruments", { name: "不行" })).statusCode).toBe(403);
    }
  });
});

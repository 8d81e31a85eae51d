import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bases } from "../../../src/db/schema";
import { isAuditAction } from "../../../src/schemas/platform/audit-actions";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let admin: Client;
let adminId: string;
let userId: string;

type Entry = { id: number; at: string; action: string; actorId: string | null; entityId: string | null };
const page = async (query: string) => (await admin.get(`/api/audit?${query}`)).json();
/** The database's message when a statement is refused (drizzle wraps the driver's error). */
const refusalOf = (statement: PromiseLike<unknown>) =>
  Promise.resolve(statement).then(
    () => "accepted",
    (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
  );
const actionsOf = (p: { items: Entry[] }) => p.items.map((e) => e.action);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn("admin");
  adminId = (await admin.get("/api/auth/me")).json().user.id;
  // A small history: a user created, edited and disabled by the administrator.
  const created = await admin.post("/api/users", {
    username: "auditee",
    displayName: "审计对象",
    roles: ["mentor"],
    password: "Audit-pass-2026",
  });
  userId = created.json().id;
  await admin.patch(`/api/users/${userId}`, { displayName: "审计对象（改）", roles: ["expert"], version: 1 });
  await admin.post(`/api/users/${userId}/disable`, { version: 2 });
});
afterAll(() => t.close());

describe("browsing the audit log", () => {
  it("shows an entity's history newest first, each change with before and after", async () => {
    const history = await page(`entityType=user&entityId=${userId}`);
    expect(history.total).toBe(3);
    expect(history.items).toMatchObject([
      { action: "user.disabled", before: { status: "active" }, after: { status: "disabled" } },
      {
        action: "user.updated",
        actorId: adminId,
        actorName: "王建国",
        before: { displayName: "审计对象", roles: ["mentor"] },
        after: { displayName: "审计对象（改）", roles: ["expert"] },
      },
      { action: "user.created", before: null, after: { username: "auditee", roles: ["mentor"] } },
    ]);
    const ats = history.items.map((e: Entry) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
  });

  it("filters by exact action or by an action family ending in a dot", async () => {
    expect(actionsOf(await page("action=user.updated"))).toEqual(["user.updated"]);
    const family = actionsOf(await page("action=user.&pageSize=200"));
    expect(family).toEqual(["user.disabled", "user.updated", "user.created"]);
    const auth = actionsOf(await page("action=auth.&pageSize=200"));
    expect(auth.length).toBeGreaterThan(0);
    for (const a of auth) expect(a.startsWith("auth.")).toBe(true);
    expect((await page("action=user")).total).toBe(0); // no dot, no prefix match
    expect((await page("action=us%25")).total).toBe(0); // "%" is literal
  });

  it("filters by actor and by time window", async () => {
    const byAdmin = await page(`actorId=${adminId}&pageSize=200`);
    expect(byAdmin.total).toBeGreaterThanOrEqual(3);
    for (const e of byAdmin.items) expect(e.actorId).toBe(adminId);

    const all = await page("pageSize=200");
    const updated = all.items.find((e: Entry) => e.action === "user.updated") as Entry;
    const at = encodeURIComponent(updated.at);
    expect(actionsOf(await page(`from=${at}&to=${at}`))).toContain("user.updated");
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await page(`from=${future}`)).total).toBe(0);
    const past = encodeURIComponent("2000-01-01T00:00:00+08:00");
    expect((await page(`to=${past}`)).total).toBe(0);
    expect((await page(`from=${past}`)).total).toBe(all.total);
  });

  it("pages newest first", async () => {
    const all = await page("pageSize=200");
    const second = await page("page=2&pageSize=2");
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(second.items.map((e: Entry) => e.id)).toEqual(all.items.slice(2, 4).map((e: Entry) => e.id));
  });

  it("refuses malformed filters with the field", async () => {
    const from = await admin.get("/api/audit?from=yesterday");
    expect(from.statusCode).toBe(400);
    expect(from.json()).toEqual({ code: "validation_failed", field: "from", message: "时间格式不正确" });
    expect((await admin.get("/api/audit?actorId=someone")).json()).toMatchObject({ field: "actorId" });
  });

  it("lists the distinct action names for the filter", async () => {
    const res = await admin.get("/api/audit/actions");
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toEqual(
      expect.arrayContaining(["auth.login", "system.seed", "user.created", "user.updated"]),
    );
    expect([...new Set(items)].sort()).toEqual(items);
    // Every action the log holds is one the registry names, so the page can label and filter it.
    for (const action of items) expect(isAuditAction(action), action).toBe(true);
  });

  it("filters stage 1's events like any other: a call closed, an application started", async () => {
    const call = await make(t).call(); // published and open
    const staff = await t.signIn("staff");
    expect((await staff.post(`/api/calls/${call.id}/close`, { version: call.version })).statusCode).toBe(200);
    const closed = (await page(`action=call.&entityId=${call.id}`)).items as Entry[];
    expect(closed.map((e) => e.action)).toEqual(["call.closed"]);

    const open = await make(t).call();
    const member = await t.signIn("member");
    const created = await member.post("/api/applications", { callId: open.id, track: "org" });
    expect(created.statusCode).toBe(201);
    const started = (await page(`action=application.&entityId=${created.json().id}`)).items as Entry[];
    expect(started.map((e) => e.action)).toEqual(["application.create"]);
  });

  it("shows only the administrator's own base", async () => {
    const [other] = await t.db
      .insert(bases)
      .values({ code: "miyun", name: "密云区社会组织孵化基地", district: "北京市密云区" })
      .returning();
    await t.db.insert(auditLog).values({
      baseId: other?.id as string,
      action: "user.created",
      entityType: "user",
      entityId: "elsewhere",
    });
    expect((await page("entityId=elsewhere")).total).toBe(0);
  });

  it("is for administrators only", async () => {
    const staff = await t.signIn("staff");
    expect((await staff.get("/api/audit")).statusCode).toBe(403);
    expect((await staff.get("/api/audit/actions")).statusCode).toBe(403);
  });
});

describe("the log cannot be changed", () => {
  it("offers no route that changes it", async () => {
    const doc = (await t.anonymous().get("/api/openapi.json")).json();
    const auditPaths = Object.entries(doc.paths as Record<string, object>).filter(([p]) =>
      p.startsWith("/api/audit"),
    );
    expect(auditPaths.length).toBeGreaterThan(0);
    for (const [, methods] of auditPaths) expect(Object.keys(methods)).toEqual(["get"]);
    const [first] = (await page("pageSize=1")).items;
    expect((await admin.delete(`/api/audit/${first.id}`)).statusCode).toBe(404);
  });

  it("refuses UPDATE, DELETE and TRUNCATE even in SQL", async () => {
    const [{ n: before } = { n: 0 }] = await t.db.select({ n: count() }).from(auditLog);
    const statements = [
      t.db.execute(sql`UPDATE audit_log SET action = 'forged' WHERE entity_id = ${userId}`),
      t.db.execute(sql`DELETE FROM audit_log WHERE entity_id = ${userId}`),
      t.db.execute(sql`TRUNCATE audit_log`),
      t.db.update(auditLog).set({ after: null }).where(eq(auditLog.entityId, userId)),
    ];
    for (const statement of statements) {
      // The trigger's own words, so the refusal is not just any failing statement.
      expect(await refusalOf(statement)).toContain("audit_log is append-only");
    }
    const [{ n: after } = { n: 0 }] = await t.db.select({ n: count() }).from(auditLog);
    expect(after).toBe(before);
    expect(actionsOf(await page(`entityId=${userId}`))).toEqual([
      "user.disabled",
      "user.updated",
      "user.created",
    ]);
  });
});

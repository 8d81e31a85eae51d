/** A community liaison's town: required for the role, refused for others, checked, audited. */
import { randomUUID } from "node:crypto";
import { and, desc, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bases, towns } from "../../../src/db/schema";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let admin: Client;
let townA: { id: string; name: string };
let townB: { id: string; name: string };

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn("admin");
  [townA, townB] = (await t.db
    .select({ id: towns.id, name: towns.name })
    .from(towns)
    .where(eq(towns.baseId, t.baseId))
    .limit(2)) as [typeof townA, typeof townB];
});
afterAll(() => t.close());

const create = (body: Record<string, unknown>) =>
  admin.post("/api/users", {
    username: `liaison${Math.floor(Math.random() * 1e9)}`,
    displayName: "测试联络员",
    password: "Liaison-pass-2026",
    roles: ["community_liaison"],
    ...body,
  });

describe("a liaison's town", () => {
  it("is required for the liaison role and named in the 400", async () => {
    const res = await create({});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", field: "townId" });
    expect(res.json().message).toContain("所属镇街");
  });

  it("is refused for other roles, and must be a town of the base", async () => {
    const other = await create({ roles: ["mentor"], townId: townA.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().field).toBe("townId");
    const [base] = await t.db
      .insert(bases)
      .values({ code: `o-${randomUUID().slice(0, 8)}`, name: "另一基地", district: "别区" })
      .returning();
    const [foreign] = await t.db
      .insert(towns)
      .values({ baseId: base?.id as string, name: "别镇", kind: "town" })
      .returning();
    const res = await create({ townId: foreign?.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("townId");
    expect((await create({ townId: "not-a-uuid" })).json().field).toBe("townId");
  });

  it("is set, shown, kept on an edit that leaves it out, changed, dropped with the role, audited", async () => {
    const res = await create({ townId: townA.id });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ townId: townA.id, townName: townA.name });
    const me = (await t.signIn(user.username, "Liaison-pass-2026")).get("/api/auth/me");
    // The user's own contact, as their home shows it for them to check: the mobile masked.
    expect((await me).json().user).toMatchObject({ townId: townA.id, townName: townA.name, mobile: null });
    const liaisonMe = (await (await t.signIn("liaison")).get("/api/auth/me")).json().user;
    expect(liaisonMe).toMatchObject({ mobile: "138****0007", email: null });

    const kept = await admin.patch(`/api/users/${user.id}`, {
      displayName: "改名联络员",
      roles: ["community_liaison"],
      version: 1,
    });
    expect(kept.json()).toMatchObject({ townId: townA.id, version: 2 });
    const moved = await admin.patch(`/api/users/${user.id}`, {
      displayName: "改名联络员",
      roles: ["community_liaison"],
      townId: townB.id,
      version: 2,
    });
    expect(moved.json()).toMatchObject({ townId: townB.id, townName: townB.name, version: 3 });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), ne(auditLog.action, "auth.login")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.before).toMatchObject({ townId: townA.id });
    expect(entry?.after).toMatchObject({ townId: townB.id });

    const dropped = await admin.patch(`/api/users/${user.id}`, {
      displayName: "改名联络员",
      roles: ["mentor"],
      version: 3,
    });
    expect(dropped.json()).toMatchObject({ roles: ["mentor"], townId: null, townName: null });
  });

  it("must be chosen when an account becomes a liaison, even on an edit", async () => {
    const user = await make(t).user({ roles: ["partner"] });
    const res = await admin.patch(`/api/users/${user.id}`, {
      displayName: user.displayName,
      roles: ["community_liaison"],
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("townId");
  });
});

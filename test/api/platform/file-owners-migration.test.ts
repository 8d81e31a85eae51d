/**
 * Migration 0012 on a database written before them: files rows that named only their
 * application get an owner (a document, or a thread attachment: sent with a message or never
 * sent), and each is still readable by exactly those who could read it before.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, MIGRATIONS_DIR, migrateDatabase, openDatabase, rowsOf } from "../../../src/db/client";
import type { Role } from "../../../src/domain/roles";
import { fileForDownload } from "../../../src/server/areas/platform/files/service";
import type { Context } from "../../../src/server/context";
import { defaultCallRules } from "../../factories";
import { adminQuery, withDatabase } from "../../support/postgres-setup";

/** The migrations folder as it was before files had owners (0000-0011). */
function migrationsBefore(lastTag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hatchery-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

let database: Database;
let dropDatabase = async () => {};

beforeAll(async () => {
  const oldFolder = migrationsBefore("0011_enumeration_checks");
  if (process.env.TEST_ENGINE === "postgres") {
    const url = process.env.DATABASE_URL as string;
    const name = `hatchery_${inject("pgRun")}_mig${randomBytes(4).toString("hex")}`;
    await adminQuery(url, `CREATE DATABASE ${name}`);
    database = await openDatabase({ databaseUrl: withDatabase(url, name) });
    dropDatabase = () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await migratePg(database.db as never, { migrationsFolder: oldFolder });
  } else {
    database = await openDatabase({ databaseUrl: null, embedded: { memory: true } });
    await migratePglite(database.db as never, { migrationsFolder: oldFolder });
  }
});
afterAll(async () => {
  await database.close();
  await dropDatabase();
});

const ids = {
  base: randomUUID(),
  otherBase: randomUUID(),
  organization: randomUUID(),
  otherOrganization: randomUUID(),
  call: randomUUID(),
  application: randomUUID(),
  document: randomUUID(),
  sent: randomUUID(),
  unsent: randomUUID(),
};

/** What the old code wrote: files naming their application, a document row, a message listing a file. */
async function writeTheOldWay(db: Database["db"]) {
  const rules = JSON.stringify(defaultCallRules());
  await db.execute(sql`
    INSERT INTO bases (id, code, name, district) VALUES
      (${ids.base}, 'old', '旧基地', '昌平'), (${ids.otherBase}, 'other', '另一基地', '别处')`);
  await db.execute(sql`
    INSERT INTO organizations (id, base_id, name, registration_status) VALUES
      (${ids.organization}, ${ids.base}, '阳光助老服务中心', 'social_service_agency'),
      (${ids.otherOrganization}, ${ids.base}, '另一个组织', 'social_service_agency')`);
  await db.execute(sql`
    INSERT INTO calls (id, base_id, title, rules, opens_at, closes_at)
    VALUES (${ids.call}, ${ids.base}, '2026年度孵化招募', ${rules}::jsonb, now(), now() + interval '30 days')`);
  await db.execute(sql`
    INSERT INTO applications (id, base_id, call_id, organization_id, track, call_revision)
    VALUES (${ids.application}, ${ids.base}, ${ids.call}, ${ids.organization}, 'org', 1)`);
  for (const [id, name] of [
    [ids.document, "计划书.pdf"],
    [ids.sent, "附件.png"],
    [ids.unsent, "未发送.png"],
  ] as const) {
    await db.execute(sql`
      INSERT INTO files (id, base_id, sha256, size, mime, original_name, application_id)
      VALUES (${id}, ${ids.base}, ${"a".repeat(64)}, 10, 'application/pdf', ${name}, ${ids.application})`);
  }
  await db.execute(sql`
    INSERT INTO application_documents (base_id, application_id, requirement_key, file_id)
    VALUES (${ids.base}, ${ids.application}, 'plan', ${ids.document})`);
  await db.execute(sql`
    INSERT INTO application_messages (base_id, application_id, side, author_name, body, file_ids)
    VALUES (${ids.base}, ${ids.application}, 'applicant', '申请人', '见附件', ARRAY[${ids.sent}]::uuid[])`);
}

function contextOf(roles: Role[], baseId: string, organizationId: string | null): Context {
  return {
    actor: {
      userId: randomUUID(),
      baseId,
      roles,
      organizationId,
      townId: null,
      partnerId: null,
      crossBase: false,
      displayName: "测试",
      sessionId: randomUUID(),
      mustChangePassword: false,
    },
    ip: null,
    userAgent: null,
    lang: "zh-CN",
  };
}

describe("files written before owners existed", () => {
  it("get their application as owner, as a document or as the thread's, and stay readable by the same people", async () => {
    await writeTheOldWay(database.db);
    await migrateDatabase(database);
    const rows = rowsOf<{ id: string; owner_type: string; owner_id: string }>(
      await database.db.execute(sql`SELECT id, owner_type, owner_id FROM files ORDER BY original_name`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.document)).toMatchObject({
      owner_type: "application_document",
      owner_id: ids.application,
    });
    expect(byId.get(ids.sent)).toMatchObject({ owner_type: "application_thread", owner_id: ids.application });
    expect(byId.get(ids.unsent)).toMatchObject({
      owner_type: "application_thread",
      owner_id: ids.application,
    });

    const member = contextOf(["org_member"], ids.base, ids.organization);
    const staff = contextOf(["staff"], ids.base, null);
    const stranger = contextOf(["org_member"], ids.base, ids.otherOrganization);
    const foreignStaff = contextOf(["staff"], ids.otherBase, null);
    for (const id of [ids.document, ids.sent, ids.unsent]) {
      expect((await fileForDownload(database.db, member, id)).id).toBe(id);
      expect((await fileForDownload(database.db, staff, id)).id).toBe(id);
      await expect(fileForDownload(database.db, stranger, id)).rejects.toMatchObject({ code: "not_found" });
      await expect(fileForDownload(database.db, foreignStaff, id)).rejects.toMatchObject({
        code: "not_found",
      });
    }
  });

  it("the database refuses an owner kind it does not know, or a file without an owner", async () => {
    const insert = (ownerType: string | null) =>
      database.db.execute(sql`
        INSERT INTO files (base_id, sha256, size, mime, original_name, owner_type, owner_id)
        VALUES (${ids.base}, ${"b".repeat(64)}, 1, 'application/pdf', 'x.pdf', ${ownerType}, ${ids.application})`);
    await expect(insert("mentoring_report")).rejects.toThrow();
    await expect(insert(null)).rejects.toThrow();
    await expect(insert("application_document")).resolves.toBeDefined();
    // Migration 0014 added the inspection's photos and scans as a known kind.
    await expect(insert("inspection")).resolves.toBeDefined();
  });
});

/**
 * The bench's COPY loader (bench/bulk.ts) on the engine under test: what it writes reads back as
 * Drizzle wrote it (text with COPY's separators in it, jsonb, arrays, dates, nulls), a row that
 * leaves a column out gets the column's default, and a failed COPY is an error, not a hang.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRows } from "../../../bench/bulk";
import type { Database } from "../../../src/db/client";
import { bases, organizations } from "../../../src/db/schema";
import { testDatabase } from "../../support/database";

let database: Database;
let baseId: string;

beforeAll(async () => {
  database = await testDatabase();
  const [base] = await database.db.select({ id: bases.id }).from(bases).limit(1);
  baseId = base?.id as string;
});
afterAll(() => database.close());

describe("bench COPY loader", () => {
  it("writes what reads back as Drizzle's own insert would", async () => {
    const awkward = {
      id: "0b7e3f3a-6f0e-4b7a-9a52-2f1c0e4d9a01",
      baseId,
      name: "反斜杠\\与制表符\t与换行\n与回车\r的机构",
      registrationStatus: "social_group" as const,
      creditCode: "51110114MJTEST0001",
      foundedOn: "2019-04-02",
      fields: ["elderly" as const, "culture" as const],
      townId: null,
      communityIds: [],
      address: null,
      description: '引号"与 \\N 字样',
      residency: "virtual" as const,
    };
    const plain = {
      ...awkward,
      id: "0b7e3f3a-6f0e-4b7a-9a52-2f1c0e4d9a02",
      name: "普通机构",
      creditCode: "51110114MJTEST0002",
    };
    // The second row sets a column the first leaves to its default: two COPYs, both right.
    await copyRows(database, organizations, [awkward, { ...plain, staffCount: 12 }]);
    const rows = await database.db
      .select()
      .from(organizations)
      .where(inArray(organizations.id, [awkward.id, plain.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const first = byId.get(awkward.id);
    expect(first).toMatchObject({
      name: awkward.name,
      description: awkward.description,
      fields: ["elderly", "culture"],
      foundedOn: "2019-04-02",
      townId: null,
      address: null,
      residency: "virtual",
    });
    expect(first?.createdAt).toBeInstanceOf(Date);
    expect(byId.get(plain.id)?.staffCount).toBe(12);
  });

  it("fails with the database's error when a row breaks a constraint", async () => {
    const [existing] = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.baseId, baseId))
      .limit(1);
    // The same id again: the primary key refuses it.
    await expect(copyRows(database, organizations, [{ ...existing }])).rejects.toThrow(
      /duplicate key|unique/i,
    );
    // The connection is usable afterwards.
    const [again] = await database.db.select({ id: organizations.id }).from(organizations).limit(1);
    expect(again?.id).toBeTruthy();
  });
});

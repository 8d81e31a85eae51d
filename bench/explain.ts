/**
 * `--explain`: EXPLAIN ANALYZE of the SQL the organization scenarios send (the list's count and
 * page, one detail), built by the services' own functions so the plan shown is the one measured.
 */
import { count, eq } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { organizations } from "../src/db/schema";
import { ZOrganizationQuery } from "../src/schemas/organizations";
import { orderOf, visibleMatching } from "../src/server/areas/organizations/list";
import { selectOrganizations } from "../src/server/areas/organizations/view";
import type { Context } from "../src/server/context";
import { SEARCH_TERM } from "./scenarios";

export async function explainQueries(database: Database, baseId: string, detailId: string): Promise<string> {
  const query = ZOrganizationQuery.parse({ residency: "virtual", q: SEARCH_TERM, page: "1", pageSize: "20" });
  const ctx: Context = {
    actor: {
      userId: "",
      baseId,
      roles: ["staff"],
      organizationId: null,
      crossBase: false,
      displayName: "",
      sessionId: "",
      mustChangePassword: false,
    },
    ip: null,
    userAgent: null,
    lang: "zh-CN",
  };
  const { db } = database;
  const where = visibleMatching(ctx, query);
  const statements = {
    count: db.select({ total: count() }).from(organizations).where(where).toSQL(),
    page: selectOrganizations(db)
      .where(where)
      .orderBy(...orderOf(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .toSQL(),
    detail: selectOrganizations(db).where(eq(organizations.id, detailId)).limit(1).toSQL(),
  };
  const out: string[] = [];
  for (const [name, statement] of Object.entries(statements)) {
    const text = `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`;
    const params = statement.params as unknown[];
    const result = database.pool
      ? await database.pool.query(text, params)
      : await database.pglite?.query(text, params);
    const lines = ((result?.rows ?? []) as Record<string, string>[]).map((row) => Object.values(row)[0]);
    out.push(`-- ${database.engine}, ${name} query:\n${statement.sql}\n${lines.join("\n")}`);
  }
  return out.join("\n\n");
}

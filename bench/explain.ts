/**
 * `--explain`: EXPLAIN ANALYZE of the SQL the scenarios send, built or run by the services' own
 * functions so the plan shown is the one measured: the organization list's count and page and one
 * detail (from their query builders), the intake queue's count and page and the bell's count (as
 * `listQueue` and `unreadCount` send them, caught by a Drizzle logger over the same connection), and
 * the service queue's page and count as `listRequests` sends them for its first page (issue 12).
 */
import { count, eq } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Database, Db } from "../src/db/client";
import * as schema from "../src/db/schema";
import { organizations, users } from "../src/db/schema";
import { ZOrganizationQuery } from "../src/schemas/platform/organizations";
import { ZQueueQuery } from "../src/schemas/recruitment/intake";
import { ZRequestQuery } from "../src/schemas/services/requests";
import { unreadCount } from "../src/server/areas/platform/notifications/service";
import { orderOf, visibleMatching } from "../src/server/areas/platform/organizations/list";
import { selectOrganizations } from "../src/server/areas/platform/organizations/view";
import { listQueue } from "../src/server/areas/recruitment/intake/queue";
import { listRequests } from "../src/server/areas/services/requests/list";
import type { Context } from "../src/server/context";
import { queueQuery, SEARCH_TERM } from "./scenarios";

interface Statement {
  sql: string;
  params: unknown[];
}

export async function explainQueries(
  database: Database,
  baseId: string,
  detailId: string,
  callId: string,
): Promise<string> {
  const query = ZOrganizationQuery.parse({ residency: "virtual", q: SEARCH_TERM, page: "1", pageSize: "20" });
  const { db } = database;
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.username, "staff")).limit(1);
  const ctx: Context = {
    actor: {
      userId: staff?.id ?? "",
      baseId,
      roles: ["staff"],
      organizationId: null,
      crossBase: false,
      townId: null,
      partnerId: null,
      displayName: "",
      sessionId: "",
      mustChangePassword: false,
    },
    ip: null,
    userAgent: null,
    lang: "zh-CN",
  };
  const where = visibleMatching(ctx, query);
  const [queueCount, queuePage] = await statementsOf(database, (logged) =>
    listQueue(logged, ctx, ZQueueQuery.parse(queueQuery(callId))),
  );
  const [bell] = await statementsOf(database, (logged) => unreadCount(logged, ctx));
  const [serviceFirst, serviceSecond] = await statementsOf(database, (logged) =>
    listRequests(logged, ctx, ZRequestQuery.parse({ page: "1", pageSize: "20" })),
  );
  const statements: Record<string, Statement | undefined> = {
    count: db.select({ total: count() }).from(organizations).where(where).toSQL(),
    page: selectOrganizations(db)
      .where(where)
      .orderBy(...orderOf(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .toSQL(),
    detail: selectOrganizations(db).where(eq(organizations.id, detailId)).limit(1).toSQL(),
    "intake queue count": queueCount,
    "intake queue page": queuePage,
    "unread notifications count": bell,
    "service queue (page 1), first statement": serviceFirst,
    "service queue (page 1), second statement": serviceSecond,
  };
  const out: string[] = [];
  for (const [name, statement] of Object.entries(statements)) {
    if (!statement) throw new Error(`bench: --explain caught no ${name} query`);
    const text = `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`;
    const result = database.pool
      ? await database.pool.query(text, statement.params)
      : await database.pglite?.query(text, statement.params);
    const lines = ((result?.rows ?? []) as Record<string, string>[]).map((row) => Object.values(row)[0]);
    out.push(`-- ${database.engine}, ${name} query:\n${statement.sql}\n${lines.join("\n")}`);
  }
  return out.join("\n\n");
}

/** The statements `run` sends, in order (it runs them too), on a Drizzle instance that logs them. */
async function statementsOf(database: Database, run: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const caught: Statement[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => void caught.push({ sql, params }) };
  const logged = database.pool
    ? drizzlePg(database.pool, { schema, logger })
    : database.pglite
      ? drizzlePglite(database.pglite as never, { schema, logger })
      : null;
  if (!logged) throw new Error("bench: no database client to explain on");
  await run(logged as unknown as Db);
  return caught;
}

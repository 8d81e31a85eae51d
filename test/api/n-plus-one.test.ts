/**
 * No list runs SQL statements in proportion to the rows it answers (an N+1): every paged list of
 * the OpenAPI document is called at pageSize 2 and at pageSize 50, over at least 50 rows, and the
 * statements the server counted for each call (its `Server-Timing` header,
 * src/db/statement-count.ts) must not grow with the page.
 *
 * Which routes are lists is read from the document the app serves, so a new one is covered
 * without anyone remembering it: a GET is a paged list when it takes a `pageSize` query parameter
 * or answers (200, JSON) an object with both an `items` array and a `total`. Each needs a row in
 * PAGED below (who may call it, its path's ids, the rows it needs) or in NOT_MEASURED with the
 * reason; a list in neither, or a row for a route that is no list, fails the first test.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expertInvitations, users } from "../../src/db/schema";
import { make } from "../factories";
import type { Client, TestApp } from "../support/app";
import { startTestApp } from "../support/app";
import { plan } from "./admission/inspection-support";
import { expert, inDays, inspectedApplication } from "./admission/rounds-support";

/** A demo account (demo password) that may use the list. */
type Account = "admin" | "staff" | "expert" | "member" | "viewer" | "liaison";

interface Ids {
  /** A published call of the base, open now, that the grown rows belong to. */
  call: string;
}

interface Measured {
  as: Account;
  /** The path with its ids, when the route has path parameters; a query of its own may follow. */
  url?: (ids: Ids) => string;
  /** Adds rows until the list (as `as` sees it, at `url`) has at least ROWS. */
  grow?: (ctx: GrowContext) => Promise<void>;
}

interface GrowContext {
  t: TestApp;
  ids: Ids;
  as: (account: Account) => Client;
}

const ROWS = 50;
const SMALL = 2;

const times = async (n: number, each: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < n; i++) await each(i);
};

// biome-ignore format: reads as a table
const PAGED: Record<string, Measured> = {
  "GET /api/organizations":      { as: "admin" },
  "GET /api/users":              { as: "admin" },
  "GET /api/audit":              { as: "admin" },
  "GET /api/calls":              { as: "staff", grow: ({ t }) => times(ROWS, () => make(t).call()) },
  "GET /api/applications":       { as: "staff", grow: ({ t, ids }) =>
                                     times(ROWS, (i) => inspectedApplication(t, ids.call, { status: i % 2 ? "submitted" : "accepted" })) },
  "GET /api/experts":            { as: "staff", grow: ({ t }) => times(ROWS, () => expert(t, ["health", "elderly"])) },
  "GET /api/expert-invitations": { as: "staff", grow: ({ t }) => growInvitations(t) },
  "GET /api/rounds":             { as: "staff", grow: ({ as, ids }) =>
                                     times(ROWS, (i) => created(as("staff").post("/api/rounds", {
                                       callId: ids.call, title: `N+1 测试轮次${i}`, reviewsPerSubject: 2, deadline: inDays(10) }))) },
  "GET /api/inspections":        { as: "staff", grow: ({ t, ids, as }) => growInspections(t, ids, as("staff")) },
  "GET /api/notifications":      { as: "staff" },
};

/** Paged lists this test does not call, each with why. */
const NOT_MEASURED: Record<string, string> = {};

let t: TestApp;
let ids: Ids;
const clients = {} as Record<Account, Client>;

beforeAll(async () => {
  t = await startTestApp();
  for (const account of ["admin", "staff", "expert", "member", "viewer", "liaison"] as const) {
    clients[account] = await t.signIn(account);
  }
  const call = await make(t).call();
  ids = { call: call.id };
  const ctx: GrowContext = { t, ids, as: (account) => clients[account] };
  for (const measured of Object.values(PAGED)) await measured.grow?.(ctx);
}, 600_000);
afterAll(() => t?.close());

describe("no list runs a statement per row (N+1)", () => {
  it("knows every paged list of the OpenAPI document, and no other route", async () => {
    const paged = await pagedLists();
    const known = [...Object.keys(PAGED), ...Object.keys(NOT_MEASURED)];
    expect({
      neitherMeasuredNorExcused: paged.filter((route) => !known.includes(route)),
      rowWithoutPagedList: known.filter((route) => !paged.includes(route)),
    }).toEqual({ neitherMeasuredNorExcused: [], rowWithoutPagedList: [] });
  });

  it(`every paged list runs as many statements for ${ROWS} rows as for ${SMALL}`, async () => {
    const offenders: string[] = [];
    const tooFew: string[] = [];
    for (const [route, measured] of Object.entries(PAGED)) {
      const path = route.split(" ")[1] as string;
      if (path.includes("{") && !measured.url) throw new Error(`${route}: give its url with real ids`);
      const url = measured.url ? measured.url(ids) : path;
      const client = clients[measured.as];
      // The least of two calls at each size: a session's last-seen time is written at most once a
      // minute, and that statement must not count against one size.
      const small = Math.min(...(await statementsAt(client, url, SMALL, 2)));
      const [large, rows, total] = await rowsAt(client, url, ROWS);
      const large2 = await rowsAt(client, url, ROWS);
      const largest = Math.min(large, large2[0]);
      if (rows < ROWS) tooFew.push(`${route}: ${rows} rows of ${total} at pageSize ${ROWS}; grow it`);
      if (largest > small) {
        offenders.push(
          `${route} as ${measured.as}: ${small} statements at pageSize ${SMALL}, ${largest} at ${ROWS}`,
        );
      }
    }
    expect({ tooFew, offenders }).toEqual({ tooFew: [], offenders: [] });
  });
});

/** "GET /api/…" of every paged list: a pageSize parameter, or an answer with items and total. */
async function pagedLists(): Promise<string[]> {
  const doc = (await t.anonymous().get("/api/openapi.json")).json();
  const routes: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
    const get = methods.get;
    if (!get) continue;
    const takesPageSize = (get.parameters ?? []).some((p) => p.in === "query" && p.name === "pageSize");
    const answer = get.responses?.["200"]?.content?.["application/json"]?.schema;
    const itemsAndTotal =
      answer?.properties?.items?.type === "array" && answer.properties.total !== undefined;
    if (takesPageSize || itemsAndTotal) routes.push(`GET ${path}`);
  }
  return routes.sort();
}

interface Operation {
  parameters?: { in: string; name: string }[];
  responses?: Record<
    string,
    { content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> }
  >;
}

function withPage(url: string, pageSize: number): string {
  return `${url}${url.includes("?") ? "&" : "?"}page=1&pageSize=${pageSize}`;
}

async function statementsAt(client: Client, url: string, pageSize: number, calls: number): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < calls; i++) counts.push((await rowsAt(client, url, pageSize))[0]);
  return counts;
}

/** [statements, rows answered, total] of one call. */
async function rowsAt(client: Client, url: string, pageSize: number): Promise<[number, number, number]> {
  const response = await client.get(withPage(url, pageSize));
  if (response.statusCode !== 200) {
    throw new Error(`GET ${withPage(url, pageSize)}: ${response.statusCode} ${response.body}`);
  }
  const body = response.json() as { items: unknown[]; total: number };
  return [statementsOf(response.headers["server-timing"]), body.items.length, body.total];
}

function statementsOf(header: unknown): number {
  const match = /db;desc="(\d+) statements?"/.exec(String(header ?? ""));
  if (!match) throw new Error(`no statement count in Server-Timing: ${String(header)}`);
  return Number(match[1]);
}

async function created(response: Promise<{ statusCode: number; body: string }>): Promise<void> {
  const r = await response;
  if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
}

async function growInvitations(t: TestApp): Promise<void> {
  const [staff] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "staff"));
  await t.db.insert(expertInvitations).values(
    Array.from({ length: ROWS }, (_, i) => ({
      baseId: t.baseId,
      tokenHash: `n-plus-one-${i}-${Math.random()}`,
      name: `受邀专家${i}`,
      mobile: `1770000${String(i).padStart(4, "0")}`,
      fields: ["health" as const],
      expiresAt: new Date(Date.now() + 14 * 24 * 3600 * 1000),
      createdBy: staff?.id ?? null,
    })),
  );
}

/** Planned inspections of accepted applications, each with an invited expert and the demo expert. */
async function growInspections(t: TestApp, ids: Ids, staff: Client): Promise<void> {
  const [demoExpert] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "expert"));
  const other = await expert(t);
  await times(ROWS, async () => {
    const { application } = await inspectedApplication(t, ids.call, { status: "accepted" });
    await plan(staff, application.id, [demoExpert?.id as string, other.id]);
  });
}

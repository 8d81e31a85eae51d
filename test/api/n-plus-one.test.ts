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
 *
 * A list without pages (the answer is an array, or an object with an `items` array and no
 * `total`) answers all its rows, so it is measured by its data instead: called, given more rows,
 * called again; the second call must answer more rows with no more statements. Each is in
 * UNPAGED, with how to grow it or why it is not measured, the same way.
 */
import { and, eq, ne, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionNotices,
  applications,
  communities,
  expertInvitations,
  flagshipProgrammes,
  growthEvents,
  incubations,
  partners,
  replicationSites,
  reviewRounds,
  reviews,
  roundSubjects,
  towns,
  trainings,
  users,
} from "../../src/db/schema";
import { make } from "../factories";
import type { Client, TestApp } from "../support/app";
import { startTestApp } from "../support/app";
import { plan } from "./admission/inspection-support";
import { roundWithReviews } from "./admission/ranking-fixtures";
import { expert, inDays, inspectedApplication } from "./admission/rounds-support";
import { growExpenses } from "./funding/spending-support";
import { fund, grant, project } from "./funding/support";
import { cohort, growAssessments, incubation } from "./incubation/assessments-support";
import { incubationOf } from "./incubation/plan-support";
import { logSessions, pairedMentor } from "./services/mentoring-support";
import { growPosts, targetedPostWithReceipts } from "./services/posts-support";
import { catalogueService, growServiceRecords, growServiceRequests } from "./services/support";
import { growTrainings } from "./services/trainings-support";

/** A demo account (demo password) that may use the list. */
type Account = "admin" | "staff" | "expert" | "member" | "viewer" | "liaison";

interface Ids {
  /** An incubation of another organization (its needs are grown). */
  incubation: string;
  /** A published call of the base, open now, that the grown rows belong to. */
  call: string;
  /** A submitted application of the demo member's organization. */
  application: string;
  /** The demo member's organization. */
  memberOrganization: string;
  /** A closed round with reviews: its id, rubric and experts. */
  round: string;
  rubric: string;
  experts: string[];
  /** An incubation of a new organization (its assessments). */
  assessed: string;
  /** A targeted post (its read receipts). */
  post: string;
  /** A demo training (whom staff may enrol in it). */
  training: string;
}

interface Measured {
  as: Account;
  /** The path with its ids, when the route has path parameters; a query of its own may follow. */
  url?: (ids: Ids) => string;
  /** Adds rows, so that the list (as `as` sees it, at `url`) has at least ROWS. */
  grow?: (ctx: GrowContext) => Promise<void>;
}

interface GrowContext {
  t: TestApp;
  ids: Ids;
  as: (account: Account) => Client;
}

const ROWS = 50;
/** The grant whose spending items are grown (its list is measured). */
let spendingGrantId = "";
/** The project whose replication sites and indicators are grown. */
let sitesProjectId = "";

/** `n` grants, each to a project of a new organization's incubation, from one fund. */
async function growGrants(t: TestApp, n: number): Promise<void> {
  const from = await fund(t, { capacityFen: n * 20_000_000 });
  await times(n, async () => {
    await grant(t, await project(t, (await make(t).organization()).id), from);
  });
}
const SMALL = 2;

const times = async (n: number, each: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < n; i++) await each(i);
};

// biome-ignore format: reads as a table
const PAGED: Record<string, Measured> = {
  "GET /api/organizations":      { as: "admin" },
  "GET /api/users":              { as: "admin" },
  "GET /api/audit":              { as: "admin" },
  "GET /api/calls":              { as: "staff", grow: ({ t }) =>
                                     // drafts, which staff list and the portal does not (its list stops at 50)
                                     times(ROWS, () => make(t).call({ status: "draft", publishedAt: null })) },
  "GET /api/applications":       { as: "staff", grow: ({ t, ids }) =>
                                     times(ROWS, (i) => inspectedApplication(t, ids.call, { status: i % 2 ? "submitted" : "accepted" })) },
  "GET /api/experts":            { as: "staff", grow: ({ t }) => times(ROWS, () => expert(t, ["health", "elderly"])) },
  "GET /api/expert-invitations": { as: "staff", grow: ({ t }) => growInvitations(t) },
  "GET /api/rounds":             { as: "staff", grow: ({ as, ids }) =>
                                     times(ROWS, (i) => created(as("staff").post("/api/rounds", {
                                       callId: ids.call, title: `N+1 测试轮次${i}`, reviewsPerSubject: 2, deadline: inDays(10) }))) },
  "GET /api/inspections":        { as: "staff", grow: ({ t, ids, as }) => growInspections(t, ids, as("staff")) },
  "GET /api/notifications":      { as: "staff" },
  "GET /api/rounds/{id}/ranking":{ as: "staff", url: (i) => `/api/rounds/${i.round}/ranking`,
                                   grow: ({ t, ids }) => growRound(t, ids, ROWS) },
  "GET /api/organizations/{id}/growth": { as: "member", url: (i) => `/api/organizations/${i.memberOrganization}/growth`,
                                   grow: ({ t, ids }) => growGrowthFile(t, ids) },
  "GET /api/incubations":        { as: "staff", grow: ({ t, as }) => growIncubations(t, as("staff")) },
  "GET /api/people":             { as: "staff", grow: ({ t }) => times(ROWS, () => make(t).user({ roles: ["individual"] })) },
  "GET /api/partners":           { as: "staff", grow: ({ t }) => times(ROWS, (i) =>
                                     t.db.insert(partners).values({ baseId: t.baseId, name: `N+1 测试伙伴${i}`, kind: "enterprise" })) },
  "GET /api/services/requests":  { as: "staff", grow: ({ t }) => growServiceRequests(t, ROWS) },
  "GET /api/services/records":   { as: "staff", grow: ({ t }) => growServiceRecords(t, ROWS) },
  // Posts: targeted ones with receipts counted per row (staff); the feed with its read marks; the portal.
  "GET /api/posts":              { as: "staff", grow: async ({ t }) => {
                                     const grown = await growPosts(t, ROWS, { visibility: "members", targetResidencies: ["resident"] });
                                     for (const id of grown.slice(0, 3)) await targetedPostWithReceipts(t, 2, id);
                                   } },
  "GET /api/post-feed":          { as: "member", grow: ({ t }) => growPosts(t, ROWS, { visibility: "members" }).then(() => undefined) },
  "GET /api/portal/posts":       { as: "member", grow: ({ t }) => growPosts(t, ROWS).then(() => undefined) },
  // Funding: grants and projects, each with its organization, fund and figures joined.
  "GET /api/grants":             { as: "staff", grow: ({ t }) => growGrants(t, ROWS) },
  "GET /api/projects":           { as: "staff", grow: ({ t }) => growGrants(t, ROWS) },
  "GET /api/grants/{id}/expenses": { as: "staff", url: () => `/api/grants/${spendingGrantId}/expenses`,
                                   grow: async ({ t }) => { spendingGrantId = await growExpenses(t, ROWS); } },
};

/** Paged lists this test does not call, each with why. */
const NOT_MEASURED: Record<string, string> = {
  "GET /api/services/requests/export.xlsx":
    "the queue's export: the query of GET /api/services/requests, every page at once",
};

const GROWTH = 10;

interface Grown extends Measured {
  grow: (ctx: GrowContext) => Promise<void>;
  /** The rows of an answer that is not an array or `{ items }`. */
  // biome-ignore lint/suspicious/noExplicitAny: each answer's own shape
  rows?: (body: any) => number;
}

// biome-ignore format: reads as a table
const UNPAGED: Record<string, Grown | string> = {
  "GET /api/audit/actions":            "the registry of action codes in the code (audit-actions.ts), read from no table",
  "GET /api/towns":                    { as: "staff", grow: ({ t }) => growTowns(t) },
  "GET /api/hub-organizations":        { as: "staff", grow: ({ t }) =>
                                           times(GROWTH, () => make(t).organization({ registrationStatus: "foundation" })) },
  "GET /api/registration/bases":       "the installation's bases: one per district, created by an operator, not by use",
  "GET /api/portal/calls":             { as: "member", grow: ({ t }) => times(GROWTH, () => make(t).call()) },
  "GET /api/applications/mine":        { as: "member", grow: ({ t }) => growOwnApplications(t) },
  "GET /api/applications/{id}/messages": { as: "staff", url: (i) => `/api/applications/${i.application}/messages`,
                                           grow: ({ as, ids }) => times(GROWTH, (i) =>
                                             created(as("staff").post(`/api/applications/${ids.application}/messages`, { body: `N+1 测试消息${i}`, fileIds: [] }))) },
  "GET /api/experts/me/conflicts":     { as: "expert", grow: ({ t, as }) => times(GROWTH, async (i) => {
                                           const organization = await make(t).organization();
                                           await created(as("expert").post("/api/experts/me/conflicts", { organizationId: organization.id, reason: `N+1 测试回避${i}` }));
                                         }) },
  "GET /api/experts/me/organizations": { as: "expert", url: () => `/api/experts/me/organizations?q=${encodeURIComponent("回避测试")}`,
                                           grow: ({ t }) => times(GROWTH, (i) => make(t).organization({ name: `回避测试公益服务中心${i}` })) },
  "GET /api/rounds/{id}/notes":        { as: "staff", url: (i) => `/api/rounds/${i.round}/notes`,
                                           grow: ({ as, ids }) => times(GROWTH, (i) =>
                                             created(as("staff").post(`/api/rounds/${ids.round}/notes`, { body: `N+1 测试记录${i}` }))) },
  "GET /api/organizations/{id}/placements": "an organization's places: one per admitted application, a handful in its life",
  "GET /api/notices":                  { as: "staff", grow: ({ t, ids }) => growNotices(t, ids) },
  "GET /api/portal/notices":           { as: "member", grow: ({ t, ids }) => growNotices(t, ids) },
  "GET /api/inspections/inspectors":   { as: "staff", grow: ({ t }) => times(GROWTH, () => expert(t)) },
  "GET /api/cohorts":                  { as: "staff", grow: ({ as }) => times(GROWTH, (i) =>
                                           created(as("staff").post("/api/cohorts", { name: `N+1 测试批次${i}-${Date.now()}`, startsOn: "2026-03-01" }))) },
  "GET /api/organizations/{id}/incubations": "an organization's incubations: one open at a time, a handful in its life",
  "GET /api/incubations/{id}/needs":   { as: "staff", url: (i) => `/api/incubations/${i.incubation}/needs`,
                                           grow: ({ as, ids }) => times(GROWTH, (i) =>
                                             created(as("staff").post(`/api/incubations/${ids.incubation}/needs`, { category: "information", title: `N+1 测试需求${i}`, source: "other" }))) },
  "GET /api/mentors":                  { as: "staff", grow: ({ t }) => times(GROWTH, () => make(t).user({ roles: ["mentor"] })) },
  // The demo's mentor (陈思远) mentors the member's organization: its sessions wait for the member's answer.
  "GET /api/mentoring/to-answer":      { as: "member", grow: async ({ t, ids }) =>
                                           logSessions(await t.signIn("mentor"), await openIncubationOf(t, ids.memberOrganization), GROWTH) },
  "GET /api/incubations/{id}/mentorships": { as: "staff", url: (i) => `/api/incubations/${i.incubation}/mentorships`,
                                           grow: ({ t, ids, as }) => times(GROWTH, () => pairedMentor(t, as("staff"), ids.incubation, "2027-08-31")) },
  "GET /api/incubations/{id}/mentoring-sessions": { as: "staff", url: (i) => `/api/incubations/${i.incubation}/mentoring-sessions`,
                                           grow: async ({ t, ids, as }) =>
                                             logSessions((await pairedMentor(t, as("staff"), ids.incubation, "2027-08-31")).client, ids.incubation, GROWTH) },
  "GET /api/incubations/{id}/assessments": { as: "staff", url: (i) => `/api/incubations/${i.assessed}/assessments`,
                                           grow: ({ t, ids }) => growAssessments(t, ids.assessed) },
  "GET /api/trainings":                { as: "staff", grow: ({ as }) => growTrainings(as("staff"), GROWTH, as("member")) },
  "GET /api/trainings/mine":           { as: "member", grow: ({ as }) => growTrainings(as("staff"), GROWTH, as("member")) },
  "GET /api/portal/trainings":         { as: "member", grow: ({ as }) => growTrainings(as("staff"), GROWTH) },
  "GET /api/training-series":          { as: "staff", grow: ({ as }) => times(GROWTH, (i) =>
                                           created(as("staff").post("/api/training-series", { title: `N+1 测试系列${i}` }))) },
  "GET /api/trainings/{id}/enrolment-candidates": { as: "staff",
                                           url: (i) => `/api/trainings/${i.training}/enrolment-candidates?q=${encodeURIComponent("候选测试")}`,
                                           grow: ({ t }) => times(GROWTH, (i) =>
                                             make(t).user({ roles: ["individual"], organizationId: null, displayName: `候选测试${i}` })) },
  "GET /api/trainings/topic-suggestions": "the instrument's dimensions, weakest first: a handful, at most six",
  "GET /api/services/catalogue":       { as: "member", grow: ({ t }) => times(GROWTH, () => catalogueService(t)) },
  // The staff to-do shows the first 8 overdue requests; it starts with none here.
  "GET /api/services/waiting":         { as: "staff", grow: ({ t }) => growServiceRequests(t, GROWTH, true),
                                           rows: (body: { items: unknown[] }) => body.items.length },
  "GET /api/funds":                    { as: "staff", grow: ({ t }) => times(GROWTH, () => fund(t)) },
  "GET /api/funding/programmes":       { as: "staff", grow: ({ t }) => times(GROWTH, (i) =>
                                           t.db.insert(flagshipProgrammes).values({ baseId: t.baseId, name: `N+1 工程${i}-${Math.random()}` })) },
  "GET /api/projects/{id}/replication-sites": { as: "staff", url: () => `/api/projects/${sitesProjectId}/replication-sites`,
                                           grow: async ({ t }) => {
                                             await times(GROWTH, (i) => t.db.insert(replicationSites).values({
                                               baseId: t.baseId, projectId: sitesProjectId, town: "N+1街道", community: `社区${i}-${Math.random()}`, year: 2027 }));
                                           } },
  "GET /api/projects/{id}/indicators": "a project's logical-framework indicators: a handful, read in one statement",
  "GET /api/grants/{id}/reports":      "a grant's reports: one per period of its term (four for a year, quarterly), read in one statement",
  "GET /api/posts/{id}/receipts":      { as: "staff", url: (i) => `/api/posts/${i.post}/receipts`,
                                           grow: ({ t, ids }) => targetedPostWithReceipts(t, GROWTH, ids.post).then(() => undefined) },
};

/**
 * Lists the rule above cannot see, because their rows are nested (an expert's rounds of reviews):
 * named here by hand and measured like the lists without pages.
 */
// biome-ignore format: reads as a table
const NESTED: Record<string, Grown> = {
  // The grown round is closed: its reviews are listed when asked for (open rounds' always are).
  "GET /api/reviews":             { as: "expert", url: (i) => `/api/reviews?roundId=${i.round}`, grow: ({ t, ids }) => growRound(t, ids),
                                    rows: (body: { rounds: { reviews: unknown[] | null }[] }) => body.rounds.reduce((n, r) => n + (r.reviews?.length ?? 0), 0) },
  // The instruments with their versions nested.
  "GET /api/instruments":         { as: "staff", grow: ({ as }) => times(GROWTH, (i) =>
                                      created(as("staff").post("/api/instruments", { name: `N+1 测试评估体系${i}` }))),
                                    rows: (body: { instruments: { versions: unknown[] }[] }) => body.instruments.reduce((n, i) => n + 1 + i.versions.length, 0) },
  // The service handler picker: staff, mentors and partners in three lists.
  "GET /api/services/handlers":   { as: "staff", grow: ({ t }) => times(GROWTH, () => make(t).user({ roles: ["mentor"] })),
                                    rows: (body: { staff: unknown[]; mentors: unknown[]; partners: unknown[] }) => body.staff.length + body.mentors.length + body.partners.length },
};

let t: TestApp;
let ids: Ids;
const clients = {} as Record<Account, Client>;

beforeAll(async () => {
  t = await startTestApp();
  sitesProjectId = (await project(t, (await make(t).organization()).id)).id;
  for (const account of ["admin", "staff", "expert", "member", "viewer", "liaison"] as const) {
    clients[account] = await t.signIn(account);
  }
  const call = await make(t).call();
  const round = await roundWithReviews(t, { scores: [[[8, 4]], [[6, 3]]] });
  const [application] = await t.db
    .select({ id: applications.id, organizationId: applications.organizationId })
    .from(applications)
    .innerJoin(users, eq(users.organizationId, applications.organizationId))
    .where(and(eq(users.username, "member"), ne(applications.status, "draft")))
    .limit(1);
  ids = {
    incubation: (await incubationOf(t, (await make(t).organization()).id)).id,
    call: call.id,
    round: round.roundId,
    rubric: round.rubricId,
    experts: round.expertIds,
    application: application?.id as string,
    memberOrganization: application?.organizationId as string,
    assessed: await incubation(t, (await make(t).organization()).id, await cohort(t)),
    post: await targetedPostWithReceipts(t, 2),
    training: (await t.db.select({ id: trainings.id }).from(trainings).limit(1))[0]?.id as string,
  };
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

  it("knows every list without pages of the OpenAPI document", async () => {
    const unpaged = await unpagedLists();
    expect({
      neitherMeasuredNorExcused: unpaged.filter((route) => !(route in UNPAGED)),
      rowWithoutList: Object.keys(UNPAGED).filter((route) => !unpaged.includes(route)),
    }).toEqual({ neitherMeasuredNorExcused: [], rowWithoutList: [] });
  });

  it(`every list without pages runs as many statements after ${GROWTH} more rows`, async () => {
    const offenders: string[] = [];
    const notGrown: string[] = [];
    const ctx: GrowContext = { t, ids, as: (account) => clients[account] };
    for (const [route, grown] of [...Object.entries(UNPAGED), ...Object.entries(NESTED)]) {
      if (typeof grown === "string") continue;
      const path = route.split(" ")[1] as string;
      if (path.includes("{") && !grown.url) throw new Error(`${route}: give its url with real ids`);
      const url = grown.url ? grown.url(ids) : path;
      const client = clients[grown.as];
      const before = [await wholeList(client, url, grown), await wholeList(client, url, grown)];
      await grown.grow(ctx);
      const after = [await wholeList(client, url, grown), await wholeList(client, url, grown)];
      const [rowsBefore, rowsAfter] = [before[0]?.rows ?? 0, after[0]?.rows ?? 0];
      const least = (calls: { statements: number }[]) => Math.min(...calls.map((c) => c.statements));
      if (rowsAfter <= rowsBefore) notGrown.push(`${route}: ${rowsBefore} rows, then ${rowsAfter}`);
      if (least(after) > least(before)) {
        offenders.push(
          `${route} as ${grown.as}: ${least(before)} statements for ${rowsBefore} rows, ${least(after)} for ${rowsAfter}`,
        );
      }
    }
    expect({ notGrown, offenders }).toEqual({ notGrown: [], offenders: [] });
  });
});

/** ROWS incubations (each of a new organization) in a new cohort, enrolled as staff do. */
async function growIncubations(t: TestApp, staff: Client) {
  const cohort = await staff.post("/api/cohorts", {
    name: `N+1 孵化批次${Date.now()}`,
    startsOn: "2026-01-01",
  });
  const cohortId = cohort.json().id as string;
  await times(ROWS, async (i) => {
    const organization = await make(t).organization();
    await created(
      staff.post("/api/incubations", {
        organizationId: organization.id,
        track: "org",
        cohortId,
        startOn: "2026-01-01",
        reason: `N+1 测试${i}`,
      }),
    );
  });
}

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

/** "GET /api/…" of every list answered whole: an array, or `items` without a `total`. */
async function unpagedLists(): Promise<string[]> {
  const paged = await pagedLists();
  const doc = (await t.anonymous().get("/api/openapi.json")).json();
  const routes: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
    const answer = methods.get?.responses?.["200"]?.content?.["application/json"]?.schema;
    if (!answer || paged.includes(`GET ${path}`)) continue;
    if (answer.type === "array" || answer.properties?.items?.type === "array") routes.push(`GET ${path}`);
  }
  return routes.sort();
}

async function wholeList(
  client: Client,
  url: string,
  grown: Grown,
): Promise<{ statements: number; rows: number }> {
  const response = await client.get(url);
  if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
  const body = response.json();
  const rows = grown.rows ? grown.rows(body) : Array.isArray(body) ? body.length : body.items.length;
  return { statements: statementsOf(response.headers["server-timing"]), rows };
}

interface Operation {
  parameters?: { in: string; name: string }[];
  responses?: Record<
    string,
    {
      content?: Record<
        string,
        { schema?: { type?: string; properties?: Record<string, { type?: string }> } }
      >;
    }
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

async function growTowns(t: TestApp): Promise<void> {
  await times(GROWTH, async (i) => {
    const [town] = await t.db
      .insert(towns)
      .values({ baseId: t.baseId, name: `N+1 测试镇${i}`, kind: "town", sortOrder: 900 + i })
      .returning();
    await t.db
      .insert(communities)
      .values([1, 2, 3].map((n) => ({ baseId: t.baseId, townId: town?.id as string, name: `测试社区${n}` })));
  });
}

/** Applications of the demo member's organization, one to each of new calls. */
async function growOwnApplications(t: TestApp): Promise<void> {
  const [member] = await t.db.select().from(users).where(eq(users.username, "member"));
  await times(GROWTH, async (i) => {
    const call = await make(t).call();
    await make(t).application({
      callId: call.id,
      organizationId: member?.organizationId as string,
      track: "org",
      ...(i % 2 ? {} : { status: "submitted", firstSubmittedAt: new Date(), lastSubmittedAt: new Date() }),
    });
  });
}

/** Published notices of a round, each listing an admitted application. */
async function growNotices(t: TestApp, ids: Ids): Promise<void> {
  await times(GROWTH, async (i) => {
    const { application } = await inspectedApplication(t, ids.call, { status: "admitted" });
    await t.db.insert(admissionNotices).values({
      baseId: t.baseId,
      roundId: ids.round,
      title: `N+1 测试公示${i}`,
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 5 * 86_400_000),
      applicationIds: [application.id],
    });
  });
}

/**
 * More applications in the closed round, each reviewed by the round's experts and by the demo
 * expert: the expert's list and the round's ranking both grow.
 */
async function growRound(t: TestApp, ids: Ids, count = GROWTH): Promise<void> {
  const [demoExpert] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "expert"));
  const [round] = await t.db.select().from(reviewRounds).where(eq(reviewRounds.id, ids.round));
  await times(count, async (i) => {
    const organization = await make(t).organization();
    const application = await make(t).application({
      callId: round?.callId as string,
      organizationId: organization.id,
      status: "in_review",
      submissionCount: 1,
      firstSubmittedAt: new Date(),
      lastSubmittedAt: new Date(),
    });
    await t.db.insert(roundSubjects).values({
      roundId: ids.round,
      subjectId: application.id,
      baseId: t.baseId,
      organizationId: organization.id,
      track: "org",
    });
    await t.db.insert(reviews).values(
      [...ids.experts, demoExpert?.id as string].map((expertId, e) => ({
        baseId: t.baseId,
        roundId: ids.round,
        subjectId: application.id,
        expertId,
        rubricId: ids.rubric,
        status: "submitted" as const,
        scores: { innovation: (i + e) % 11, feasibility: 1 + ((i + e) % 5) },
        submittedAt: new Date(),
      })),
    );
  });
}

/** Events in the member's growth file, as the areas write them (the history writer's kind). */
async function growGrowthFile(t: TestApp, ids: Ids): Promise<void> {
  await t.db.insert(growthEvents).values(
    Array.from({ length: ROWS }, (_, i) => ({
      baseId: t.baseId,
      organizationId: ids.memberOrganization,
      kind: "application.status",
      title: { zhCN: `N+1 测试事件${i}`, en: `N+1 test event ${i}` },
      params: { note: null },
      occurredAt: new Date(Date.now() - i * 60_000),
    })),
  );
}

/** The organization's open incubation (one at a time). */
async function openIncubationOf(t: TestApp, organizationId: string): Promise<string> {
  const [row] = await t.db
    .select({ id: incubations.id })
    .from(incubations)
    .where(
      and(
        eq(incubations.organizationId, organizationId),
        notInArray(incubations.status, ["graduated", "terminated"]),
      ),
    );
  if (!row) throw new Error("the member's organization has no open incubation");
  return row.id;
}

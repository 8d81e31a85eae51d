/**
 * What the bench loads: each scenario is one kind of request, run at every concurrency for a
 * fixed duration. Later areas add their scenarios to SCENARIOS; the first one is the yardstick
 * (no database) that every other route's throughput is divided by.
 */
import autocannon from "autocannon";
import { POST_SEARCH_TERM } from "./posts";

export interface ScenarioContext {
  /** Organization ids to cycle through, so a detail request is not always the same row. */
  organizationIds: string[];
  /** The open call the bench's applications were made to. */
  callId: string;
  /** Submitted applications (no drafts) to cycle through in the staff detail. */
  applicationIds: string[];
  /** The open review round of the bench's data (stages 2-3). */
  roundId: string;
  /** The largest round (an earlier call's at district scale and above): the ranking's; `roundId` when absent. */
  rankingRoundId?: string;
  /** The demo expert's reviews in that round, for the scoring page. */
  expertReviewIds: string[];
  /** Stage 4: the largest cohort, and organizations with an incubation (a growth file of a few hundred events). */
  cohortId: string;
  incubatedOrganizationIds: string[];
  /** Service requests in every state, for the request's detail. */
  serviceRequestIds: string[];
  /** Issue 13: projects with a committed grant, for the results page. */
  projectIds: string[];
}

/** The demo accounts the scenarios sign in as: each route is measured as the role that uses it. */
export const BENCH_ACCOUNTS = ["staff", "viewer", "liaison", "expert", "mentor"] as const;
export type BenchAccount = (typeof BENCH_ACCOUNTS)[number];

export interface Scenario {
  name: string;
  /** Whose session cookie the requests carry; null: none (the public routes). */
  account: BenchAccount | null;
  /** Returns the path of each next request. */
  paths(context: ScenarioContext): () => string;
  /** A route another part of the work adds: skipped, with a message, while it answers 404. */
  optional?: boolean;
}

/** The Cookie header of each signed-in account. */
export type Sessions = Record<BenchAccount, string>;

export function headersOf(scenario: Scenario, sessions: Sessions): Record<string, string> {
  return scenario.account ? { cookie: sessions[scenario.account] } : {};
}

/** A common term in the generated names (the elderly-care theme "助老"). */
export const SEARCH_TERM = "助老";

/** The staff queue's filter: one call's applications to check in one track, a page of 20. */
export function queueQuery(callId: string): Record<string, string> {
  return {
    callId,
    status: "submitted,resubmitted",
    track: "combined",
    page: "1",
    pageSize: "20",
  };
}

export const SCENARIOS: Scenario[] = [
  { name: "ping (no database)", account: null, paths: () => () => "/api/ping" },
  // The same route with a session cookie: what resolving the session costs every signed-in request.
  { name: "ping (signed in)", account: "staff", paths: () => () => "/api/ping" },
  {
    name: "organization list (virtual, q=助老)",
    account: "staff",
    paths: () => {
      const path = `/api/organizations?residency=virtual&q=${encodeURIComponent(SEARCH_TERM)}&page=1&pageSize=20`;
      return () => path;
    },
  },
  {
    name: "organization detail",
    account: "staff",
    paths: ({ organizationIds }) => {
      let next = 0;
      return () => `/api/organizations/${organizationIds[next++ % organizationIds.length]}`;
    },
  },
  { name: "portal call list", account: null, paths: () => () => "/api/portal/calls" },
  {
    name: "portal call page",
    account: null,
    paths: ({ callId }) => {
      const path = `/api/portal/calls/${callId}`;
      return () => path;
    },
  },
  {
    name: "intake queue (to check, combined)",
    account: "staff",
    paths: ({ callId }) => {
      // Commas as the browser's URLSearchParams sends them (%2C).
      const path = `/api/applications?${new URLSearchParams(queueQuery(callId))}`;
      return () => path;
    },
  },
  {
    name: "application detail (staff)",
    account: "staff",
    paths: ({ applicationIds }) => {
      let next = 0;
      return () => `/api/applications/${applicationIds[next++ % applicationIds.length]}`;
    },
  },
  {
    name: "notifications unread count",
    account: "staff",
    paths: () => () => "/api/notifications/unread-count",
  },
  {
    // The staff home: four cards (to check, unanswered messages, calls closing, returned overdue).
    name: "staff to-do (home)",
    account: "staff",
    paths: () => () => "/api/applications/waiting",
  },
  {
    // The staff home's registry counts (organizations by residency, status and town).
    name: "home counts (staff)",
    account: "staff",
    paths: () => () => "/api/stats/home",
  },
  {
    // The government viewer's home: the base's calls, funnel, statuses, tracks, towns, registry.
    name: "recruitment figures (viewer, base)",
    account: "viewer",
    paths: () => () => "/api/stats/recruitment",
  },
  {
    // Issue 12: the service figures of a base (the viewer's home card and the staff page): the
    // ledger's last twelve months by 4Z category and month, kind, hours, satisfaction, virtual share.
    name: "service figures (viewer, base)",
    account: "viewer",
    paths: () => () => "/api/stats/services",
  },
  {
    // Issue 12: the staff's service queue as it opens (overdue first), page 1.
    name: "service queue (staff, page 1)",
    account: "staff",
    paths: () => () => "/api/services/requests?page=1&pageSize=20",
  },
  {
    // The queue filtered: open requests of one 4Z category, and those past their time.
    name: "service queue (open, consulting)",
    account: "staff",
    paths: () => () => "/api/services/requests?status=open&category=consulting&page=1&pageSize=20",
  },
  {
    name: "service queue (overdue)",
    account: "staff",
    paths: () => () => "/api/services/requests?overdue=true&page=1&pageSize=20",
  },
  {
    // One request: its history, thread, record and what staff may do.
    name: "service request detail (staff)",
    account: "staff",
    paths: ({ serviceRequestIds }) => {
      let next = 0;
      return () => `/api/services/requests/${serviceRequestIds[next++ % serviceRequestIds.length]}`;
    },
  },
  {
    // Issue 13: the staff's grant list, page 1 (its route lands with the grants work: until
    // then the run says so and skips it).
    name: "grant list (staff, page 1)",
    account: "staff",
    optional: true,
    paths: () => () => "/api/grants?page=1&pageSize=20",
  },
  {
    // One project's results: indicator series, spending against budget, people, sites.
    name: "project results (staff)",
    account: "staff",
    paths: ({ projectIds }) => {
      let next = 0;
      return () => `/api/projects/${projectIds[next++ % projectIds.length]}/results`;
    },
  },
  {
    // The base's money figures (the viewer's and staff's page): by fund, kind, track, year.
    name: "money figures (viewer)",
    account: "viewer",
    paths: () => () => "/api/funding/figures",
  },
  {
    // The mentor's home: its organizations (last session, session due, action items).
    name: "mentor's home",
    account: "mentor",
    paths: () => () => "/api/mentoring/home",
  },
  {
    // The liaison's home: the same counts over its town's organizations and their applications.
    name: "recruitment figures (liaison, town)",
    account: "liaison",
    paths: () => () => "/api/stats/recruitment",
  },
  {
    // The expert's assignment list: every round they review in, with their progress.
    name: "expert's assignments",
    account: "expert",
    paths: () => () => "/api/reviews",
  },
  {
    // One application's scoring page: dossier, documents, the inspection, rubric and the draft.
    name: "scoring page (expert)",
    account: "expert",
    paths: ({ expertReviewIds }) => {
      let next = 0;
      return () => `/api/reviews/${expertReviewIds[next++ % expertReviewIds.length]}`;
    },
  },
  {
    // The review meeting's table: every track ranked by every method over the submitted reviews.
    name: "round ranking (staff)",
    account: "staff",
    paths: ({ rankingRoundId, roundId }) => {
      const path = `/api/rounds/${rankingRoundId ?? roundId}/ranking`;
      return () => path;
    },
  },
  {
    // Stage 4: the staff's incubation list, one cohort's first page (with baseline and exit flags).
    name: "incubation list (a cohort)",
    account: "staff",
    paths: ({ cohortId }) => {
      const path = `/api/incubations?cohortId=${cohortId}&page=1&pageSize=20`;
      return () => path;
    },
  },
  {
    // The cohort's baseline distribution (staff): each dimension's quartiles over its baselines.
    name: "cohort baseline distribution",
    account: "staff",
    paths: ({ cohortId }) => {
      const path = `/api/cohorts/${cohortId}/baseline-distribution`;
      return () => path;
    },
  },
  {
    // One organization's growth file, its first hundred events of a few hundred.
    name: "growth file (staff)",
    account: "staff",
    paths: ({ incubatedOrganizationIds }) => {
      let next = 0;
      return () =>
        `/api/organizations/${incubatedOrganizationIds[next++ % incubatedOrganizationIds.length]}/growth`;
    },
  },
  {
    // Information (资讯): the public portal's post search with a two-character Chinese term.
    name: "portal post search (q=2 chars)",
    account: null,
    paths: () => () => `/api/portal/posts?q=${encodeURIComponent(POST_SEARCH_TERM)}&page=1&pageSize=10`,
  },
];

export interface Measurement {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Status codes other than 2xx with their counts, to explain a failure. */
  statusCodes: Record<string, number>;
}

export async function measure(options: {
  url: string;
  scenario: Scenario;
  context: ScenarioContext;
  connections: number;
  seconds: number;
  sessions: Sessions;
}): Promise<Measurement> {
  const nextPath = options.scenario.paths(options.context);
  // autocannon's histogram keeps whole milliseconds; the response events carry the exact time.
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        headers: headersOf(options.scenario, options.sessions),
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: nextPath() }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

/** One request per scenario before any load: a missing route or a 500 stops the bench at once. */
/**
 * Every scenario's first request must answer 200; an optional one answering 404 (its route not
 * there yet) is left out of the run, by name in the returned list, with a message.
 */
export async function preflight(
  url: string,
  context: ScenarioContext,
  sessions: Sessions,
): Promise<string[]> {
  const skipped: string[] = [];
  for (const scenario of SCENARIOS) {
    const path = scenario.paths(context)();
    const response = await fetch(url + path, { headers: headersOf(scenario, sessions) });
    if (scenario.optional && response.status === 404) {
      console.log(`bench: ${scenario.name}: GET ${path} answered 404 (the route is not here yet): skipped`);
      skipped.push(scenario.name);
      continue;
    }
    if (response.status !== 200) {
      const body = (await response.text()).slice(0, 300);
      throw new Error(`bench: ${scenario.name}: GET ${path} answered ${response.status}: ${body}`);
    }
  }
  return skipped;
}

/**
 * Waits until the server has worked off what an earlier run left queued (autocannon stops
 * sending at the deadline, but the server still answers what it received): a health check goes
 * through the database queue and the event loop, so quick answers mean both are free.
 */
export async function settle(url: string): Promise<void> {
  // Fifty requests of a route that takes seconds each can hold the server for minutes.
  const deadline = Date.now() + 600_000;
  // Three quick answers in a row: one can slip in between two slow requests still queued.
  let quick = 0;
  let ok = false;
  while (Date.now() < deadline) {
    const started = performance.now();
    ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) })
      .then((r) => r.ok)
      .catch(() => false);
    quick = ok && performance.now() - started < 100 ? quick + 1 : 0;
    if (quick === 3) return;
    if (!ok || quick === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A machine too busy for quick answers: answering at all is what matters.
  if (ok) return;
  throw new Error("bench: the server did not settle within 600 s after a run");
}

/**
 * What the bench loads: each scenario is one kind of request, run at every concurrency for a
 * fixed duration. Later areas add their scenarios to SCENARIOS; the first one is the yardstick
 * (no database) that every other route's throughput is divided by.
 */
import autocannon from "autocannon";

export interface ScenarioContext {
  /** Organization ids to cycle through, so a detail request is not always the same row. */
  organizationIds: string[];
  /** The open call the bench's applications were made to. */
  callId: string;
  /** Submitted applications (no drafts) to cycle through in the staff detail. */
  applicationIds: string[];
}

export interface Scenario {
  name: string;
  /** Sends the signed-in staff member's session cookie. */
  signedIn: boolean;
  /** Returns the path of each next request. */
  paths(context: ScenarioContext): () => string;
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
  { name: "ping (no database)", signedIn: false, paths: () => () => "/api/ping" },
  {
    name: "organization list (virtual, q=助老)",
    signedIn: true,
    paths: () => {
      const path = `/api/organizations?residency=virtual&q=${encodeURIComponent(SEARCH_TERM)}&page=1&pageSize=20`;
      return () => path;
    },
  },
  {
    name: "organization detail",
    signedIn: true,
    paths: ({ organizationIds }) => {
      let next = 0;
      return () => `/api/organizations/${organizationIds[next++ % organizationIds.length]}`;
    },
  },
  { name: "portal call list", signedIn: false, paths: () => () => "/api/portal/calls" },
  {
    name: "portal call page",
    signedIn: false,
    paths: ({ callId }) => {
      const path = `/api/portal/calls/${callId}`;
      return () => path;
    },
  },
  {
    name: "intake queue (to check, combined)",
    signedIn: true,
    paths: ({ callId }) => {
      // Commas as the browser's URLSearchParams sends them (%2C).
      const path = `/api/applications?${new URLSearchParams(queueQuery(callId))}`;
      return () => path;
    },
  },
  {
    name: "application detail (staff)",
    signedIn: true,
    paths: ({ applicationIds }) => {
      let next = 0;
      return () => `/api/applications/${applicationIds[next++ % applicationIds.length]}`;
    },
  },
  {
    name: "notifications unread count",
    signedIn: true,
    paths: () => () => "/api/notifications/unread-count",
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
  cookie: string;
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
        headers: options.scenario.signedIn ? { cookie: options.cookie } : {},
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
export async function preflight(url: string, context: ScenarioContext, cookie: string): Promise<void> {
  for (const scenario of SCENARIOS) {
    const path = scenario.paths(context)();
    const response = await fetch(url + path, { headers: scenario.signedIn ? { cookie } : {} });
    if (response.status !== 200) {
      const body = (await response.text()).slice(0, 300);
      throw new Error(`bench: ${scenario.name}: GET ${path} answered ${response.status}: ${body}`);
    }
  }
}

/**
 * Waits until the server has worked off what an earlier run left queued (autocannon stops
 * sending at the deadline, but the server still answers what it received): a health check goes
 * through the database queue, so its answer means the queue is empty.
 */
export async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
  }
  throw new Error("bench: the server did not settle within 120 s after a run");
}

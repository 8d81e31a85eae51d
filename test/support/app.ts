/**
 * The real app over a real database for one test file: `const t = await startTestApp()` in
 * beforeAll, `await t.close()` in afterAll. `t.signIn("staff")` gives a client that carries the
 * session cookie and CSRF header like the browser does.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Database, Db } from "../../src/db/client";
import { DEMO_PASSWORD } from "../../src/db/seed/changping";
import { firstBaseId } from "../../src/db/seed/demo";
import { buildApp } from "../../src/server/app";
import { type Config, loadConfig } from "../../src/server/config";
import { testDatabase } from "./database";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Db;
  config: Config;
  baseId: string;
  /** Signs in (demo account name, or any account with its password) and returns a client. */
  signIn(username: string, password?: string): Promise<Client>;
  /** A client with no session. */
  anonymous(): Client;
  /**
   * "METHOD /route status" for every answer so far whose status the route's schema does not
   * declare (the OpenAPI document would not tell a client about it); `default` does not count.
   */
  undeclaredResponses(): string[];
  close(): Promise<void>;
}

export interface Client {
  csrfToken: string | null;
  cookies: Record<string, string>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Any request, for multipart bodies and the like. */
  request(options: {
    method: string;
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
}

function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ DATA_DIR: "/tmp/hatchery-test-unused", SESSION_SECRET: "test-secret-0123456789abcdef" }),
    seedDemo: false,
    ...overrides,
  };
}

export async function startTestApp(
  overrides: Partial<Config> = {},
  options: {
    webRoot?: string;
    /** Another app instance on this one's database (closed by its owner, not by this app). */
    database?: Database;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await testDatabase());
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, webRoot: options.webRoot });
  const undeclared = new Set<string>();
  app.addHook("onResponse", async (request, reply) => {
    const declared = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    if (!declared || request.is404 || String(reply.statusCode) in declared) return;
    undeclared.add(`${request.method} ${request.routeOptions.url} ${reply.statusCode}`);
  });
  await app.ready();
  const baseId = (await firstBaseId(database.db)) as string;

  const client = (cookies: Record<string, string>, csrfToken: string | null): Client => {
    const send = async (options: {
      method: string;
      url: string;
      payload?: unknown;
      headers?: Record<string, string>;
    }) => {
      const headers: Record<string, string> = { "accept-language": "zh-CN", ...options.headers };
      if (csrfToken && options.method !== "GET") headers["x-csrf-token"] ??= csrfToken;
      const response = await app.inject({
        method: options.method as "GET",
        url: options.url,
        payload: options.payload as string,
        headers,
        cookies,
      });
      for (const c of response.cookies as { name: string; value: string; maxAge?: number }[]) {
        if (c.value === "" || c.maxAge === 0) delete cookies[c.name];
        else cookies[c.name] = c.value;
      }
      return response;
    };
    return {
      csrfToken,
      cookies,
      get: (url, headers) => send({ method: "GET", url, headers }),
      post: (url, body, headers) => send({ method: "POST", url, payload: body, headers }),
      patch: (url, body, headers) => send({ method: "PATCH", url, payload: body, headers }),
      put: (url, body, headers) => send({ method: "PUT", url, payload: body, headers }),
      delete: (url, headers) => send({ method: "DELETE", url, headers }),
      request: send,
    };
  };

  return {
    app,
    database,
    db: database.db,
    config,
    baseId,
    anonymous: () => client({}, null),
    undeclaredResponses: () => [...undeclared].sort(),
    async signIn(username, password = DEMO_PASSWORD) {
      const cookies: Record<string, string> = {};
      const anon = client(cookies, null);
      const response = await anon.post("/api/auth/login", { username, password });
      if (response.statusCode !== 200)
        throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
      return client(cookies, response.json().csrfToken);
    },
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * A browser-like client over real HTTP (fetch): it keeps the cookies the server sets and sends
 * the CSRF header on writes, like the web app. Every answer carries nginx's X-Upstream header,
 * naming the instance that gave it.
 */
import { DEMO_PASSWORD } from "../../src/db/seed/changping";
import type { Client } from "../support/app";

export interface HttpClient {
  cookies: Record<string, string>;
  signIn(username: string, password?: string): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The API tests' client shape (statusCode, json()), for their helpers (completeDraft …). */
  asTestClient(): Client;
}

export function httpClient(base: string, cookies: Record<string, string> = {}): HttpClient {
  let csrfToken: string | null = null;
  const send = async (
    method: string,
    path: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ) => {
    const headers: Record<string, string> = { "accept-language": "zh-CN", ...extra };
    if (csrfToken && method !== "GET") headers["x-csrf-token"] ??= csrfToken;
    const cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    if (cookie) headers.cookie = cookie;
    let body: BodyInit | undefined;
    if (Buffer.isBuffer(payload)) body = new Uint8Array(payload);
    else if (payload !== undefined) {
      body = JSON.stringify(payload);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(new URL(path, base), { method, headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const gone =
        value === "" || attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=.*1970/i.test(a));
      if (gone) delete cookies[name];
      else cookies[name] = value;
    }
    return response;
  };
  const client: HttpClient = {
    cookies,
    async signIn(username, password = DEMO_PASSWORD) {
      const response = await send("POST", "/api/auth/login", { username, password });
      if (response.ok) csrfToken = (await response.clone().json()).csrfToken;
      return response;
    },
    get: (path, headers) => send("GET", path, undefined, headers),
    post: (path, body, headers) => send("POST", path, body, headers),
    asTestClient() {
      const adapt = async (response: Promise<Response>) => {
        const r = await response;
        const text = await r.text();
        return { statusCode: r.status, body: text, headers: r.headers, json: () => JSON.parse(text) };
      };
      const request = (o: {
        method: string;
        url: string;
        payload?: unknown;
        headers?: Record<string, string>;
      }) => adapt(send(o.method, o.url, o.payload, o.headers));
      return {
        csrfToken,
        cookies,
        get: (url: string, headers?: Record<string, string>) => request({ method: "GET", url, headers }),
        post: (url: string, payload?: unknown, headers?: Record<string, string>) =>
          request({ method: "POST", url, payload, headers }),
        patch: (url: string, payload?: unknown, headers?: Record<string, string>) =>
          request({ method: "PATCH", url, payload, headers }),
        put: (url: string, payload?: unknown, headers?: Record<string, string>) =>
          request({ method: "PUT", url, payload, headers }),
        delete: (url: string, headers?: Record<string, string>) =>
          request({ method: "DELETE", url, headers }),
        request,
      } as unknown as Client;
    },
  };
  return client;
}

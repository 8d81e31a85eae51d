/**
 * Test data goes in through the HTTP API (signed in with fetch, like any client), so each browser
 * test drives through the UI only the screen it is about.
 */
import { DEMO_PASSWORD } from "../../../src/db/seed/changping";

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** A multipart upload: text fields first, then the file (as the upload routes expect). */
  upload<T>(
    path: string,
    fields: Record<string, string>,
    file: { name: string; content: Buffer },
  ): Promise<T>;
}

export async function apiSignIn(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "zh-CN" },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`API sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");

  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<T> => {
    const headers: Record<string, string> = {
      cookie,
      accept: "application/json",
      "accept-language": "zh-CN",
      ...extra,
    };
    if (method !== "GET") headers["x-csrf-token"] = csrfToken;
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers["content-type"] = "application/json";
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: (path) => send("GET", path),
    post: (path, body, headers) => send("POST", path, body, headers),
    patch: (path, body) => send("PATCH", path, body),
    put: (path, body) => send("PUT", path, body),
    upload: (path, fields, file) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append("file", new Blob([new Uint8Array(file.content)]), file.name);
      return send("POST", path, form);
    },
  };
}

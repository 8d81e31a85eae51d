/**
 * The typed fetch client every page uses: same-origin JSON, the session cookie, the CSRF header on
 * unsafe methods, Accept-Language matching the UI, and one error type parsed from the error body.
 */
import type { ErrorResponse } from "../../schemas/common";
import { currentLanguage } from "../i18n/language";

const CSRF_COOKIE = "hatchery_csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A failed request: the server's stable `code`, its message (already in the UI language), the failing field. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, body: ErrorResponse) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = body.details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remembers the token from login or /me; the cookie is the fallback after a reload. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  const found = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

type UnauthorizedHandler = (error: ApiError) => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** The session layer registers here, so any 401 outside the login flow sends the user to sign in. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

/**
 * Query objects straight from the contract types or a list's state: strings, numbers and booleans
 * are sent, arrays joined with commas (as the list parameters take them), empty values left out.
 */
export type QueryParams = object;

function toQueryString(params: QueryParams | undefined): string {
  if (!params) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value.join(",") : value;
    if (typeof text === "string" ? text === "" : typeof text !== "number" && typeof text !== "boolean")
      continue;
    search.set(key, String(text));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers (the client's own, Accept-Language and the CSRF token, still apply). */
  headers?: Record<string, string>;
  /**
   * Sent as Idempotency-Key: a retry of the same act (a double tap, a resend after a dropped
   * connection) gets the first answer instead of acting twice.
   */
  idempotencyKey?: string;
  /** Requests whose 401 is an answer, not an expired session (login, the initial /me). */
  allowUnauthorized?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Like request, but returns the raw response (downloads). */
async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? "GET";
  const headers = new Headers(options.headers);
  headers.set("Accept", "application/json");
  headers.set("Accept-Language", currentLanguage());
  if (options.idempotencyKey) headers.set("Idempotency-Key", options.idempotencyKey);
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method)) {
    const token = csrfToken ?? readCookie(CSRF_COOKIE);
    if (token) headers.set("X-CSRF-Token", token);
  }
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, { code: "network_error", message: networkMessage() });
  }
  if (response.ok) return response;
  const error = new ApiError(response.status, await readError(response));
  if (response.status === 401 && !options.allowUnauthorized && onUnauthorized) onUnauthorized(error);
  throw error;
}

async function readError(response: Response): Promise<ErrorResponse> {
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === "object" && "code" in parsed && "message" in parsed) {
      const body = parsed as ErrorResponse;
      if (typeof body.code === "string" && typeof body.message === "string") return body;
    }
  } catch {
    // not JSON: a proxy page or an empty body
  }
  return { code: `http_${response.status}`, message: `${response.status} ${response.statusText}`.trim() };
}

function networkMessage(): string {
  return currentLanguage() === "en"
    ? "Cannot reach the server; check the network and try again"
    : "无法连接服务器，请检查网络后重试";
}

/** Downloads a file from a GET endpoint, keeping the server's file name when it sends one. */
export async function download(
  path: string,
  query: QueryParams | undefined,
  fallbackName: string,
): Promise<void> {
  const response = await send(path, { query });
  const blob = await response.blob();
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star?.[1] ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

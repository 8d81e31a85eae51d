import type { ChangePasswordRequest, LoginRequest, SessionResponse } from "../../../schemas/platform/auth";
import type { PasswordResetRequest, PhoneCodeResponse } from "../../../schemas/platform/phone-codes";
import { isApiError, request, setCsrfToken } from "../client";

export const sessionKey = ["session"] as const;

let expired = false;

/** Whether the session ended by expiring (as opposed to never signed in or signed out). */
export function sessionHadExpired(): boolean {
  return expired;
}

/** Any request's 401 ends the session; remember whether it was an expiry for the login page. */
export function noteSessionEnded(code: string): void {
  expired = code === "session_expired";
  setCsrfToken(null);
}

/** The signed-in session, or null when nobody is signed in (401 here is an answer, not an error). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await request<SessionResponse>("/api/auth/me", { allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      expired = error.code === "session_expired";
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(body: LoginRequest): Promise<SessionResponse> {
  const session = await request<SessionResponse>("/api/auth/login", {
    method: "POST",
    body,
    allowUnauthorized: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await request<unknown>("/api/auth/logout", { method: "POST", allowUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: ChangePasswordRequest): Promise<unknown> {
  return request<unknown>("/api/auth/password", { method: "POST", body });
}

/** 忘记密码: a code to the account's mobile (the answer is the same for an unknown account). */
export function requestResetCode(account: string): Promise<PhoneCodeResponse> {
  return request<PhoneCodeResponse>("/api/auth/reset/codes", {
    method: "POST",
    body: { account },
    allowUnauthorized: true,
  });
}

export function resetPassword(body: PasswordResetRequest): Promise<unknown> {
  return request<unknown>("/api/auth/reset", { method: "POST", body, allowUnauthorized: true });
}

import { ZErrorResponse } from "../schemas/common";

const DESCRIPTIONS: Record<number, string> = {
  400: "Bad input: `field` names what failed",
  401: "Not signed in, or the session expired",
  403: "Not allowed for this role (or CSRF check failed)",
  404: "No such record (or not visible to this user)",
  409: "Stale `version` or duplicate",
  413: "Request too large",
  423: "Account temporarily locked",
  429: "Too many attempts",
  503: "A service the platform relies on (the SMS gateway) is unavailable; try again later",
};

/** The error responses a route declares, so the OpenAPI document is the whole contract. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, ZErrorResponse.describe(DESCRIPTIONS[s] ?? "Error")]));
}

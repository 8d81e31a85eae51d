/**
 * Which audience an organization belongs to when it is served: the catalogue's "who may ask",
 * a training's "who may enrol" and a post's targeting all read it the same way.
 */
import type { Residency } from "../organization";
import type { Audience } from "./categories";

export interface AudienceFacts {
  /** The registry's residency (resident at the base, virtual, none). */
  residency: Residency;
  /** Whether one of its incubations has graduated. */
  graduated: boolean;
}

/**
 * The audiences an organization is in: resident or virtual by its residency, graduated by its
 * history (a graduate may also still be virtual); an organization with none of these (only in the
 * registry) is served as the public is.
 */
export function audiencesOf(facts: AudienceFacts): Audience[] {
  const out: Audience[] = [];
  if (facts.residency === "resident") out.push("resident");
  if (facts.residency === "virtual") out.push("virtual");
  if (facts.graduated) out.push("graduated");
  if (out.length === 0) out.push("public");
  return out;
}

/** Whether an organization (or, with `null`, a person on their own) is among `allowed`. */
export function mayBeServed(allowed: readonly Audience[], facts: AudienceFacts | null): boolean {
  if (!facts) return allowed.includes("public");
  return audiencesOf(facts).some((a) => allowed.includes(a));
}

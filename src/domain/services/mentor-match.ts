/**
 * Ranking mentors for one incubation (导师匹配). Pure: the service reads the facts (the
 * organization's fields, its open needs, its baseline, each mentor's profile, load and conflicts)
 * and this module decides who is offered and in which order. docs/MENTORS.md says the same in words.
 *
 * A mentor is left out, with the reason, when inactive, already mentoring this incubation,
 * conflicted with the organization (the expert-review conflict rules) or full (as many current
 * mentorships as their capacity). The others are scored:
 *   3 points per field the mentor and the organization share (领域),
 *   2 points per skill that answers an open need's dimension (需求),
 *   2 points per skill that is one of the organization's weak baseline dimensions (薄弱维度);
 *   a skill that is both counts both ways (4 points: the need is confirmed by the baseline).
 * Higher score first; on a tie the lighter load (current / capacity), then the name.
 */

export interface MatchOrganization {
  fields: readonly string[];
  /** The dimension keys of its open needs (needs without one do not count). */
  needDimensions: readonly string[];
  /** Its weak baseline dimensions (`weakDimensions` of its baseline result). */
  weakDimensions: readonly string[];
}

export interface MatchMentor {
  id: string;
  name: string;
  fields: readonly string[];
  skills: readonly string[];
  capacity: number;
  /** Current (active) mentorships. */
  load: number;
  active: boolean;
  /** Already mentoring this incubation. */
  current: boolean;
  /** Conflict kinds found with the organization (empty when none). */
  conflicts: readonly string[];
}

export type Exclusion = "inactive" | "current" | "conflict" | "full";

export interface RankedMentor {
  id: string;
  score: number;
  fields: string[];
  needSkills: string[];
  weakSkills: string[];
  load: number;
  capacity: number;
}

export interface ExcludedMentor {
  id: string;
  reason: Exclusion;
  conflicts: string[];
  load: number;
  capacity: number;
}

const MATCH_WEIGHTS = { field: 3, need: 2, weak: 2 } as const;

/** How many of the lowest baseline dimensions count as weak, and the score below which one may. */
export const WEAK_DIMENSIONS = 3;
export const WEAK_BELOW = 75;

export function rankMentors(
  organization: MatchOrganization,
  mentors: readonly MatchMentor[],
): { ranked: RankedMentor[]; excluded: ExcludedMentor[] } {
  const ranked: (RankedMentor & { name: string })[] = [];
  const excluded: ExcludedMentor[] = [];
  const orgFields = new Set(organization.fields);
  const needs = new Set(organization.needDimensions);
  const weak = new Set(organization.weakDimensions);
  for (const m of mentors) {
    const reason = exclusion(m);
    if (reason) {
      excluded.push({
        id: m.id,
        reason,
        conflicts: [...new Set(m.conflicts)],
        load: m.load,
        capacity: m.capacity,
      });
      continue;
    }
    const skills = [...new Set(m.skills)];
    const fields = [...new Set(m.fields)].filter((f) => orgFields.has(f));
    const needSkills = skills.filter((s) => needs.has(s));
    const weakSkills = skills.filter((s) => weak.has(s));
    const score =
      MATCH_WEIGHTS.field * fields.length +
      MATCH_WEIGHTS.need * needSkills.length +
      MATCH_WEIGHTS.weak * weakSkills.length;
    ranked.push({
      id: m.id,
      name: m.name,
      score,
      fields,
      needSkills,
      weakSkills,
      load: m.load,
      capacity: m.capacity,
    });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.load / a.capacity - b.load / b.capacity ||
      a.name.localeCompare(b.name, "zh-CN") ||
      a.id.localeCompare(b.id),
  );
  return { ranked: ranked.map(({ name: _name, ...r }) => r), excluded };
}

/** The first reason a mentor cannot be offered, in the order staff would want to read it. */
function exclusion(m: MatchMentor): Exclusion | null {
  if (m.current) return "current";
  if (!m.active) return "inactive";
  if (m.conflicts.length > 0) return "conflict";
  if (m.load >= m.capacity) return "full";
  return null;
}

/**
 * The weak dimensions of a baseline result (per dimension: a score out of 100 or null): the
 * `WEAK_DIMENSIONS` lowest scored ones below `WEAK_BELOW`, lowest first.
 */
export function weakDimensions(result: Readonly<Record<string, { score: number | null }>> | null): string[] {
  if (!result) return [];
  return Object.entries(result)
    .flatMap(([key, r]) => (r.score !== null && r.score < WEAK_BELOW ? [{ key, score: r.score }] : []))
    .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
    .slice(0, WEAK_DIMENSIONS)
    .map((d) => d.key);
}

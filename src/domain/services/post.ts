/**
 * Information (资讯): the base's notices and policy posts. A post is written as a draft, published
 * (now, or at a set time: a published post whose `publishedAt` is still ahead is "scheduled" and
 * nobody but staff sees it until then), and may be withdrawn with a reason; a withdrawn post can
 * be taken back to a draft, fixed and published again. Every status change goes through
 * `nextPostStatus`; the server refuses what it returns null for with 409.
 */
import type { Track } from "../call";
import type { OrganizationField, Residency } from "../organization";

export const POST_KINDS = ["notice", "policy", "funding", "purchase"] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_STATUSES = ["draft", "published", "withdrawn"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const POST_EVENTS = ["publish", "withdraw", "redraft"] as const;
export type PostEvent = (typeof POST_EVENTS)[number];

/** Who may read it: anyone on the public portal, or signed-in users of the base only. */
export const POST_VISIBILITIES = ["public", "members"] as const;
export type PostVisibility = (typeof POST_VISIBILITIES)[number];

/** The residencies a post may be aimed at (the registry's; "none" is nobody to aim at). */
export const POST_RESIDENCIES = ["resident", "virtual"] as const satisfies readonly Residency[];

const TRANSITIONS: Record<PostStatus, Partial<Record<PostEvent, PostStatus>>> = {
  draft: { publish: "published" },
  published: { withdraw: "withdrawn" },
  withdrawn: { redraft: "draft" },
};

export function nextPostStatus(status: PostStatus, event: PostEvent): PostStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

export function availablePostEvents(status: PostStatus): PostEvent[] {
  return Object.keys(TRANSITIONS[status]) as PostEvent[];
}

/**
 * The audience can change only in a draft: a published post's readers (its recipients, fixed at
 * publication) and its notices must not shift under it. Title, summary and body stay editable
 * while published (a typo, a changed address), and every edit is versioned and audited.
 */
export function isAudienceEditable(status: PostStatus): boolean {
  return status === "draft";
}

export function isPostEditable(status: PostStatus): boolean {
  return status !== "withdrawn";
}

/** Kinds that usually carry a deadline (an application closing date); others may, too. */
export const KINDS_WITH_DEADLINE: readonly PostKind[] = ["funding", "purchase"];

/** Aimed at organizations by these, each list an "any of", the lists together "all of". */
export interface PostTargeting {
  tracks: readonly Track[];
  cohortIds: readonly string[];
  residencies: readonly Residency[];
  fields: readonly OrganizationField[];
}

export function isTargeted(t: PostTargeting): boolean {
  return t.tracks.length + t.cohortIds.length + t.residencies.length + t.fields.length > 0;
}

/** What an organization is, for matching: its registry facts and its open incubation, if any. */
export interface TargetFacts {
  residency: Residency;
  fields: readonly OrganizationField[];
  incubation: { track: Track; cohortId: string } | null;
}

/** Whether a targeted post reaches this organization (an untargeted one reaches every one). */
export function matchesTargeting(t: PostTargeting, facts: TargetFacts): boolean {
  if (t.residencies.length > 0 && !t.residencies.includes(facts.residency)) return false;
  if (t.fields.length > 0 && !facts.fields.some((f) => t.fields.includes(f))) return false;
  if (t.tracks.length > 0 && !(facts.incubation && t.tracks.includes(facts.incubation.track))) return false;
  if (t.cohortIds.length > 0 && !(facts.incubation && t.cohortIds.includes(facts.incubation.cohortId)))
    return false;
  return true;
}

export const POST_LIMITS = {
  title: 120,
  summary: 300,
  source: 120,
  link: 500,
  reason: 500,
  /** The body as sent by the editor (HTML); its plain text is what search reads. */
  bodyHtml: 100_000,
  bodyText: 30_000,
  /** Targeting choices per list (cohorts are few; the rest are short tuples). */
  targetItems: 50,
  /** Files attached to one post. */
  attachments: 10,
} as const;

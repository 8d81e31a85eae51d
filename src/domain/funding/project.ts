/**
 * A project's own rules: its status changes (draft until a grant is approved, then active; staff
 * close or cancel it), which incubations may have one, and when it belongs to a flagship
 * programme (十大工程).
 */
import type { Track } from "../call";
import type { IncubationStatus } from "../incubation/lifecycle";
import type { FundKind, ProjectStatus } from "./grant";

const PROJECT_EVENTS = ["activate", "close", "cancel"] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

const PROJECT_TRANSITIONS: Record<ProjectStatus, Partial<Record<ProjectEvent, ProjectStatus>>> = {
  // A grant's approval activates it (the grants work fires `activate`); staff may drop a draft.
  draft: { activate: "active", cancel: "cancelled" },
  // Its grants are done: staff close it (结项).
  active: { close: "closed" },
  closed: {},
  cancelled: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextProjectStatus(status: ProjectStatus, event: ProjectEvent): ProjectStatus | null {
  return PROJECT_TRANSITIONS[status][event] ?? null;
}

/** A closed or cancelled project is kept as it was. */
export function projectEditable(status: ProjectStatus): boolean {
  return status === "draft" || status === "active";
}

/**
 * Which incubations take a project: the project and combined tracks, and the organization track
 * (its project is a seed fund project: only the seed fund grants it). The space track does not.
 */
export function trackTakesProject(track: Track): boolean {
  return track === "project" || track === "combined" || track === "org";
}

/** Whether a fund of `kind` may grant a project of a `track` incubation: the organization track's only from the seed fund. */
export function fundServesTrack(track: Track, kind: FundKind): boolean {
  return track !== "org" || kind === "seed_fund";
}

/** An incubation that has not graduated or been terminated. */
export function incubationOpen(status: IncubationStatus): boolean {
  return status !== "graduated" && status !== "terminated";
}

/** The combined track names its flagship programme; the others name none. */
export function programmeProblem(
  track: Track,
  programmeId: string | null | undefined,
): "programme_required" | "programme_not_allowed" | null {
  if (track === "combined") return programmeId ? null : "programme_required";
  return programmeId ? "programme_not_allowed" : null;
}

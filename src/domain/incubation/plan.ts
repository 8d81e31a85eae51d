/**
 * Diagnosis and the incubation plan (孵化计划), stage 4: the organization's problems and needs, each
 * tagged with one of the base's four service categories (4Z), and the plan agreed with it: goals
 * tied to the weak capacity dimensions, actions with an owner and a due day. The plan's status
 * changes only through `nextPlanStatus`; the server refuses what it returns null for (409 with the
 * current status). Pure: no I/O.
 */

/**
 * The 4Z service categories (资讯、咨询、资本、资源): what a need asks for and what service an action
 * intends. Later areas (services, mentoring, funding) file their offers under the same four.
 */
export const SERVICE_CATEGORIES = ["information", "consulting", "capital", "resources"] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Where a need was found: the baseline assessment, the needs interview, or elsewhere. */
export const NEED_SOURCES = ["baseline", "interview", "other"] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/** A need is open until the plan or a service addresses it, or it is dropped (no longer a need). */
export const NEED_STATUSES = ["open", "addressed", "dropped"] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/**
 * draft: staff write it (after a revision too); proposed: put to the organization, read-only;
 * agreed: the organization agreed (or staff recorded its agreement), the actions run.
 */
export const PLAN_STATUSES = ["draft", "proposed", "agreed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * propose: staff put the draft to the organization; agree: the organization agrees (or staff
 * record its agreement, saying who and when); withdraw: staff take a proposal back to change it;
 * revise: staff reopen an agreed plan (a new revision, agreed again in its turn).
 */
export const PLAN_EVENTS = ["propose", "agree", "withdraw", "revise"] as const;
export type PlanEvent = (typeof PLAN_EVENTS)[number];

const TRANSITIONS: Record<PlanStatus, Partial<Record<PlanEvent, PlanStatus>>> = {
  draft: { propose: "proposed" },
  proposed: { agree: "agreed", withdraw: "draft" },
  agreed: { revise: "draft" },
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextPlanStatus(status: PlanStatus, event: PlanEvent): PlanStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The events allowed now (what buttons to show). */
export function availablePlanEvents(status: PlanStatus): PlanEvent[] {
  return Object.keys(TRANSITIONS[status]) as PlanEvent[];
}

/** The revision after `event`: revising an agreed plan starts the next one. */
export function revisionAfter(revision: number, event: PlanEvent): number {
  return event === "revise" ? revision + 1 : revision;
}

/** Goals, actions and their details are written only while the plan is a draft. */
export function isPlanEditable(status: PlanStatus): boolean {
  return status === "draft";
}

/** Actions are carried out (done, dropped) once the plan is agreed. */
export function isPlanRunning(status: PlanStatus): boolean {
  return status === "agreed";
}

/** Who carries an action out: the organization itself, or the base. */
export const ACTION_OWNERS = ["organization", "base"] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];

export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An open action whose due day has passed (`today` is Asia/Shanghai's, YYYY-MM-DD). */
export function isActionOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return action.status === "open" && action.dueOn < today;
}

export interface PlanProgress {
  total: number;
  done: number;
  open: number;
  overdue: number;
  dropped: number;
  /** Done out of those not dropped, 0-100 (0 when there are none). */
  percent: number;
}

/** Counts of a plan's (or a goal's) actions. Overdue ones are also open. */
export function planProgress(
  actions: { status: ActionStatus; dueOn: string }[],
  today: string,
): PlanProgress {
  const count = (s: ActionStatus) => actions.filter((a) => a.status === s).length;
  const done = count("done");
  const dropped = count("dropped");
  const live = actions.length - dropped;
  return {
    total: actions.length,
    done,
    open: count("open"),
    overdue: actions.filter((a) => isActionOverdue(a, today)).length,
    dropped,
    percent: live === 0 ? 0 : Math.round((done * 100) / live),
  };
}

/** What the plan may hold: enough for a year's work, few enough to read on one page. */
export const PLAN_LIMITS = { goals: 12, actionsPerGoal: 20, needs: 50 } as const;

/** The latest due day an action may have: the plan serves a stay of a few years at most. */
export const ACTION_DUE_YEARS = 5;

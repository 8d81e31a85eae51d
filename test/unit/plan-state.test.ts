import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  availablePlanEvents,
  isActionOverdue,
  isPlanEditable,
  nextPlanStatus,
  PLAN_EVENTS,
  PLAN_STATUSES,
  type PlanEvent,
  type PlanStatus,
  planProgress,
  revisionAfter,
  SERVICE_CATEGORIES,
} from "../../src/domain/incubation/plan";
import { SERVICE_CATEGORY_LABELS } from "../../src/schemas/labels";

/** Runs events from a new draft as the server does: an illegal event changes nothing. */
function run(events: PlanEvent[]) {
  let status: PlanStatus = "draft";
  let revision = 1;
  let agreements = 0;
  const refused: { status: PlanStatus; event: PlanEvent }[] = [];
  const accepted: PlanEvent[] = [];
  for (const event of events) {
    const to = nextPlanStatus(status, event);
    if (!to) {
      refused.push({ status, event });
      continue;
    }
    accepted.push(event);
    revision = revisionAfter(revision, event);
    if (to === "agreed") agreements++;
    status = to;
  }
  return { status, revision, agreements, refused, accepted };
}

describe("the plan's lifecycle", () => {
  it("goes draft → proposed → agreed, and a revision of an agreed plan is a draft again, counted", () => {
    expect(run(["propose", "agree"])).toMatchObject({ status: "agreed", revision: 1 });
    expect(run(["propose", "agree", "revise"])).toMatchObject({ status: "draft", revision: 2 });
    expect(run(["propose", "withdraw"])).toMatchObject({ status: "draft", revision: 1 });
    expect(nextPlanStatus("draft", "agree")).toBeNull();
    expect(nextPlanStatus("agreed", "agree")).toBeNull();
    expect(nextPlanStatus("draft", "revise")).toBeNull();
  });

  it("holds for any sequence of events: agreement only from a proposal, revisions count re-openings, edits only in draft", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PLAN_EVENTS), { maxLength: 40 }), (events) => {
        const r = run(events);
        expect(PLAN_STATUSES).toContain(r.status);
        // Each revision reopened an agreed plan: the revision counts them, never more than agreements.
        expect(r.revision - 1).toBe(r.accepted.filter((e) => e === "revise").length);
        expect(r.revision - 1).toBeLessThanOrEqual(r.agreements);
        // Replaying only the accepted events reaches the same place with nothing refused.
        const replay = run(r.accepted);
        expect(replay).toMatchObject({ status: r.status, revision: r.revision, refused: [] });
        for (const refused of r.refused)
          expect(availablePlanEvents(refused.status)).not.toContain(refused.event);
        // Only a draft is editable, and an agreed plan is reached only through a proposal.
        expect(isPlanEditable(r.status)).toBe(r.status === "draft");
      }),
    );
  });

  it("every status's available events are exactly those nextPlanStatus accepts", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLAN_STATUSES), fc.constantFrom(...PLAN_EVENTS), (status, event) => {
        expect(nextPlanStatus(status, event) !== null).toBe(availablePlanEvents(status).includes(event));
        if (nextPlanStatus(status, event) === "agreed") expect(status).toBe("proposed");
      }),
    );
  });
});

describe("actions and progress", () => {
  it("an open action is overdue from the day after its due day; done or dropped never", () => {
    expect(isActionOverdue({ status: "open", dueOn: "2027-03-01" }, "2027-03-01")).toBe(false);
    expect(isActionOverdue({ status: "open", dueOn: "2027-03-01" }, "2027-03-02")).toBe(true);
    expect(isActionOverdue({ status: "done", dueOn: "2027-03-01" }, "2027-04-01")).toBe(false);
    expect(isActionOverdue({ status: "dropped", dueOn: "2027-03-01" }, "2027-04-01")).toBe(false);
  });

  it("counts done, open, overdue and dropped; the percent leaves dropped ones out", () => {
    const today = "2027-03-10";
    const p = planProgress(
      [
        { status: "done", dueOn: "2027-03-01" },
        { status: "open", dueOn: "2027-03-01" },
        { status: "open", dueOn: "2027-04-01" },
        { status: "dropped", dueOn: "2027-02-01" },
      ],
      today,
    );
    expect(p).toEqual({ total: 4, done: 1, open: 2, overdue: 1, dropped: 1, percent: 33 });
    expect(planProgress([], today).percent).toBe(0);
  });

  it("names the four service categories in both languages", () => {
    expect(SERVICE_CATEGORIES).toEqual(["information", "consulting", "capital", "resources"]);
    expect(Object.values(SERVICE_CATEGORY_LABELS["zh-CN"])).toEqual(["资讯", "咨询", "资本", "资源"]);
  });
});

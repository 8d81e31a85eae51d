import { describe, expect, it } from "vitest";
import type { CallRules } from "../../src/domain/call";
import { gapsConfirmed, intakeGaps, intakeItems, isVerdictStale } from "../../src/domain/intake-gaps";

const items = [
  { key: "certificate", label: "登记证书", required: true },
  { key: "plan", label: "项目计划书", required: true },
  { key: "photos", label: "活动照片", required: false },
  { key: "q:budget", label: "预算表", required: true },
];
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 8, minute)).toISOString();

describe("intake gaps", () => {
  it("lists items without a verdict or pending as unchecked, but not an optional item with nothing handed in", () => {
    const gaps = intakeGaps(
      items,
      [{ requirementKey: "plan", status: "pending", checkedAt: at(5) }],
      [
        { requirementKey: "certificate", uploadedAt: at(1) },
        { requirementKey: "plan", uploadedAt: at(1) },
      ],
    );
    expect(gaps).toEqual([
      { key: "certificate", label: "登记证书", state: "unchecked" },
      { key: "plan", label: "项目计划书", state: "unchecked" },
      // Required and nothing handed in: still something staff must look at.
      { key: "q:budget", label: "预算表", state: "unchecked" },
    ]);
  });

  it("calls a verdict older than the item's newest file stale, whatever it said", () => {
    const verdicts = [
      { requirementKey: "certificate", status: "ok" as const, checkedAt: at(10) },
      { requirementKey: "plan", status: "needs_correction" as const, checkedAt: at(10) },
      { requirementKey: "photos", status: "ok" as const, checkedAt: at(10) },
      { requirementKey: "q:budget", status: "missing" as const, checkedAt: at(10) },
    ];
    const documents = [
      { requirementKey: "certificate", uploadedAt: at(11) },
      { requirementKey: "plan", uploadedAt: at(2) },
      { requirementKey: "plan", uploadedAt: at(12) },
      { requirementKey: "photos", uploadedAt: at(10) },
    ];
    expect(intakeGaps(items, verdicts, documents).map((g) => [g.key, g.state])).toEqual([
      ["certificate", "stale"],
      ["plan", "stale"],
      ["q:budget", "missing"],
    ]);
  });

  it("lists findings that still stand, and nothing when every item is ok", () => {
    const ok = items.map((i) => ({ requirementKey: i.key, status: "ok" as const, checkedAt: at(30) }));
    const documents = [{ requirementKey: "certificate", uploadedAt: at(1) }];
    expect(intakeGaps(items, ok, documents)).toEqual([]);
    const finding = ok.map((v) =>
      v.requirementKey === "plan" ? { ...v, status: "needs_correction" as const } : v,
    );
    expect(intakeGaps(items, finding, documents)).toEqual([
      { key: "plan", label: "项目计划书", state: "needs_correction" },
    ]);
  });

  it("never calls a pending verdict stale, and compares instants, not strings", () => {
    expect(isVerdictStale({ status: "pending", checkedAt: at(1) }, [at(2)])).toBe(false);
    expect(isVerdictStale({ status: "ok", checkedAt: new Date(at(1)) }, ["2026-12-06T16:02:00+08:00"])).toBe(
      true,
    );
    expect(isVerdictStale({ status: "ok", checkedAt: at(1) }, ["2026-12-06T16:01:00+08:00"])).toBe(false);
  });

  it("a confirmation covers the gaps only when it names each in the state it has now", () => {
    const gaps = [
      { key: "plan", label: "项目计划书", state: "unchecked" as const },
      { key: "certificate", label: "登记证书", state: "stale" as const },
    ];
    const shown = gaps.map(({ key, state }) => ({ key, state }));
    expect(gapsConfirmed(gaps, shown)).toBe(true);
    expect(gapsConfirmed([], [])).toBe(true);
    expect(gapsConfirmed(gaps, shown.slice(0, 1))).toBe(false);
    expect(gapsConfirmed([{ key: "plan", label: "项目计划书", state: "needs_correction" }], shown)).toBe(
      false,
    );
  });

  it("takes the track's documents, then its file questions", () => {
    const rules: Pick<CallRules, "tracks" | "questions"> = {
      tracks: [
        {
          track: "org",
          quota: 1,
          maxApplications: null,
          eligibility: {
            minMonthsFounded: null,
            maxMonthsFounded: null,
            allowUnregistered: false,
            note: null,
          },
          documents: [{ key: "certificate", label: "登记证书", description: null, required: true }],
        },
      ],
      questions: [
        {
          key: "budget",
          label: "预算表",
          type: "file",
          required: false,
          options: [],
          help: null,
          tracks: null,
        },
        { key: "why", label: "动机", type: "text", required: true, options: [], help: null, tracks: null },
        {
          key: "x",
          label: "其他方向",
          type: "file",
          required: true,
          options: [],
          help: null,
          tracks: ["space"],
        },
      ],
    };
    expect(intakeItems(rules, "org")).toEqual([
      { key: "certificate", label: "登记证书", required: true },
      { key: "q:budget", label: "预算表", required: false },
    ]);
  });
});

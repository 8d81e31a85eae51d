import { describe, expect, it } from "vitest";
import { type CallRules, callRulesProblems, removedTracks } from "../../src/domain/call";
import { defaultCallRules } from "../factories";

function at<T>(list: T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

const fields = (rules: CallRules) => callRulesProblems(rules).map((p) => `${p.field}:${p.code}`);

describe("callRulesProblems", () => {
  it("accepts the factory's valid rules", () => {
    expect(callRulesProblems(defaultCallRules())).toEqual([]);
  });

  it("needs at least one track, each offered once", () => {
    expect(fields({ ...defaultCallRules(), tracks: [], questions: [] })).toEqual([
      "rules.tracks:tracks_required",
    ]);
    const rules = defaultCallRules();
    rules.tracks = [at(rules.tracks, 0), { ...at(rules.tracks, 0) }];
    expect(fields(rules)).toContain("rules.tracks.1.track:track_duplicate");
  });

  it("checks quota, the application limit and the founding months range", () => {
    const rules = defaultCallRules();
    rules.tracks[0] = { ...at(rules.tracks, 0), quota: 0 };
    rules.tracks[1] = { ...at(rules.tracks, 1), quota: 5, maxApplications: 4 };
    rules.tracks[2] = {
      ...at(rules.tracks, 2),
      eligibility: { ...at(rules.tracks, 2).eligibility, minMonthsFounded: 24, maxMonthsFounded: 12 },
    };
    expect(fields(rules)).toEqual([
      "rules.tracks.0.quota:too_small",
      "rules.tracks.1.maxApplications:max_below_quota",
      "rules.tracks.2.eligibility.maxMonthsFounded:months_range",
    ]);
    rules.tracks[1] = { ...at(rules.tracks, 1), maxApplications: 5 };
    expect(fields(rules)).not.toContain("rules.tracks.1.maxApplications:max_below_quota");
  });

  it("wants the closing time after the opening time", () => {
    const rules = defaultCallRules();
    rules.closesAt = rules.opensAt;
    expect(fields(rules)).toEqual(["rules.closesAt:closes_before_opens"]);
  });

  it("refuses duplicate document and question keys", () => {
    const rules = defaultCallRules();
    const docs = at(rules.tracks, 0).documents;
    rules.tracks[0] = { ...at(rules.tracks, 0), documents: [...docs, { ...at(docs, 0) }] };
    rules.questions = [...rules.questions, { ...at(rules.questions, 0) }];
    expect(fields(rules)).toEqual([
      "rules.tracks.0.documents.2.key:key_duplicate",
      "rules.questions.2.key:key_duplicate",
    ]);
  });

  it("wants two different options for choice questions and offered tracks only", () => {
    const rules = defaultCallRules();
    rules.tracks = rules.tracks.filter((t) => t.track !== "space");
    rules.questions = [
      {
        key: "a",
        label: "A",
        type: "single_choice",
        required: true,
        options: ["是", "是"],
        help: null,
        tracks: null,
      },
      {
        key: "b",
        label: "B",
        type: "multiple_choice",
        required: true,
        options: ["是", "否"],
        help: null,
        tracks: null,
      },
      {
        key: "c",
        label: "C",
        type: "text",
        required: false,
        options: [],
        help: null,
        tracks: ["org", "space"],
        maxLength: 500,
      },
    ];
    expect(fields(rules)).toEqual([
      "rules.questions.0.options:options_too_few",
      "rules.questions.2.maxLength:too_big",
      "rules.questions.2.tracks:question_track_not_offered",
    ]);
  });

  it("wants a number question's maximum at or above its minimum (either may be left out)", () => {
    const rules = defaultCallRules();
    const number = {
      label: "N",
      type: "number" as const,
      required: false,
      options: [],
      help: null,
      tracks: null,
    };
    rules.questions = [
      { ...number, key: "a", min: 10, max: 1 },
      { ...number, key: "b", min: 1, max: 1, integer: true },
      { ...number, key: "c", min: null, max: -5 },
      { ...number, key: "d" },
    ];
    expect(fields(rules)).toEqual(["rules.questions.0.max:number_range"]);
  });
});

describe("removedTracks", () => {
  it("names the tracks no longer offered", () => {
    const before = defaultCallRules();
    const after = { tracks: before.tracks.filter((t) => t.track === "org" || t.track === "space") };
    expect(removedTracks(before, after)).toEqual(["project", "combined"]);
    expect(removedTracks(before, before)).toEqual([]);
  });
});

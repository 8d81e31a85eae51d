/** The offline draft's rules: what a new change, a sent save and a reload do to unsent changes. */
import { describe, expect, test } from "vitest";
import {
  type Draft,
  mergeChanges,
  sameValue,
  unsentAgainst,
  userKeyBounds,
  withoutSent,
} from "../../src/web/offline/drafts";

const scope = { userId: "u1", kind: "application", recordId: "a1" };
const at = new Date("2026-12-07T02:00:00Z");
const draft = (changes: Draft["changes"], baseVersion = 3): Draft => ({
  ...scope,
  baseVersion,
  changes,
  savedAt: at.toISOString(),
});

describe("mergeChanges", () => {
  test("a first change starts a draft at the version it was made against", () => {
    expect(mergeChanges(undefined, scope, { name: "甲" }, 3, at)).toEqual(draft({ name: "甲" }, 3));
  });

  test("later changes add keys and replace values, and keep the first change's version", () => {
    const merged = mergeChanges(draft({ name: "甲", size: 4 }, 3), scope, { name: "乙", goal: "x" }, 5, at);
    expect(merged.changes).toEqual({ name: "乙", size: 4, goal: "x" });
    expect(merged.baseVersion).toBe(3);
  });

  test("the scope comes from the caller, not from whatever was stored", () => {
    const merged = mergeChanges({ ...draft({}), userId: "other" } as Draft, scope, { a: 1 }, 3, at);
    expect(merged.userId).toBe("u1");
  });
});

describe("withoutSent", () => {
  test("keys sent with the value they still hold go; the draft goes when none is left", () => {
    expect(withoutSent(draft({ name: "甲" }), { name: "甲" }, 4)).toBeNull();
  });

  test("a key typed again while the save was on its way stays, on the version the save returned", () => {
    const left = withoutSent(draft({ name: "甲乙", size: 4 }), { name: "甲", size: 4 }, 4);
    expect(left?.changes).toEqual({ name: "甲乙" });
    expect(left?.baseVersion).toBe(4);
  });

  test("an empty answer sent as null counts as sent", () => {
    expect(withoutSent(draft({ name: "", tags: [] }), { name: null, tags: null }, 4)).toBeNull();
  });

  test("nothing stored: nothing left", () => {
    expect(withoutSent(undefined, { name: "甲" }, 4)).toBeNull();
  });
});

describe("unsentAgainst", () => {
  test("keys the record already holds (a save whose answer was lost) are not unsent", () => {
    const stored = draft({ name: "甲", size: 4, tags: ["a", "b"], goal: "" });
    expect(unsentAgainst(stored, { name: "甲", size: 5, tags: ["a", "b"], goal: null })).toEqual({ size: 4 });
  });

  test("a key the record lacks is unsent unless the draft empties it", () => {
    expect(unsentAgainst(draft({ name: "甲", goal: null }), {})).toEqual({ name: "甲" });
  });
});

test("sameValue compares JSON values, order of a list included", () => {
  expect(sameValue(["a", "b"], ["a", "b"])).toBe(true);
  expect(sameValue(["a", "b"], ["b", "a"])).toBe(false);
  expect(sameValue(1, "1")).toBe(false);
  expect(sameValue(undefined, "")).toBe(true);
});

test("a user's key range starts with the user id and takes no other user's keys", () => {
  const { lower, upper } = userKeyBounds("u1");
  expect(lower).toEqual(["u1"]);
  expect(upper).toEqual(["u1", []]);
});

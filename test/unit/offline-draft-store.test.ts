/**
 * The draft store over IndexedDB, in Node on fake-indexeddb (an implementation of the IndexedDB
 * spec): drafts are scoped to their user, merged in order, and gone once sent. The browser test
 * (test/e2e/offline-draft.test.ts) runs the same store on Chromium's IndexedDB.
 */
import "fake-indexeddb/auto";
import { expect, test } from "vitest";
import { openDraftStore } from "../../src/web/offline/draftStore";

const application = (userId: string, recordId = "a1") => ({ userId, kind: "application", recordId });

test("one user's drafts are not another's, even when one id starts with the other", async () => {
  const store = await openDraftStore("scoping");
  if (!store) throw new Error("no IndexedDB");
  await store.save(application("u1"), { name: "u1 的答案" }, 1);
  await store.save(application("u10"), { name: "u10 的答案" }, 1);
  await store.save({ userId: "u1", kind: "inspection", recordId: "i1" }, { score: 3 }, 2);

  expect(await store.get(application("u2"))).toBeUndefined();
  expect((await store.listForUser("u1")).map((d) => [d.kind, d.recordId])).toEqual([
    ["application", "a1"],
    ["inspection", "i1"],
  ]);
  expect((await store.listForUser("u10")).map((d) => d.changes)).toEqual([{ name: "u10 的答案" }]);
  expect(await store.listForUser("u")).toEqual([]);
});

test("quick successive changes all land; a sent save removes only what it sent", async () => {
  const store = await openDraftStore("merging");
  if (!store) throw new Error("no IndexedDB");
  const scope = application("u1");
  // Not awaited one by one, as the form writes them: each lands on the one before.
  await Promise.all(["甲", "甲乙", "甲乙丙"].map((name, i) => store.save(scope, { name, [`k${i}`]: i }, 7)));
  expect(await store.get(scope)).toMatchObject({
    baseVersion: 7,
    changes: { name: "甲乙丙", k0: 0, k1: 1, k2: 2 },
  });

  await store.markSent(scope, { name: "甲乙", k0: 0, k1: 1 }, 8);
  expect(await store.get(scope)).toMatchObject({ baseVersion: 8, changes: { name: "甲乙丙", k2: 2 } });

  await store.markSent(scope, { name: "甲乙丙", k2: 2 }, 9);
  expect(await store.get(scope)).toBeUndefined();
  expect(await store.listForUser("u1")).toEqual([]);
});

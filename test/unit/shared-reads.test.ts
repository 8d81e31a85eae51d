/** Requests asking the same figures while they are read share the read, never across a write. */
import { describe, expect, it } from "vitest";
import { SharedReads } from "../../src/server/shared-reads";

/** A load that answers when told to, counting how often it ran. */
function gate<T>() {
  let release: (value: T) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const calls = { n: 0 };
  const load = () => {
    calls.n++;
    return new Promise<T>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
  };
  return { load, calls, release: (v: T) => release(v), fail: (e: Error) => fail(e) };
}

describe("SharedReads", () => {
  it("gives requests of one key in flight one read, and reads again once it answered", async () => {
    const shared = new SharedReads();
    const g = gate<number>();
    const a = shared.read("k", g.load);
    const b = shared.read("k", g.load);
    expect(g.calls.n).toBe(1);
    g.release(7);
    expect([await a, await b]).toEqual([7, 7]);
    expect(shared.size).toBe(0);
    const c = shared.read("k", g.load);
    expect(g.calls.n).toBe(2);
    g.release(8);
    expect(await c).toBe(8);
  });

  it("never shares between keys (scopes)", async () => {
    const shared = new SharedReads();
    const g = gate<string>();
    const h = gate<string>();
    const a = shared.read("base-1", g.load);
    const b = shared.read("base-2", h.load);
    expect([g.calls.n, h.calls.n]).toEqual([1, 1]);
    g.release("one");
    h.release("two");
    expect([await a, await b]).toEqual(["one", "two"]);
  });

  it("does not give a request after a write the read that started before it", async () => {
    const shared = new SharedReads();
    const before = gate<string>();
    const after = gate<string>();
    const old = shared.read("k", before.load);
    shared.written();
    const fresh = shared.read("k", after.load);
    expect(after.calls.n).toBe(1);
    // A third request joins the new generation's read, not the old one.
    const joined = shared.read("k", before.load);
    expect(before.calls.n).toBe(1);
    before.release("stale");
    after.release("new");
    expect([await old, await fresh, await joined]).toEqual(["stale", "new", "new"]);
    expect(shared.size).toBe(0);
  });

  it("hands a failure to every request that shared it, and the next request reads again", async () => {
    const shared = new SharedReads();
    const g = gate<number>();
    const a = shared.read("k", g.load);
    const b = shared.read("k", g.load);
    g.fail(new Error("database gone"));
    await expect(a).rejects.toThrow("database gone");
    await expect(b).rejects.toThrow("database gone");
    const c = shared.read("k", g.load);
    expect(g.calls.n).toBe(2);
    g.release(1);
    expect(await c).toBe(1);
  });
});

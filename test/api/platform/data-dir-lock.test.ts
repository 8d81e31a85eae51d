import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "../../../src/server/data-dir-lock";

const fresh = () => mkdtempSync(path.join(tmpdir(), "hatchery-lock-"));

describe("the embedded database's one-server lock", () => {
  it("refuses a second server while the first one lives, naming it", () => {
    const dir = fresh();
    // The test runner's parent process stands in for a running server.
    writeFileSync(path.join(dir, "server.lock"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(`Another server (pid ${process.ppid})`);
  });

  it("takes over the lock of a server that died, and releases it", () => {
    const dir = fresh();
    const gone = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid as number;
    writeFileSync(path.join(dir, "server.lock"), String(gone));
    const unlock = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "server.lock"), "utf8")).toBe(String(process.pid));
    unlock();
    expect(() => readFileSync(path.join(dir, "server.lock"))).toThrow();
  });
});

/**
 * The browser tests run the built app (dist/), as users get it. CI builds before the e2e stage;
 * locally a missing or out-of-date build is made here, so a test never drives yesterday's code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const SERVER_ENTRY = path.join(ROOT, "dist/server/main.js");
const WEB_ENTRY = path.join(ROOT, "dist/web/index.html");

/** Newest modification time of any file under the given paths (0 when none exist). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  for (const p of paths) visit(path.join(ROOT, p));
  return newest;
}

function isStale(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return true;
  return newestMtime(sources) > statSync(output).mtimeMs;
}

function run(command: string, args: string[]): void {
  // Vitest sets NODE_ENV=test, and Vite builds for whatever NODE_ENV says: React's development
  // build (1.6 times the size, and slower) is not what users get.
  const env = { ...process.env, NODE_ENV: "production" };
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
}

/** Builds the server bundle and the web app when missing or older than their sources. */
export function ensureBuilt(): void {
  if (isStale(SERVER_ENTRY, ["src/server", "src/db", "src/domain", "src/schemas"])) {
    console.log("[e2e] building the server (dist/server/main.js)");
    run("node", ["scripts/build-server.mjs"]);
  }
  if (
    isStale(WEB_ENTRY, [
      "src/web",
      "src/domain",
      "src/schemas",
      "index.html",
      "vite.config.ts",
      "scripts/vite-precompress.mjs",
    ])
  ) {
    console.log("[e2e] building the web app (dist/web)");
    run("npx", ["vite", "build", "--logLevel", "warn"]);
  }
}

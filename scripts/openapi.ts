/**
 * `npm run lint:api`: writes the OpenAPI document (what GET /api/openapi.json serves) to
 * test-results/openapi.json and lints it with Redocly's recommended rules (redocly.yaml; the
 * exceptions in .redocly.lint-ignore.yaml name that path, so it is fixed rather than a temporary
 * file). `tsx scripts/openapi.ts --write FILE` only writes the document.
 *
 * No database is opened: the document comes from the route schemas, and a `pg` pool connects on
 * its first query, which building the app never makes. The address below answers nothing, so a
 * query at build time would fail loudly rather than touch a real database.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { openDatabase } from "../src/db/client";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";

const DOCUMENT = "test-results/openapi.json";

async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase({ databaseUrl: "postgres://openapi@127.0.0.1:1/none" });
  const config = loadConfig({ DATA_DIR: "/nonexistent", SESSION_SECRET: "openapi-document-only" });
  const app = await buildApp({ config, database });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await database.close();
  }
}

/** Redocly from node_modules (never `npx`, which may look for it online), kept off the network. */
function redoclyLint(file: string): number {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin/cli.js");
  const result = spawnSync(process.execPath, [cli, "lint", file, "--config", "redocly.yaml"], {
    stdio: "inherit",
    env: {
      ...process.env,
      // Documented opt-out of usage data (redocly.yaml says `telemetry: off` as well).
      REDOCLY_TELEMETRY: "off",
      // No check of the registry for a newer version, no announcements.
      REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
      REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
    },
  });
  return result.status ?? 1;
}

const writeOnly = process.argv[2] === "--write";
const target = writeOnly ? (process.argv[3] ?? DOCUMENT) : DOCUMENT;
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
process.exitCode = writeOnly ? 0 : redoclyLint(target);

import { defineConfig } from "vitest/config";

// `npm test`: unit tests and the API suite on PGlite; with DATABASE_URL set, the same API suite
// again on PostgreSQL (each test file in a database of its own). Browser tests: `npm run test:e2e`.
const postgres = process.env.DATABASE_URL;

// A worker imports the app once and runs its files one after another (isolate: false): loading
// the server's module graph per file cost about two seconds a file. Each file still gets a
// database of its own (loaded from the run's template), so files share no data, only modules;
// no module keeps state across apps (each buildApp makes its own limiter, outbox and config;
// the ranking's Schulze memo is keyed by the reviews it was computed from).
const shared = { isolate: false };

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", ...shared } },
      {
        test: {
          name: "api",
          include: ["test/api/**/*.test.ts"],
          ...shared,
          env: { TEST_ENGINE: "pglite" },
          globalSetup: ["test/support/pglite-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
      ...(postgres
        ? [
            {
              test: {
                name: "api-postgres",
                include: ["test/api/**/*.test.ts"],
                ...shared,
                env: { TEST_ENGINE: "postgres" },
                globalSetup: ["test/support/postgres-setup.ts"],
                testTimeout: 30_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
      // Two instances behind nginx (scripts/scale-out.sh start): only against a running topology.
      ...(process.env.SCALE_OUT_URL
        ? [
            {
              test: {
                name: "topology",
                include: ["test/topology/**/*.test.ts"],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // The browser tests that build their app in-process (startTestApp) load this template too.
          globalSetup: ["test/support/pglite-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from "vitest/config";

// `npm test`: unit tests and the API suite on PGlite; with DATABASE_URL set, the same API suite
// again on PostgreSQL (each test file in a database of its own). Browser tests: `npm run test:e2e`.
const postgres = process.env.DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "api",
          include: ["test/api/**/*.test.ts"],
          env: { TEST_ENGINE: "pglite" },
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
                env: { TEST_ENGINE: "postgres" },
                globalSetup: ["test/support/postgres-setup.ts"],
                testTimeout: 30_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

// Bundles the server into dist/server/main.js so `npm start` runs plain Node (no TypeScript at run time).
// The worker threads are entries of their own beside it, which the server starts by name:
// dist/server/schulze-worker.js (src/server/areas/admission/ranking/schulze-thread.ts) and
// dist/server/pglite-worker.js, the embedded database (src/db/pglite-remote.ts).
import { build } from "esbuild";

await build({
  entryPoints: {
    main: "src/server/main.ts",
    "schulze-worker": "src/server/areas/admission/ranking/schulze-worker.ts",
    "pglite-worker": "src/db/pglite-worker.ts",
  },
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});

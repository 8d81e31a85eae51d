// Bundles the server into dist/server/main.js so `npm start` runs plain Node (no TypeScript at run time).
// The Schulze worker thread is a second entry beside it (dist/server/schulze-worker.js): the server
// starts it by that name (src/server/areas/admission/ranking/schulze-thread.ts).
import { build } from "esbuild";

await build({
  entryPoints: {
    main: "src/server/main.ts",
    "schulze-worker": "src/server/areas/admission/ranking/schulze-worker.ts",
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

// Bundles the server into dist/server/main.js so `npm start` runs plain Node (no TypeScript at run time),
// and the embedded database's worker thread into dist/server/pglite-worker.js beside it (the server
// starts it from there: src/db/pglite-remote.ts).
import { build } from "esbuild";

await build({
  entryPoints: { main: "src/server/main.ts", "pglite-worker": "src/db/pglite-worker.ts" },
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});

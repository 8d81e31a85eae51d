/**
 * A worker thread running a module that sits beside its caller: the bundled `NAME.js` beside
 * dist/server/main.js in the built server (scripts/build-server.mjs builds each worker entry), or
 * the `NAME.ts` source under tsx or vitest. Node 20 applies no `--import` loader to a worker's
 * own entry, so from the sources the worker first registers tsx's ESM loader (its CommonJS twin
 * cannot register from an eval'd worker), found from the caller, then imports the entry.
 * Shared by the embedded database's worker and Schulze's.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const tsx = pathToFileURL(
    createRequire(callerUrl)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

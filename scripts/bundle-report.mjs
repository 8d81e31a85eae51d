// `npm run bundle:report`: the sizes of the built web app (dist/web), per chunk raw, gzip and
// brotli (the precompressed files the build wrote next to each asset), and what the first load of
// each public page costs: index.html, the entry's chunks and CSS, and the page's own chunk with
// everything it imports, as the browser fetches them. Reads Vite's manifest; build first.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "dist/web");
const manifestFile = path.join(web, ".vite/manifest.json");
if (!existsSync(manifestFile)) {
  console.error("No dist/web/.vite/manifest.json: run `npm run build:web` first.");
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));

/** The first load of a page: the HTML entry plus the page's lazy chunk, with their static imports. */
const PAGES = {
  "/portal": "src/web/pages/recruitment/portal/home/index.tsx",
  "/portal/calls/:id": "src/web/pages/recruitment/portal/call/index.tsx",
  "/register": "src/web/pages/recruitment/registration/index.tsx",
  "/login": "src/web/pages/platform/login/index.tsx",
};

const sizes = new Map();
/** Raw, gzip and brotli bytes of a built file; the compressed ones as served (.gz/.br next to it). */
function sizeOf(file) {
  if (sizes.has(file)) return sizes.get(file);
  const full = path.join(web, file);
  const raw = readFileSync(full);
  const stored = (ext, make) => (existsSync(full + ext) ? statSync(full + ext).size : make(raw).length);
  const size = {
    raw: raw.length,
    gzip: stored(".gz", (b) => gzipSync(b, { level: 9 })),
    br: stored(".br", (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
  sizes.set(file, size);
  return size;
}

/** Files the browser loads for these manifest keys: their chunks, static imports and CSS. */
function closure(keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (files, kind) => files.reduce((total, f) => total + sizeOf(f)[kind], 0);

const chunks = Object.values(manifest)
  .map((c) => c.file)
  .filter((f, i, all) => all.indexOf(f) === i)
  .map((file) => ({ file, ...sizeOf(file) }))
  .sort((a, b) => b.raw - a.raw);

/**
 * Static imports between chunks must not form a cycle: a chunk in a cycle can run before a chunk
 * it needs has finished ("w is not a function" at run time). Any cycle fails the report.
 */
function chunkCycles() {
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  const imports = (file) => (byFile.get(file)?.imports ?? []).map((key) => manifest[key].file);
  const state = new Map(); // file -> "open" while on the path, "done" after
  const cycles = [];
  const visit = (file, trail) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      cycles.push([...trail.slice(trail.indexOf(file)), file]);
      return;
    }
    state.set(file, "open");
    for (const next of imports(file)) visit(next, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of byFile.keys()) visit(file, []);
  return cycles;
}
const cycles = chunkCycles();

const json = process.argv.includes("--json");
const pages = Object.fromEntries(
  Object.entries(PAGES).map(([page, key]) => {
    const files = ["index.html", ...closure(["index.html", key])];
    const js = files.filter((f) => f.endsWith(".js"));
    return [
      page,
      {
        files: files.length,
        js: { raw: sum(js, "raw"), gzip: sum(js, "gzip"), br: sum(js, "br") },
        all: { raw: sum(files, "raw"), gzip: sum(files, "gzip"), br: sum(files, "br") },
      },
    ];
  }),
);

if (json) {
  console.log(JSON.stringify({ chunks, pages, cycles }, null, 2));
} else {
  console.log(`${"chunk".padEnd(52)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
  for (const c of chunks) {
    console.log(
      `${c.file.padEnd(52)}${kb(c.raw).padStart(11)}${kb(c.gzip).padStart(11)}${kb(c.br).padStart(11)}`,
    );
  }
  console.log(`\nfirst load of a page (files, JavaScript raw / gzip / brotli, everything gzip / brotli)`);
  for (const [page, p] of Object.entries(pages)) {
    console.log(
      `${page.padEnd(20)}${String(p.files).padStart(4)} files  JS ${kb(p.js.raw)} / ${kb(p.js.gzip)} / ${kb(p.js.br)}  all ${kb(p.all.gzip)} / ${kb(p.all.br)}`,
    );
  }
}

for (const cycle of cycles.slice(0, 10)) console.error(`chunk cycle: ${cycle.join(" -> ")}`);
if (cycles.length > 0) process.exitCode = 1;

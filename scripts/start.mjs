// `npm start`: build what is missing or stale (web app, server bundle), then run the server.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) t = Math.max(t, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return t;
};
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const run = (script) => {
  const result = spawnSync("npm", ["run", "--silent", script], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const src = path.join(root, "src");
if (
  builtAt(path.join(root, "dist/web/index.html")) <
  Math.max(newest(path.join(src, "web")), newest(path.join(src, "schemas")))
) {
  console.log("Building the web app…");
  run("build:web");
}
if (builtAt(path.join(root, "dist/server/main.js")) < newest(src)) {
  console.log("Building the server…");
  run("build:server");
}
await import(path.join(root, "dist/server/main.js"));

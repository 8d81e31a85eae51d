/**
 * The web app is served precompressed: the build's plugin writes .br and .gz copies, and the
 * server picks the one the browser accepts (brotli first), says so in Content-Encoding and
 * Vary, and sends the plain file to a client that accepts neither.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress } from "../../../scripts/vite-precompress.mjs";
import { startTestApp, type TestApp } from "../../support/app";

const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `招募 ${i}`))};\n`;
const PAGE = `<!doctype html><html lang="zh-CN"><head><title>孵化基地</title></head><body>${"<p>社会组织孵化招募</p>".repeat(80)}</body></html>`;
const TINY = "export {};\n";

let dir: string;
let t: TestApp;

/** Runs the build plugin's hooks as Vite would after writing these files. */
async function buildCopies(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const plugin = precompress() as unknown as {
    configResolved(config: { root: string; build: { outDir: string } }): void;
    writeBundle(options: unknown, bundle: Record<string, unknown>): Promise<void>;
  };
  plugin.configResolved({ root: dir, build: { outDir: "." } });
  await plugin.writeBundle({}, Object.fromEntries(Object.keys(files).map((name) => [name, {}])));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "hatchery-web-"));
  mkdirSync(path.join(dir, "assets"));
  await buildCopies({ "index.html": PAGE, "assets/app-abc123.js": SCRIPT, "assets/tiny-abc123.js": TINY });
  t = await startTestApp({}, { webRoot: dir });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: "GET",
    url,
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

function body(res: LightMyRequestResponse): string {
  const raw = res.rawPayload;
  const encoding = res.headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(raw).toString("utf8");
  if (encoding === "gzip") return gunzipSync(raw).toString("utf8");
  return raw.toString("utf8");
}

describe("the build plugin", () => {
  it("writes brotli and gzip copies of text files, none for files under 1 KB", () => {
    for (const name of ["index.html", "assets/app-abc123.js"]) {
      expect(existsSync(path.join(dir, `${name}.br`))).toBe(true);
      expect(existsSync(path.join(dir, `${name}.gz`))).toBe(true);
    }
    expect(existsSync(path.join(dir, "assets/tiny-abc123.js.br"))).toBe(false);
  });
});

describe("serving the web app precompressed", () => {
  it("sends brotli to a browser that accepts it, gzip to one that accepts only gzip, plain to others", async () => {
    const cases: [string | undefined, string | undefined][] = [
      ["gzip, deflate, br, zstd", "br"],
      ["br;q=0.5, gzip", "gzip"],
      ["gzip", "gzip"],
      ["deflate", undefined],
      ["identity", undefined],
      [undefined, undefined],
    ];
    for (const [accept, encoding] of cases) {
      const res = await get("/assets/app-abc123.js", accept);
      expect(res.statusCode, `Accept-Encoding: ${accept}`).toBe(200);
      expect(res.headers["content-encoding"], `Accept-Encoding: ${accept}`).toBe(encoding);
      expect(res.headers["content-type"]).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(body(res)).toBe(SCRIPT);
    }
  });

  it("compresses index.html for client routes too, still revalidated on every load", async () => {
    for (const url of ["/portal", "/portal/calls/abc", "/register"]) {
      const res = await get(url, "gzip, deflate, br");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBe("br");
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(body(res)).toBe(PAGE);
    }
    const plain = await get("/portal");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(PAGE);
  });

  it("sends a file with no compressed copy as it is, and a missing asset as a 404", async () => {
    const tiny = await get("/assets/tiny-abc123.js", "br, gzip");
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body).toBe(TINY);
    const missing = await get("/assets/none-abc123.js", "br, gzip");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/json/);
  });
});

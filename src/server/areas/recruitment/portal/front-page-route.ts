/**
 * `GET /portal`: the front page written by the server (front-page.ts) instead of the bare
 * index.html every other client route gets. Compressed per request (it changes with the calls
 * and the language), revalidated on every load like index.html. If the calls or the latest posts
 * cannot be read, the bare index.html goes out and the app asks for them itself: never a broken
 * front page.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../../../db/client";
import type { Lang } from "../../../../schemas/messages";
import { SESSION_COOKIE } from "../../platform/auth/sessions";
import { listPortalPosts } from "../../services/posts/portal";
import { renderFrontPage } from "./front-page";
import { listPublicCalls } from "./service";

/** What the home's "最新资讯" asks for (PortalLatestPosts.tsx), so the app finds it in the page. */
const LATEST_POSTS = { page: 1, pageSize: 5 } as const;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export function registerPortalFrontPage(app: FastifyInstance, { db, webRoot }: { db: Db; webRoot: string }) {
  const built = builtFiles(webRoot);
  app.get("/portal", { schema: { hide: true } }, async (request, reply) => {
    let files: ReturnType<typeof built>;
    try {
      files = built();
    } catch {
      // index.html is gone for a moment while a build rewrites dist/web: as any other client route.
      return reply.callNotFound();
    }
    const { template, readAsset } = files;
    let html: string | null = null;
    try {
      html = renderFrontPage({
        template,
        readAsset,
        data: {
          calls: await listPublicCalls(db),
          posts: await listPortalPosts(db, LATEST_POSTS),
          signedIn: request.cookies[SESSION_COOKIE] ? null : false,
        },
        lang: appLang(request),
      });
    } catch (error) {
      request.log.warn({ err: error }, "front page not written; sending the bare index.html");
    }
    return send(request, reply, html ?? template);
  });
}

/**
 * The language the app will start in on this device: its `lang` cookie, else Chinese. Not
 * Accept-Language: the app does not read it, and a page that changed language when the app took
 * over would be worse than either.
 */
function appLang(request: FastifyRequest): Lang {
  return request.cookies.lang === "en" ? "en" : "zh-CN";
}

/**
 * index.html and the assets it names, read again when a build replaces index.html (as the
 * static assets are served without a restart), otherwise kept.
 */
function builtFiles(webRoot: string) {
  const indexFile = path.join(webRoot, "index.html");
  let cached: { mtimeMs: number; template: string; assets: Map<string, string | null> } | null = null;
  return () => {
    const { mtimeMs } = statSync(indexFile);
    if (cached?.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, template: readFileSync(indexFile, "utf8"), assets: new Map() };
    }
    const { template, assets } = cached;
    const readAsset = (href: string): string | null => {
      if (!assets.has(href)) {
        const file = path.join(webRoot, path.normalize(href));
        assets.set(href, file.startsWith(path.join(webRoot, "assets") + path.sep) ? readOrNull(file) : null);
      }
      return assets.get(href) ?? null;
    };
    return { template, readAsset };
  };
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Brotli or gzip, whichever the browser prefers (brotli on a tie), at a per-request quality. */
async function send(request: FastifyRequest, reply: FastifyReply, html: string) {
  reply
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    // The page differs by the cookies (language, signed in or not) as well as the encoding.
    .header("vary", "Accept-Encoding, Cookie");
  const encoding = preferredEncoding(request.headers["accept-encoding"]);
  const raw = Buffer.from(html, "utf8");
  if (encoding === "br") {
    const body = await brotli(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    return reply.header("content-encoding", "br").send(body);
  }
  if (encoding === "gzip") return reply.header("content-encoding", "gzip").send(await gz(raw));
  return reply.send(raw);
}

function preferredEncoding(header: string | string[] | undefined): "br" | "gzip" | null {
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name) weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const br = weights.get("br") ?? 0;
  const gzipWeight = weights.get("gzip") ?? 0;
  if (br > 0 && br >= gzipWeight) return "br";
  if (gzipWeight > 0) return "gzip";
  return null;
}

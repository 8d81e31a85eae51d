/**
 * GET /portal answers with the front page already written: the published calls in their
 * sections (the open ones under 正在招募) as the app draws them, the latest public posts under
 * 最新资讯, titles escaped, and the same lists as JSON for the app to start from; in the language the app will use; compressed per request.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { posts } from "../../../src/db/schema";
import type { PublicCallList } from "../../../src/schemas/recruitment/calls";
import { PORTAL_PAGE_DATA_ID, type PortalPageData } from "../../../src/schemas/recruitment/portal-page";
import type { PostFeedPage } from "../../../src/schemas/services/posts";
import { defaultCallRules, make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

/** index.html as Vite writes it: the entry script, its stylesheet, an empty #root. */
const TEMPLATE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>社会组织孵化基地综合服务平台</title>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const GLOBAL_CSS = ".hatchery-panel{background:#fff}";

const DAY = 24 * 3600 * 1000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const HOSTILE_TITLE = `<script>alert("x")</script> & '招募'`;

let dir: string;
let t: TestApp;
let open: { id: string };
let hostile: { id: string };
let upcoming: { id: string };
let draft: { id: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "hatchery-front-page-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), TEMPLATE);
  writeFileSync(path.join(dir, "assets/index-abc123.css"), GLOBAL_CSS);
  t = await startTestApp({}, { webRoot: dir });
  open = await make(t).call({
    title: "社区睦邻专项招募",
    rules: { ...defaultCallRules(), closesAt: iso(3) },
  });
  hostile = await make(t).call({ title: HOSTILE_TITLE, rules: { ...defaultCallRules(), closesAt: iso(5) } });
  upcoming = await make(t).call({
    title: "明年春季招募",
    rules: { ...defaultCallRules(), opensAt: iso(10), closesAt: iso(40) },
  });
  draft = await make(t).call({ title: "尚未发布的草稿招募", status: "draft", revision: 0 });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (headers: Record<string, string> = {}, url = "/portal") =>
  t.app.inject({ method: "GET", url, headers });

function body(res: LightMyRequestResponse): string {
  const encoding = res.headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(res.rawPayload).toString("utf8");
  if (encoding === "gzip") return gunzipSync(res.rawPayload).toString("utf8");
  return res.body;
}

/** The HTML of the section headed `title`. */
function section(html: string, title: string): string {
  const start = html.indexOf(`>${title}</h2>`);
  expect(start, `a section headed ${title}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}

function pageData(html: string): PortalPageData {
  const match = new RegExp(`<script type="application/json" id="${PORTAL_PAGE_DATA_ID}">(.*?)</script>`).exec(
    html,
  );
  expect(match, "the data element").not.toBeNull();
  return JSON.parse(match?.[1] ?? "null");
}

describe("the portal's front page from the server", () => {
  it("lists the open calls under 正在招募 with the app's links, and the upcoming ones apart", async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    const html = body(res);
    const openSection = section(html, "正在招募");
    expect(openSection).toContain(`<a href="/portal/calls/${open.id}">社区睦邻专项招募</a>`);
    expect(openSection).toContain(`href="/portal/calls/${hostile.id}"`);
    expect(openSection).not.toContain(upcoming.id);
    expect(section(html, "即将开始")).toContain(`<a href="/portal/calls/${upcoming.id}">明年春季招募</a>`);
    // The open call closing soonest comes first, as on the app's page.
    expect(openSection.indexOf(open.id)).toBeLessThan(openSection.indexOf(hostile.id));
  });

  it("never shows a draft, in the page or in its data", async () => {
    const html = body(await get());
    expect(html).not.toContain(draft.id);
    expect(html).not.toContain("尚未发布的草稿招募");
  });

  it("escapes titles in the page and in the data, so staff input cannot become markup", async () => {
    const html = body(await get());
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;招募&#39;");
    expect(html).not.toContain('<script>alert("x")');
    // Inside the JSON no "<" may end the script element early; parsed, the title is as typed.
    const data = pageData(html);
    expect(data.calls.items.find((c) => c.id === hostile.id)?.title).toBe(HOSTILE_TITLE);
  });

  it("carries the public list as the API answers it, so the app need not ask again", async () => {
    const html = body(await get());
    const api: PublicCallList = (await t.anonymous().get("/api/portal/calls")).json();
    const data = pageData(html);
    expect(data.calls.items.map((c) => c.id)).toEqual(api.items.map((c) => c.id));
    expect(data.calls.items).toEqual(api.items);
    expect(Math.abs(Date.parse(data.calls.serverNow) - Date.now())).toBeLessThan(60_000);
  });

  it("writes the latest public posts under 最新资讯, as the app lists them, and carries them for the app", async () => {
    const publishedAt = new Date(Date.now() - 60_000);
    const base = {
      baseId: t.baseId,
      bodyHtml: "<p>正文</p>",
      bodyText: "正文",
      status: "published" as const,
      publishedAt,
    };
    const [shown, hidden] = await t.db
      .insert(posts)
      .values([
        {
          ...base,
          kind: "funding",
          visibility: "public",
          title: `${HOSTILE_TITLE}资助`,
          deadlineOn: "2027-01-15",
        },
        { ...base, kind: "notice", visibility: "members", title: "仅限登录用户的内部通知" },
      ])
      .returning({ id: posts.id });
    const html = body(await get());
    const latest = section(html, "最新资讯");
    expect(latest).toContain(`<a href="/portal/posts/${shown?.id}">&lt;script&gt;`);
    expect(latest).toContain("资金机会 · ");
    expect(latest).toContain("截止日期：2027-01-15");
    expect(latest).toContain('<a href="/portal/posts">更多资讯</a>');
    expect(html).not.toContain(hidden?.id);
    const api: PostFeedPage = (await t.anonymous().get("/api/portal/posts?page=1&pageSize=5")).json();
    const data = pageData(html);
    expect(data.posts).toEqual(api);
    expect(data.posts.items[0]?.title).toBe(`${HOSTILE_TITLE}资助`);
    // In English on a device that chose it.
    expect(section(body(await get({ cookie: "lang=en" })), "Latest news")).toContain("Deadline: 2027-01-15");
  });

  it("inlines the entry's stylesheet, so nothing but this answer is needed to draw the page", async () => {
    const html = body(await get());
    expect(html).not.toContain('<link rel="stylesheet"');
    expect(html).toContain(`<style>${GLOBAL_CSS}</style>`);
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-abc123.js"></script>');
  });

  it("speaks the app's language on this device: its lang cookie, else Chinese whatever the browser asks", async () => {
    const english = body(await get({ cookie: "lang=en" }));
    expect(english).toContain('<html lang="en">');
    expect(section(english, "Open now")).toContain(`href="/portal/calls/${open.id}"`);
    expect(english).toContain("<title>Calls for incubation - Incubation Base</title>");
    // The app does not read Accept-Language; a page that switched language on start would flicker.
    const chinese = body(await get({ "accept-language": "en-US,en;q=0.9" }));
    expect(chinese).toContain('<html lang="zh-CN">');
    expect(chinese).toContain(">正在招募</h2>");
  });

  it("offers sign-in and registration without a session cookie, and leaves the answer to the app with one", async () => {
    const anonymous = body(await get());
    expect(anonymous).toContain('href="/login?next=%2Fportal"');
    expect(anonymous).toContain('href="/register"');
    expect(pageData(anonymous).signedIn).toBe(false);
    const withCookie = body(await get({ cookie: "hatchery_session=whatever" }));
    expect(withCookie).not.toContain('href="/register"');
    expect(pageData(withCookie).signedIn).toBeNull();
  });

  it("is compressed as the browser accepts, and varies by the cookies too", async () => {
    const plain = await get();
    for (const [accept, encoding] of [
      ["gzip, deflate, br", "br"],
      ["br;q=0.5, gzip", "gzip"],
      ["identity", undefined],
    ] as const) {
      const res = await get({ "accept-encoding": accept });
      expect(res.headers["content-encoding"], accept).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers.vary).toMatch(/cookie/i);
      // The countdowns (to a deadline, to an opening) move on between requests, and may cross a
      // minute; the rest is the same page.
      const strip = (html: string) => html.replace(/"serverNow":"[^"]*"|距(截止|开始)还有[^<]*/g, "");
      expect(strip(body(res))).toBe(strip(body(plain)));
    }
  });

  it("leaves the other client routes to the app's bare index.html", async () => {
    for (const url of ["/portal/calls/abc", "/register"]) {
      const res = await get({}, url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(TEMPLATE);
    }
  });
});

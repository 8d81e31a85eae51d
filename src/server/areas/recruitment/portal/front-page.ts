/**
 * The portal's front page as the first answer to `GET /portal`: the built index.html with the page
 * already written into #root (header, the calls by window, the latest public posts, the "3+1"
 * model, footer) as plain HTML and a small stylesheet, and the same calls and posts as JSON for
 * the app, which starts from them instead of asking again. On a phone on 3G the calls are then on screen as soon as this one answer
 * arrives, rather than after ~250 KB of scripts have loaded and run and asked for them; React's
 * createRoot replaces the markup with the same page once it runs (docs/PERFORMANCE.md).
 *
 * The words are the app's own (schemas/recruitment/portal-text.ts, RECRUITMENT_LABELS), and the
 * language is the one the app will choose on this device (its `lang` cookie, else Chinese), so
 * the swap changes nothing a reader sees.
 */

import { TRACKS } from "../../../../domain/call";
import { shanghaiDate, shanghaiDateTime } from "../../../../domain/shanghai-time";
import type { Lang } from "../../../../schemas/messages";
import type { PublicCallSummary } from "../../../../schemas/recruitment/calls";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { PORTAL_PAGE_DATA_ID, type PortalPageData } from "../../../../schemas/recruitment/portal-page";
import { en, zhCN } from "../../../../schemas/recruitment/portal-text";
import { POST_LABELS } from "../../../../schemas/services/post-labels";
import type { PostFeedPage } from "../../../../schemas/services/posts";
import { FRONT_PAGE_CSS } from "./front-page-style";

type Words = typeof zhCN;
const WORDS: Record<Lang, Words> = { "zh-CN": zhCN, en };

/** The app's mount point in index.html, which the page is written into. */
const ROOT = '<div id="root"></div>';
/** The entry's stylesheet (global.css), inlined so the first paint waits for no other request. */
const STYLESHEET = /<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/;

export interface FrontPageInput {
  /** The built index.html. */
  template: string;
  /** Reads a built asset (`/assets/…`) as text, or null when it is missing. */
  readAsset: (href: string) => string | null;
  data: PortalPageData;
  lang: Lang;
}

/** The page, or null when the template has no empty #root to write into (then serve it as it is). */
export function renderFrontPage({ template, readAsset, data, lang }: FrontPageInput): string | null {
  if (!template.includes(ROOT)) return null;
  const words = WORDS[lang];
  const now = Date.parse(data.calls.serverNow);
  let out = template
    .replace(/<html lang="[^"]*">/, `<html lang="${lang}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${html(`${words.homeTitle} - ${words.shortTitle}`)}</title>`);
  const stylesheet = STYLESHEET.exec(out);
  const css = stylesheet?.[1] ? readAsset(stylesheet[1]) : null;
  if (stylesheet && css !== null) out = out.replace(stylesheet[0], () => `<style>${css}</style>`);
  return out
    .replace("</head>", () => `<style>${FRONT_PAGE_CSS}</style></head>`)
    .replace(
      ROOT,
      () =>
        `<div id="root">${page(data, words, lang, now)}</div>` +
        `<script type="application/json" id="${PORTAL_PAGE_DATA_ID}">${json(data)}</script>`,
    );
}

function page(data: PortalPageData, words: Words, lang: Lang, now: number): string {
  const byWindow = (w: PublicCallSummary["window"]) => data.calls.items.filter((c) => c.window === w);
  const open = byWindow("open");
  const upcoming = byWindow("not_open");
  const closed = byWindow("closed");
  return `<div class="fp">${header(data, words, lang)}<main id="main-content" class="fp-main" tabindex="-1">${[
    `<section class="fp-hero" aria-labelledby="portal-hero"><h1 id="portal-hero">${html(words.heroTitle)}</h1><p>${html(words.heroBody)}</p></section>`,
    section("portal-open", words.openCalls, open, words, lang, now, words.noOpenCalls),
    upcoming.length > 0 ? section("portal-upcoming", words.upcomingCalls, upcoming, words, lang, now) : "",
    closed.length > 0 ? section("portal-closed", words.closedCalls, closed, words, lang, now) : "",
    latestPosts(data.posts, words, lang),
    model(words, lang),
  ].join(
    "",
  )}</main><footer class="fp-footer"><div>${html(words.footer)}</div><div>${html(words.footerNote)}</div></footer></div>`;
}

/**
 * The portal header. Sign-in and register are plain links here, so they work before the app runs;
 * with a session cookie they are left out, as the app does until it knows who is signed in. The
 * language switch only works once the app runs; it is drawn so the header does not move then.
 */
function header(data: PortalPageData, words: Words, lang: Lang): string {
  const other = lang === "en" ? "zh-CN" : "en";
  const otherName = other === "en" ? "English" : "中文";
  const actions =
    data.signedIn === false
      ? `<a class="fp-btn" href="/login?next=%2Fportal">${html(words.login)}</a>` +
        `<a class="fp-btn fp-btn-primary" href="/register">${html(words.register)}</a>`
      : "";
  return (
    `<header class="fp-header"><a class="fp-brand" href="/portal">${BRAND_MARK}` +
    `<span class="fp-short">${html(words.shortTitle)}</span><span class="fp-full">${html(words.platformFull)}</span></a>` +
    `<div class="fp-actions"><button type="button" class="fp-btn" lang="${other}" aria-label="${otherName}">` +
    `<span class="fp-short">${other === "en" ? "EN" : "中"}</span><span class="fp-full">${otherName}</span></button>${actions}</div></header>`
  );
}

/** A section of calls; its heading's id is the app's, as its links are. */
function section(
  id: string,
  title: string,
  calls: PublicCallSummary[],
  words: Words,
  lang: Lang,
  now: number,
  emptyText?: string,
): string {
  const body =
    calls.length === 0
      ? `<div class="hatchery-panel"><div class="hatchery-panel-body fp-empty">${html(emptyText ?? "")}</div></div>`
      : `<div class="fp-cards${calls.length === 1 ? " fp-cards-one" : ""}">${calls.map((c) => card(c, words, lang, now)).join("")}</div>`;
  return `<section aria-labelledby="${id}"><h2 id="${id}" class="fp-h2">${html(title)}</h2>${body}</section>`;
}

const WINDOW_TONE = { open: "green", not_open: "blue", closed: "default" } as const;

function card(call: PublicCallSummary, words: Words, lang: Lang, now: number): string {
  const labels = RECRUITMENT_LABELS[lang];
  const tracks = call.tracks
    .map(
      (t) =>
        `<span class="fp-tag fp-tag-geekblue">${html(`${labels.track[t.track]} · ${fill(words.quota, { count: t.quota })}`)}</span>`,
    )
    .join("");
  const countdown =
    call.window === "open"
      ? `<div class="fp-countdown">${CLOCK_ICON}<span>${html(`${words.countdownLeft} ${remaining(Date.parse(call.closesAt) - now, words)}`)}</span></div>`
      : call.window === "not_open"
        ? `<span>${html(`${words.countdownOpens} ${remaining(Date.parse(call.opensAt) - now, words)}`)}</span>`
        : "";
  const when =
    call.window === "closed"
      ? fill(words.closedOn, { time: at(call.closesAt) })
      : call.window === "open"
        ? fill(words.deadline, { time: at(call.closesAt) })
        : fill(words.opens, { time: at(call.opensAt) });
  return (
    `<div class="hatchery-panel fp-card"><div class="hatchery-panel-body fp-card-body">` +
    `<div class="fp-card-head"><h3><a href="/portal/calls/${encodeURIComponent(call.id)}">${html(call.title)}</a></h3>` +
    `<span class="fp-tag fp-tag-${WINDOW_TONE[call.window]}">${html(labels.callWindow[call.window])}</span></div>` +
    `<span class="hatchery-secondary">${html(call.baseName)}</span>` +
    `<div class="fp-tags">${tracks}</div>` +
    `<div class="fp-when">${countdown}<span class="hatchery-secondary fp-small">${html(when)}</span></div></div></div>`
  );
}

/** The latest public posts as PortalLatestPosts.tsx draws them (nothing when there is none). */
function latestPosts(posts: PostFeedPage, words: Words, lang: Lang): string {
  if (posts.items.length === 0) return "";
  const kinds = POST_LABELS[lang].kind;
  const items = posts.items
    .map((p) => {
      const meta = [kinds[p.kind], shanghaiDate(new Date(p.publishedAt))];
      if (p.deadlineOn) meta.push(fill(words.postDeadline, { date: p.deadlineOn }));
      return (
        `<li><a href="/portal/posts/${encodeURIComponent(p.id)}">${html(p.title)}</a>` +
        `<div class="fp-post-meta">${html(meta.join(" · "))}</div></li>`
      );
    })
    .join("");
  return (
    `<section aria-labelledby="portal-posts"><h2 id="portal-posts" class="fp-h2">${html(words.latestPosts)}</h2>` +
    `<div class="hatchery-panel"><div class="hatchery-panel-head"><div class="hatchery-panel-extra">` +
    `<a href="/portal/posts">${html(words.morePosts)}</a></div></div>` +
    `<div class="hatchery-panel-body"><ul class="fp-posts">${items}</ul></div></div></section>`
  );
}

function model(words: Words, lang: Lang): string {
  const labels = RECRUITMENT_LABELS[lang];
  const tracks = TRACKS.map(
    (track) =>
      `<div class="hatchery-panel hatchery-panel-small"><div class="hatchery-panel-body">` +
      `<h3 class="fp-model-h3">${html(labels.track[track])}</h3>` +
      `<span class="hatchery-secondary fp-small">${html(labels.trackSummary[track])}</span></div></div>`,
  ).join("");
  return (
    `<section aria-labelledby="portal-model"><h2 id="portal-model" class="fp-h2 fp-h2-model">${html(words.modelTitle)}</h2>` +
    `<p class="hatchery-secondary fp-model-body">${html(words.modelBody)}</p><div class="fp-model">${tracks}</div></section>`
  );
}

/** As the app's countdown says it (pages/recruitment/portal/components/Countdown.tsx). */
function remaining(ms: number, words: Words): string {
  if (ms <= 0) return words.ended;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return d > 0 ? fill(words.dhm, { d, h, m }) : fill(words.hms, { h, m, s: s % 60 });
}

const at = (iso: string) => shanghaiDateTime(new Date(iso));

/** i18next's `{{name}}` placeholders, as the app fills them. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text and attribute values: every title and name here comes from staff input. */
function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** JSON inside a script element: no `<` may close it early (`</script>`, `<!--`). */
function json(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** layout/BrandMark.tsx. */
const BRAND_MARK =
  '<svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false" style="flex:none">' +
  '<circle cx="16" cy="16" r="15" fill="#1677ff"/><path d="M16 25v-9" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>' +
  '<path d="M16 17c0-4 -3-7 -7-7c0 4 3 7 7 7Z" fill="#fff"/><path d="M16 15c0-4 3-7 7-7c0 4 -3 7 -7 7Z" fill="#b7eb8f"/></svg>';

/** antd's ClockCircleOutlined, as the app's card shows it. */
const CLOCK_ICON =
  '<svg viewBox="64 64 896 896" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">' +
  '<path d="M512 64C264.6 64 64 264.6 64 512s200.6 448 448 448 448-200.6 448-448S759.4 64 512 64zm0 820c-205.4 0-372-166.6-372-372s166.6-372 372-372 372 166.6 372 372-166.6 372-372 372z"/>' +
  '<path d="M686.7 638.6L544.1 535.5V288c0-4.4-3.6-8-8-8H488c-4.4 0-8 3.6-8 8v275.4c0 2.6 1.2 5 3.3 6.5l165.4 120.6c3.6 2.6 8.6 1.8 11.2-1.7l28.6-39c2.6-3.7 1.8-8.7-1.8-11.2z"/></svg>';

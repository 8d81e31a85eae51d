/**
 * A post's body as the server keeps it: the editor's HTML reduced to an allow-list (headings,
 * paragraphs, lists, bold/italic/underline/strike, quotes, links, code, rules). Scripts, styles,
 * event handlers (onerror=), iframes and javascript:/data: links are dropped, whatever the browser
 * sent; links open in a new tab without handing the page to the target. The plain text beside it
 * is what search reads and what the lists excerpt.
 */
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "hr",
    "code",
    "pre",
  ],
  allowedAttributes: { a: ["href", "target", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // A script's or style's text is dropped with it, not left behind as words.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "template"],
  transformTags: {
    h1: "h2",
    a: (tagName, attribs) => {
      const safe: Record<string, string> = {};
      if (attribs.href)
        Object.assign(safe, { href: attribs.href, target: "_blank", rel: "noopener noreferrer nofollow" });
      return { tagName, attribs: safe };
    },
  },
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href && !frame.text.trim(),
};

export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|pre)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The text of sanitized HTML: blocks on their own lines, entities decoded, spaces collapsed. */
export function plainText(safeHtml: string): string {
  const text = sanitizeHtml(
    safeHtml.replace(BLOCK_END, (m) => `${m}\n`),
    {
      allowedTags: [],
      allowedAttributes: {},
    },
  );
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

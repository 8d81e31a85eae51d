/**
 * The contracts of information (资讯): posts written by staff (rich text, sanitized by the server),
 * their publication, targeting and read receipts; the signed-in reader's feed; the public portal's
 * list and search. The words for kinds and statuses are in ./post-labels.ts.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import { ORGANIZATION_FIELDS } from "../../domain/organization";
import {
  POST_EVENTS,
  POST_KINDS,
  POST_LIMITS,
  POST_RESIDENCIES,
  POST_STATUSES,
  POST_VISIBILITIES,
} from "../../domain/services/post";
import { longText, optionalText, text, ZDay, ZId, ZInstant, ZPage, ZPageQuery, ZVersion } from "../common";
import { ZUploadedFile } from "../platform/files";

const ZLink = optionalText(POST_LIMITS.link).refine(
  (s) => s == null || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(s),
  {
    error: "link_invalid",
  },
);

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(POST_LIMITS.targetItems, { error: "too_big" })
    .default([])
    .refine((a) => new Set(a).size === a.length, { error: "invalid" });

export const ZPostTargeting = z.object({
  tracks: list(z.enum(TRACKS)),
  cohortIds: list(ZId),
  residencies: list(z.enum(POST_RESIDENCIES)),
  fields: list(z.enum(ORGANIZATION_FIELDS)),
});

const postFields = {
  kind: z.enum(POST_KINDS),
  visibility: z.enum(POST_VISIBILITIES),
  title: text(POST_LIMITS.title).min(1, { error: "required" }),
  summary: longText(POST_LIMITS.summary).default(""),
  /** The editor's HTML; the server keeps only the allowed tags (src/server/areas/services/posts/sanitize.ts). */
  bodyHtml: longText(POST_LIMITS.bodyHtml),
  source: optionalText(POST_LIMITS.source),
  link: ZLink,
  deadlineOn: ZDay.nullish().or(z.literal("").transform(() => null)),
  targeting: ZPostTargeting.default({ tracks: [], cohortIds: [], residencies: [], fields: [] }),
  /** The attachments, in order: files uploaded to this post (POST /api/posts/:id/files). */
  fileIds: z
    .array(ZId)
    .max(POST_LIMITS.attachments, { error: "too_big" })
    .default([])
    .refine((a) => new Set(a).size === a.length, { error: "invalid" }),
};

/** A new draft. */
export const ZPostCreate = z.object(postFields);
/** An edit at the version read (409 when stale); the audience only while a draft. */
export const ZPostUpdate = z.object({ ...postFields, version: ZVersion });

/** Publish now, or at `publishAt` (a time ahead: a scheduled publication). */
export const ZPostPublishRequest = z.object({ version: ZVersion, publishAt: ZInstant.nullish() });
export const ZPostWithdraw = z.object({
  version: ZVersion,
  reason: longText(POST_LIMITS.reason).min(1, { error: "required" }),
});
export const ZPostRedraftRequest = z.object({ version: ZVersion });

export const ZPostListQuery = ZPageQuery.extend({
  kind: z.enum(POST_KINDS).optional(),
  status: z.enum(POST_STATUSES).optional(),
  visibility: z.enum(POST_VISIBILITIES).optional(),
  q: text(50).optional(),
});
export type PostListQuery = z.input<typeof ZPostListQuery>;

export const ZPostFeedQuery = ZPageQuery.extend({
  kind: z.enum(POST_KINDS).optional(),
  /** "true": only those not read yet. */
  unread: z.enum(["true", "false"]).optional(),
  /** "true": only posts aimed at the reader's organization. */
  targeted: z.enum(["true", "false"]).optional(),
});
export type PostFeedQuery = z.input<typeof ZPostFeedQuery>;

export const ZPortalPostQuery = ZPageQuery.extend({
  kind: z.enum(POST_KINDS).optional(),
  q: text(50).optional(),
});
export type PortalPostQuery = z.input<typeof ZPortalPostQuery>;

const targetingOut = z.object({
  tracks: z.array(z.enum(TRACKS)),
  cohortIds: z.array(z.uuid()),
  residencies: z.array(z.enum(POST_RESIDENCIES)),
  fields: z.array(z.enum(ORGANIZATION_FIELDS)),
});

/** A row of the staff list. */
export const ZPostEntry = z.object({
  id: z.uuid(),
  kind: z.enum(POST_KINDS),
  status: z.enum(POST_STATUSES),
  visibility: z.enum(POST_VISIBILITIES),
  title: z.string(),
  targeted: z.boolean(),
  /** Published with a time still ahead. */
  scheduled: z.boolean(),
  publishedAt: z.iso.datetime().nullable(),
  deadlineOn: z.string().nullable(),
  /** For a targeted published post: organizations reached, and those with a reader. */
  recipients: z.number().int(),
  readers: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type PostEntry = z.infer<typeof ZPostEntry>;
export const ZPostPage = ZPage(ZPostEntry);
export type PostPage = z.infer<typeof ZPostPage>;

/** The whole post as staff edit it. */
export const ZPostView = z.object({
  id: z.uuid(),
  kind: z.enum(POST_KINDS),
  status: z.enum(POST_STATUSES),
  visibility: z.enum(POST_VISIBILITIES),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  source: z.string().nullable(),
  link: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  targeting: targetingOut,
  publishedAt: z.iso.datetime().nullable(),
  scheduled: z.boolean(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawReason: z.string().nullable(),
  events: z.array(z.enum(POST_EVENTS)),
  audienceEditable: z.boolean(),
  attachments: z.array(ZUploadedFile),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type PostView = z.infer<typeof ZPostView>;

/** A post as its reader sees it (feed and portal). */
export const ZPostReadingView = z.object({
  id: z.uuid(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  source: z.string().nullable(),
  link: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  publishedAt: z.iso.datetime(),
  visibility: z.enum(POST_VISIBILITIES),
  targeted: z.boolean(),
  /** The reader's read receipt (null on the portal). */
  readAt: z.iso.datetime().nullable(),
  /** Downloaded from /api/files/:id when signed in, /api/portal/posts/:id/files/:fileId on the portal. */
  attachments: z.array(ZUploadedFile),
});
export type PostReadingView = z.infer<typeof ZPostReadingView>;

/** A row of a reader's list (feed or portal). */
export const ZPostFeedEntry = z.object({
  id: z.uuid(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  /** The summary, or the start of the body. */
  excerpt: z.string(),
  deadlineOn: z.string().nullable(),
  publishedAt: z.iso.datetime(),
  targeted: z.boolean(),
  read: z.boolean(),
});
export type PostFeedEntry = z.infer<typeof ZPostFeedEntry>;
export const ZPostFeedPage = ZPage(ZPostFeedEntry).extend({ unread: z.number().int() });
export type PostFeedPage = z.infer<typeof ZPostFeedPage>;

/** Per organization reached: whether someone of it read the post, who first and when. */
export const ZPostReceiptEntry = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  readAt: z.iso.datetime().nullable(),
  readerName: z.string().nullable(),
  readers: z.number().int(),
});
export type PostReceiptEntry = z.infer<typeof ZPostReceiptEntry>;
export const ZPostReceiptsView = z.object({
  postId: z.uuid(),
  title: z.string(),
  targeted: z.boolean(),
  recipients: z.number().int(),
  read: z.number().int(),
  items: z.array(ZPostReceiptEntry),
});
export type PostReceiptsView = z.infer<typeof ZPostReceiptsView>;

export const ZPortalPostFileParams = z.object({ id: ZId, fileId: ZId });

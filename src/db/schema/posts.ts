/**
 * Information (资讯): the base's posts (notices, policy, funding opportunities, purchase-of-services
 * announcements), the organizations a targeted post reaches (fixed at publication) and the read
 * receipts. The rules are in src/domain/services/post.ts; docs/POSTS.md tells the story.
 */
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { TRACKS, type Track } from "../../domain/call";
import { ORGANIZATION_FIELDS, type OrganizationField, type Residency } from "../../domain/organization";
import {
  POST_KINDS,
  POST_RESIDENCIES,
  POST_STATUSES,
  POST_VISIBILITIES,
  type PostKind,
  type PostStatus,
  type PostVisibility,
} from "../../domain/services/post";
import { users } from "./accounts";
import { eachOf, oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { organizations } from "./organizations";

export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    kind: text("kind").$type<PostKind>().notNull(),
    status: text("status").$type<PostStatus>().notNull().default("draft"),
    visibility: text("visibility").$type<PostVisibility>().notNull().default("members"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** The body as sanitized by the server (an allow-list of tags); never stored as sent. */
    bodyHtml: text("body_html").notNull().default(""),
    /** The body's text alone, for search and the list's excerpt. */
    bodyText: text("body_text").notNull().default(""),
    source: text("source"),
    link: text("link"),
    /** The closing day of a funding or purchase announcement (Asia/Shanghai). */
    deadlineOn: date("deadline_on"),
    targetTracks: text("target_tracks").array().$type<Track[]>().notNull().default(sql`'{}'`),
    targetCohortIds: uuid("target_cohort_ids").array().notNull().default(sql`'{}'`),
    targetResidencies: text("target_residencies").array().$type<Residency[]>().notNull().default(sql`'{}'`),
    targetFields: text("target_fields").array().$type<OrganizationField[]>().notNull().default(sql`'{}'`),
    /**
     * Its attachments, in order: files of this post (owner kind `post`), named by the editor's
     * save as an inspection's finding names its photos. An uploaded file left out is kept (the
     * stored-bytes ceiling counts it) but read by staff alone.
     */
    fileIds: uuid("file_ids").array().notNull().default(sql`'{}'`),
    /** When it is (or will be) visible; a time ahead is a scheduled publication. */
    publishedAt: at("published_at"),
    publishedBy: userRef("published_by"),
    /** Set once the bell and email went out: publishing again never notifies twice. */
    notifiedAt: at("notified_at"),
    withdrawnAt: at("withdrawn_at"),
    withdrawReason: text("withdraw_reason"),
    /** Generated: bigrams of title and text (migration 0003's function), for two-character search. */
    searchBigrams: text("search_bigrams")
      .array()
      .generatedAlwaysAs(sql`name_bigrams(title || ' ' || summary || ' ' || body_text)`),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    updatedBy: userRef("updated_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("posts_kind", t.kind, POST_KINDS),
    oneOf("posts_status", t.status, POST_STATUSES),
    oneOf("posts_visibility", t.visibility, POST_VISIBILITIES),
    eachOf("posts_target_tracks", t.targetTracks, TRACKS),
    eachOf("posts_target_residencies", t.targetResidencies, POST_RESIDENCIES),
    eachOf("posts_target_fields", t.targetFields, ORGANIZATION_FIELDS),
    index("posts_base_status").on(t.baseId, t.status, t.publishedAt),
    index("posts_public")
      .on(t.baseId, t.publishedAt)
      .where(sql`${t.status} = 'published' AND ${t.visibility} = 'public'`),
    index("posts_search_bigrams").using("gin", t.searchBigrams),
    index("posts_due_notice")
      .on(t.publishedAt)
      .where(sql`${t.status} = 'published' AND ${t.notifiedAt} IS NULL`),
  ],
);

/** The organizations a targeted post reaches, matched when it was published. */
export const postRecipients = pgTable(
  "post_recipients",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    baseId: baseRef(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.organizationId] }),
    index("post_recipients_organization").on(t.organizationId, t.postId),
  ],
);

/** A user's first reading of a post (read receipt); the organization they read it for, if any. */
export const postReads = pgTable(
  "post_reads",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organizationId: uuid("organization_id").references(() => organizations.id),
    baseId: baseRef(),
    readAt: at("read_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId] }),
    index("post_reads_post_organization").on(t.postId, t.organizationId, t.readAt),
  ],
);

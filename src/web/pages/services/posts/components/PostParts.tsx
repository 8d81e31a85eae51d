/**
 * What every post page shares: the kind and status tags in the UI language, and the article a
 * reader sees (in the feed, on the portal and as the editor's preview). The body is the HTML the
 * server sanitized to its allow-list, so it is rendered as it is.
 */
import { Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PostKind, PostStatus } from "../../../../../domain/services/post";
import { POST_LABELS } from "../../../../../schemas/services/post-labels";
import { formatDate, formatDateTime } from "../../../../components/format";
import { type Tone, ToneTag } from "../../../../components/labels";
import { useLang } from "../../../../i18n";
import styles from "./post-body.module.css";

export function usePostLabels() {
  return POST_LABELS[useLang()];
}

const KIND_TONE: Record<PostKind, Tone> = {
  notice: "blue",
  policy: "purple",
  funding: "gold",
  purchase: "cyan",
};
const STATUS_TONE: Record<PostStatus, Tone> = { draft: "default", published: "green", withdrawn: "red" };

export function PostKindTag({ kind }: { kind: PostKind }) {
  return <ToneTag tone={KIND_TONE[kind]}>{usePostLabels().kind[kind]}</ToneTag>;
}

export function PostStatusTag({ status, scheduled }: { status: PostStatus; scheduled?: boolean }) {
  const { t } = useTranslation();
  const labels = usePostLabels();
  if (scheduled) return <ToneTag tone="orange">{t("posts.scheduled")}</ToneTag>;
  return <ToneTag tone={STATUS_TONE[status]}>{labels.status[status]}</ToneTag>;
}

export interface ArticlePost {
  kind: PostKind;
  title: string;
  summary: string;
  bodyHtml: string;
  source: string | null;
  link: string | null;
  deadlineOn: string | null;
  publishedAt: string | null;
}

export function PostArticle({ post, headingLevel = 1 }: { post: ArticlePost; headingLevel?: 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <article style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Flex wrap gap={8} align="center">
        <PostKindTag kind={post.kind} />
        {post.publishedAt && (
          <Typography.Text type="secondary">
            <time dateTime={post.publishedAt}>{formatDateTime(post.publishedAt)}</time>
          </Typography.Text>
        )}
        {post.source && (
          <Typography.Text type="secondary">{t("posts.source", { source: post.source })}</Typography.Text>
        )}
      </Flex>
      <Typography.Title
        level={headingLevel}
        style={{ margin: 0, fontSize: headingLevel === 1 ? 24 : 20, lineHeight: 1.4 }}
      >
        {post.title}
      </Typography.Title>
      {post.deadlineOn && (
        <Typography.Text strong style={{ color: "#873800" }}>
          {t("posts.deadlineNote", { date: formatDate(post.deadlineOn) })}
        </Typography.Text>
      )}
      {post.summary && (
        <Typography.Paragraph
          style={{ margin: 0, padding: "8px 12px", background: "#f5f5f5", borderRadius: 6 }}
        >
          {post.summary}
        </Typography.Paragraph>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the server to an allow-list (sanitize.ts) */}
      <div className={styles.reading} dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      {post.link && (
        <a href={post.link} target="_blank" rel="noopener noreferrer nofollow">
          {t("posts.originalLink")} ↗
        </a>
      )}
    </article>
  );
}

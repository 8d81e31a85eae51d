/** One post for its signed-in reader; opening it records the read receipt. */
import { Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import { useFeedPost } from "../../../api/services/posts";
import { formatDateTime } from "../../../components/format";
import { useDocumentTitle } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { StatusMessage } from "../../../components/StatusMessage";
import { AttachmentList } from "./components/PostAttachments";
import { PostArticle } from "./components/PostParts";

export default function PostReadPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const post = useFeedPost(id);
  useDocumentTitle(post.data?.title ?? t("posts.feedTitle"));
  if (post.isError) {
    if (isApiError(post.error) && post.error.status === 404)
      return (
        <StatusMessage
          status="warning"
          title={<h1 className="hatchery-page-title">{t("posts.notFound")}</h1>}
          extra={<Link to="/posts">{t("posts.back")}</Link>}
        />
      );
    return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  }
  if (!post.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <div style={{ maxWidth: 760, display: "flex", flexDirection: "column", gap: 16 }}>
      <Link to="/posts">← {t("posts.back")}</Link>
      <div className="hatchery-panel" style={{ padding: "20px 20px 12px" }}>
        <PostArticle post={post.data} />
        <AttachmentList postId={post.data.id} files={post.data.attachments} portal={false} />
      </div>
      {post.data.readAt && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t("posts.readAtNote", { time: formatDateTime(post.data.readAt) })}
        </Typography.Text>
      )}
    </div>
  );
}

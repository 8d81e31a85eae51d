/** One public post on the portal, readable on a phone; its title is the page's title. */
import { Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import { usePortalPost } from "../../../api/services/posts";
import { useDocumentTitle } from "../../../components/PageHeader";
import { Panel } from "../../../components/Panel";
import { QueryError } from "../../../components/QueryError";
import { StatusMessage } from "../../../components/StatusMessage";
import { AttachmentList } from "./components/PostAttachments";
import { PostArticle } from "./components/PostParts";

export default function PortalPostPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const post = usePortalPost(id);
  useDocumentTitle(post.data?.title ?? t("posts.portalTitle"));
  if (post.isError) {
    if (isApiError(post.error) && post.error.status === 404)
      return (
        <StatusMessage
          status="warning"
          title={<h1 className="hatchery-page-title">{t("posts.notFound")}</h1>}
          extra={<Link to="/portal/posts">{t("posts.back")}</Link>}
        />
      );
    return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  }
  if (!post.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <div style={{ maxWidth: 760, display: "flex", flexDirection: "column", gap: 12 }}>
      <Link to="/portal/posts">← {t("posts.back")}</Link>
      <Panel>
        <PostArticle post={post.data} />
        <AttachmentList postId={post.data.id} files={post.data.attachments} portal />
      </Panel>
    </div>
  );
}

/** A member's home card "新资讯": unread posts aimed at their organization, newest first. */
import { Card, Empty, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePostFeed } from "../../../../api/services/posts";
import { useAccess } from "../../../../auth/session";
import { formatDate } from "../../../../components/format";
import { QueryError } from "../../../../components/QueryError";
import { PostKindTag } from "./PostParts";

export function NewPostsCard() {
  const access = useAccess();
  // A member sees what was sent to its organization; an individual (no organization, so nothing
  // targeted reaches them) the base's posts for signed-in users.
  if (access.isOrgMember) return <NewPosts targeted />;
  if (access.isIndividual) return <NewPosts targeted={false} />;
  return null;
}

function NewPosts({ targeted }: { targeted: boolean }) {
  const { t } = useTranslation();
  const feed = usePostFeed({
    unread: "true",
    ...(targeted ? { targeted: "true" } : {}),
    page: 1,
    pageSize: 5,
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("posts.homeCard")}</h2>}
      extra={<Link to="/posts">{t("posts.homeCardMore")}</Link>}
    >
      {feed.isError ? (
        <QueryError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : !feed.data ? (
        <Skeleton active />
      ) : feed.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("posts.homeCardEmpty")} />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {feed.data.items.map((p) => (
            <li key={p.id} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
              <PostKindTag kind={p.kind} />
              <Link to={`/posts/${p.id}`} style={{ fontWeight: 600 }}>
                {p.title}
              </Link>
              <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)" }}>
                {formatDate(p.publishedAt)}
                {p.deadlineOn ? ` · ${t("posts.deadlineNote", { date: formatDate(p.deadlineOn) })}` : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

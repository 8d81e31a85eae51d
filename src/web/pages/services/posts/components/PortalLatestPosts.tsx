/** The portal home's latest public posts (资讯), each a link to its page, and a link to them all. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PORTAL_LATEST_POSTS, usePortalPosts } from "../../../../api/services/posts";
import { formatDate } from "../../../../components/format";
import { Panel } from "../../../../components/Panel";
import { usePostLabels } from "./PostParts";

export function PortalLatestPosts() {
  const { t } = useTranslation();
  const labels = usePostLabels();
  // The server wrote this very page of posts into /portal (front-page.ts): the router seeds it.
  const posts = usePortalPosts(PORTAL_LATEST_POSTS);
  const items = posts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="portal-posts">
      <h2 id="portal-posts" style={{ fontSize: 18, margin: "0 0 12px" }}>
        {t("portal.latestPosts")}
      </h2>
      <Panel extra={<Link to="/portal/posts">{t("portal.morePosts")}</Link>}>
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {items.map((p) => (
            <li key={p.id} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
              <Link to={`/portal/posts/${p.id}`} style={{ fontWeight: 500 }}>
                {p.title}
              </Link>
              <div style={{ fontSize: 13, color: "rgba(0,0,0,0.68)" }}>
                {labels.kind[p.kind]} · {formatDate(p.publishedAt)}
                {p.deadlineOn ? ` · ${t("portal.postDeadline", { date: formatDate(p.deadlineOn) })}` : ""}
              </div>
            </li>
          ))}
        </ul>
      </Panel>
    </section>
  );
}

/** A reader's list of posts (the feed and the portal): kind, title, excerpt, date, unread marks. */
import { Badge, Flex, List, Pagination, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PostFeedEntry } from "../../../../../schemas/services/posts";
import { formatDate } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { PostKindTag } from "./PostParts";

export function PostList(props: {
  items: PostFeedEntry[] | undefined;
  loading: boolean;
  linkTo: (id: string) => string;
  showRead: boolean;
  empty: string;
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <List<PostFeedEntry>
        loading={props.loading}
        dataSource={props.items}
        locale={{ emptyText: props.empty }}
        renderItem={(p) => (
          <List.Item style={{ display: "block", padding: "14px 0" }}>
            <Flex wrap gap={6} align="center" style={{ marginBottom: 4 }}>
              <PostKindTag kind={p.kind} />
              {p.targeted && <ToneTag tone="geekblue">{t("posts.forYou")}</ToneTag>}
              {props.showRead && !p.read && <Badge status="error" text={t("posts.newBadge")} />}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                <time dateTime={p.publishedAt}>{formatDate(p.publishedAt)}</time>
              </Typography.Text>
              {p.deadlineOn && (
                <Typography.Text style={{ fontSize: 13, color: "#873800" }}>
                  {t("posts.deadlineNote", { date: formatDate(p.deadlineOn) })}
                </Typography.Text>
              )}
            </Flex>
            <Link
              to={props.linkTo(p.id)}
              style={{ fontSize: 16, fontWeight: props.showRead && !p.read ? 600 : 500, lineHeight: 1.5 }}
            >
              {p.title}
            </Link>
            {p.excerpt && (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: "4px 0 0" }}>
                {p.excerpt}
              </Typography.Paragraph>
            )}
          </List.Item>
        )}
      />
      {props.total > props.pageSize && (
        <Pagination
          style={{ marginTop: 12 }}
          current={props.page}
          pageSize={props.pageSize}
          total={props.total}
          showSizeChanger={false}
          onChange={props.onPage}
          simple
        />
      )}
    </>
  );
}

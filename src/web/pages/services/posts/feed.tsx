/** 资讯 for a signed-in reader: what is published for them, unread marked, filters by kind. */
import { Checkbox, Flex, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { POST_KINDS, type PostKind } from "../../../../domain/services/post";
import { usePostFeed } from "../../../api/services/posts";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { PostList } from "./components/PostList";
import { usePostLabels } from "./components/PostParts";

export default function PostFeedPage() {
  const { t } = useTranslation();
  const labels = usePostLabels();
  const [kind, setKind] = useState<PostKind>();
  const [unread, setUnread] = useState(false);
  const [targeted, setTargeted] = useState(false);
  const [page, setPage] = useState(1);
  const feed = usePostFeed({
    kind,
    unread: unread ? "true" : undefined,
    targeted: targeted ? "true" : undefined,
    page,
    pageSize: 20,
  });
  return (
    <>
      <PageHeader title={t("posts.feedTitle")} />
      <Typography.Paragraph type="secondary">
        {t("posts.feedIntro")} {feed.data ? t("posts.unreadCount", { count: feed.data.unread }) : ""}
      </Typography.Paragraph>
      <Flex wrap gap={12} align="center" role="search" aria-label={t("posts.filters")}>
        <Select
          allowClear
          aria-label={t("posts.kind")}
          placeholder={t("posts.allKinds")}
          style={{ minWidth: 170 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={POST_KINDS.map((k) => ({ value: k, label: labels.kind[k] }))}
        />
        <Checkbox
          checked={unread}
          onChange={(e) => {
            setUnread(e.target.checked);
            setPage(1);
          }}
        >
          {t("posts.onlyUnread")}
        </Checkbox>
        <Checkbox
          checked={targeted}
          onChange={(e) => {
            setTargeted(e.target.checked);
            setPage(1);
          }}
        >
          {t("posts.onlyTargeted")}
        </Checkbox>
      </Flex>
      {feed.isError ? (
        <QueryError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <PostList
          items={feed.data?.items}
          loading={feed.isFetching}
          linkTo={(id) => `/posts/${id}`}
          showRead
          empty={t("posts.feedEmpty")}
          page={page}
          pageSize={20}
          total={feed.data?.total ?? 0}
          onPage={setPage}
        />
      )}
    </>
  );
}

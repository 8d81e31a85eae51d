/** 资讯 on the public portal: public posts, searched (two Chinese characters work), by kind. */
import { Flex, Input, Segmented, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { POST_KINDS, type PostKind } from "../../../../domain/services/post";
import { usePortalPosts } from "../../../api/services/posts";
import { useDocumentTitle } from "../../../components/PageHeader";
import { Panel } from "../../../components/Panel";
import { QueryError } from "../../../components/QueryError";
import { PostList } from "./components/PostList";
import { usePostLabels } from "./components/PostParts";

export default function PortalPostsPage() {
  const { t } = useTranslation();
  const labels = usePostLabels();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const kind = (POST_KINDS as readonly string[]).includes(params.get("kind") ?? "")
    ? (params.get("kind") as PostKind)
    : undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  useDocumentTitle(q ? `${q} - ${t("posts.portalTitle")}` : t("posts.portalTitle"));
  const list = usePortalPosts({ q: q || undefined, kind, page, pageSize: 10 });
  const set = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged);
  };
  return (
    <Flex vertical gap={16}>
      <h1 className="hatchery-page-title" style={{ margin: 0 }}>
        {t("posts.portalTitle")}
      </h1>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("posts.portalIntro")}
      </Typography.Paragraph>
      <search>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          enterButton
          size="large"
          aria-label={t("posts.portalSearch")}
          placeholder={t("posts.portalSearch")}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })}
        />
      </search>
      <div style={{ overflowX: "auto" }}>
        <Segmented
          value={kind ?? "all"}
          onChange={(v) => set({ kind: v === "all" ? undefined : String(v), page: undefined })}
          options={[
            { value: "all", label: t("posts.allKinds") },
            ...POST_KINDS.map((k) => ({ value: k, label: labels.kind[k] })),
          ]}
        />
      </div>
      <Panel>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <PostList
            items={list.data?.items}
            loading={list.isFetching}
            linkTo={(id) => `/portal/posts/${id}`}
            showRead={false}
            empty={t("posts.portalEmpty")}
            page={page}
            pageSize={10}
            total={list.data?.total ?? 0}
            onPage={(p) => set({ page: String(p) })}
          />
        )}
      </Panel>
    </Flex>
  );
}

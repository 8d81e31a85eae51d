/**
 * 资讯管理: the base's posts for staff, filtered by kind, status and audience, with targeted posts'
 * read counts; a post opens its editor.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  POST_KINDS,
  POST_STATUSES,
  POST_VISIBILITIES,
  type PostKind,
  type PostStatus,
  type PostVisibility,
} from "../../../../domain/services/post";
import type { PostEntry } from "../../../../schemas/services/posts";
import { usePosts } from "../../../api/services/posts";
import { formatDate, formatDateTime } from "../../../components/format";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { PostKindTag, PostStatusTag, usePostLabels } from "./components/PostParts";

export default function PostListPage() {
  const { t } = useTranslation();
  const labels = usePostLabels();
  const navigate = useNavigate();
  const [kind, setKind] = useState<PostKind>();
  const [status, setStatus] = useState<PostStatus>();
  const [visibility, setVisibility] = useState<PostVisibility>();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const list = usePosts({ kind, status, visibility, q: q || undefined, page, pageSize: 20 });

  return (
    <>
      <PageHeader
        title={t("posts.listTitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/posts/manage/new")}>
            {t("posts.newPost")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t("posts.listIntro")}</Typography.Paragraph>
      <Flex wrap gap={8} role="search" aria-label={t("posts.filters")} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t("posts.kind")}
          placeholder={t("posts.allKinds")}
          style={{ minWidth: 160 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={POST_KINDS.map((k) => ({ value: k, label: labels.kind[k] }))}
        />
        <Select
          allowClear
          aria-label={t("posts.status")}
          placeholder={t("posts.allStatuses")}
          style={{ minWidth: 120 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={POST_STATUSES.map((s) => ({ value: s, label: labels.status[s] }))}
        />
        <Select
          allowClear
          aria-label={t("posts.visibility")}
          placeholder={t("posts.allVisibilities")}
          style={{ minWidth: 180 }}
          value={visibility}
          onChange={(v) => {
            setVisibility(v);
            setPage(1);
          }}
          options={POST_VISIBILITIES.map((s) => ({ value: s, label: labels.visibility[s] }))}
        />
        <Input.Search
          allowClear
          aria-label={t("posts.search")}
          placeholder={t("posts.search")}
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<PostEntry>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("posts.empty") }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (n) => t("posts.total", { count: n }),
          }}
          columns={[
            {
              title: t("posts.titleCol"),
              dataIndex: "title",
              render: (title: string, row) => <Link to={`/posts/manage/${row.id}`}>{title}</Link>,
            },
            {
              title: t("posts.kind"),
              dataIndex: "kind",
              width: 150,
              render: (k: PostKind) => <PostKindTag kind={k} />,
            },
            {
              title: t("posts.status"),
              dataIndex: "status",
              width: 100,
              render: (s: PostStatus, row) => <PostStatusTag status={s} scheduled={row.scheduled} />,
            },
            {
              title: t("posts.visibility"),
              dataIndex: "visibility",
              width: 170,
              render: (v: PostVisibility, row) => (row.targeted ? t("posts.targeted") : labels.visibility[v]),
            },
            {
              title: t("posts.receiptsCol"),
              width: 100,
              render: (_: unknown, row) =>
                row.targeted && row.status !== "draft" ? `${row.readers} / ${row.recipients}` : "—",
            },
            {
              title: t("posts.deadline"),
              dataIndex: "deadlineOn",
              width: 110,
              render: (d: string | null) => formatDate(d) || "—",
            },
            {
              title: t("posts.publishedAt"),
              dataIndex: "publishedAt",
              width: 160,
              render: (d: string | null) => (d ? formatDateTime(d) : "—"),
            },
          ]}
        />
      )}
    </>
  );
}

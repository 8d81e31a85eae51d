/** Read receipts of a post (staff): per organization reached, read or not, who first and when; .xlsx. */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PostReceiptEntry } from "../../../../../schemas/services/posts";
import { downloadPostReceipts, usePostReceipts } from "../../../../api/services/posts";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { Panel } from "../../../../components/Panel";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";

export function PostReceipts({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const receipts = usePostReceipts(postId, true);
  if (receipts.isError) return <QueryError error={receipts.error} onRetry={() => void receipts.refetch()} />;
  const view = receipts.data;
  return (
    <Panel
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("posts.receipts")}</h2>}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadPostReceipts(postId).catch((e: unknown) => message.error(errorMessage(e)))}
        >
          {t("posts.exportReceipts")}
        </Button>
      }
    >
      {view && (
        <Typography.Paragraph>
          {view.targeted
            ? t("posts.receiptsSummary", { recipients: view.recipients, read: view.read })
            : t("posts.receiptsUntargeted", { read: view.read })}
        </Typography.Paragraph>
      )}
      <Table<PostReceiptEntry>
        rowKey="organizationId"
        size="small"
        loading={receipts.isFetching}
        dataSource={view?.items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t("posts.noReceipts") }}
        columns={[
          { title: t("posts.organization"), dataIndex: "organizationName" },
          {
            title: t("posts.readState"),
            width: 90,
            render: (_: unknown, r) =>
              r.readAt ? (
                <ToneTag tone="green">{t("posts.read")}</ToneTag>
              ) : (
                <ToneTag tone="default">{t("posts.unread")}</ToneTag>
              ),
          },
          {
            title: t("posts.firstReader"),
            dataIndex: "readerName",
            width: 140,
            render: (n: string | null) => n ?? "—",
          },
          {
            title: t("posts.readAt"),
            dataIndex: "readAt",
            width: 170,
            render: (d: string | null) => (d ? formatDateTime(d) : "—"),
          },
          { title: t("posts.readers"), dataIndex: "readers", width: 90 },
        ]}
      />
    </Panel>
  );
}

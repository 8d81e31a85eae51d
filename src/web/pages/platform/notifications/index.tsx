import { App, Badge, Button, Card, Empty, Flex, List, Segmented, Skeleton, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  type Notification,
  renderNotification,
  ZNotificationQuery,
} from "../../../../schemas/platform/notifications";
import { useMarkAllRead, useMarkRead, useNotifications } from "../../../api/platform/notifications";
import { formatDateTime } from "../../../components/format";
import { useUrlQuery } from "../../../components/list/useUrlQuery";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useLang } from "../../../i18n";

const PAGE_SIZE = 20;

/** 消息通知: all of one's notifications, unread first; a click marks one read and opens its page. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // The filter and page live in the address bar (the list kit's reading), so back returns here.
  const { state, update } = useUrlQuery(ZNotificationQuery);
  const { page } = state;
  const filter = state.unread === "true" ? "unread" : "all";
  const list = useNotifications({ ...state, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;

  const openOne = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        subTitle={list.data ? t("notifications.unreadCount", { count: unread }) : undefined}
        extra={
          <Button
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => void message.success(t("notifications.markedAll")),
              })
            }
          >
            {t("notifications.markAllRead")}
          </Button>
        }
      />
      <Card>
        <Segmented
          value={filter}
          onChange={(value) => update({ unread: value === "unread" ? "true" : undefined })}
          options={[
            { value: "all", label: t("notifications.filterAll") },
            { value: "unread", label: t("notifications.filterUnread") },
          ]}
          style={{ marginBottom: 12 }}
        />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <Skeleton active />
        ) : list.data.items.length === 0 ? (
          <Empty
            description={filter === "unread" ? t("notifications.emptyUnread") : t("notifications.empty")}
          />
        ) : (
          <List
            dataSource={list.data.items}
            pagination={
              list.data.total > PAGE_SIZE
                ? {
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: list.data.total,
                    onChange: (next) => update({ page: next }),
                    size: "small",
                  }
                : false
            }
            renderItem={(n) => {
              const text = renderNotification(lang, n.kind, n.params);
              return (
                <List.Item key={n.id} style={{ display: "block" }}>
                  <button
                    type="button"
                    onClick={() => openOne(n)}
                    style={{ all: "unset", cursor: "pointer", display: "block", width: "100%" }}
                  >
                    <Flex align="center" gap={6} wrap>
                      {!n.readAt && <Badge status="processing" aria-hidden />}
                      <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{text.title}</span>
                      {!n.readAt && <Tag color="blue">{t("notifications.unreadTag")}</Tag>}
                    </Flex>
                    <div style={{ color: "rgba(0,0,0,0.75)", marginTop: 4, overflowWrap: "anywhere" }}>
                      {text.body}
                    </div>
                  </button>
                  <Flex align="center" justify="space-between" style={{ marginTop: 4 }}>
                    <span style={{ color: "rgba(0,0,0,0.6)", fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </span>
                    {!n.readAt && (
                      <Button size="small" type="link" onClick={() => markRead.mutate(n.id)}>
                        {t("notifications.markRead")}
                      </Button>
                    )}
                  </Flex>
                </List.Item>
              );
            }}
          />
        )}
      </Card>
    </>
  );
}

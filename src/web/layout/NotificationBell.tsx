import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, Flex, Popover, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type Notification, renderNotification } from "../../schemas/platform/notifications";
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from "../api/platform/notifications";
import { formatDateTime } from "../components/format";
import { useIsMobile } from "../components/useIsMobile";
import { useLang } from "../i18n";

/**
 * The header's bell: the unread count (polled each minute and on focus) and a dropdown of the
 * latest five. On a phone there is no room for a dropdown: the bell opens the list page.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? t("notifications.bellWithCount", { count }) : t("notifications.bell");
  const badge = (
    <Badge count={count} size="small" overflowCount={99}>
      <BellOutlined style={{ fontSize: 18 }} aria-hidden />
    </Badge>
  );

  if (isMobile) {
    return (
      <Button
        type="text"
        aria-label={label}
        onClick={() => navigate("/notifications")}
        style={{ paddingInline: 6 }}
      >
        {badge}
      </Button>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      destroyOnHidden
      content={<LatestNotifications close={() => setOpen(false)} />}
      title={<span>{t("notifications.latest")}</span>}
    >
      <Button
        type="text"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        style={{ paddingInline: 6 }}
      >
        {badge}
      </Button>
    </Popover>
  );
}

function LatestNotifications({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const latest = useNotifications({ pageSize: 5 });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const openOne = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    close();
    if (n.link) navigate(n.link);
  };

  return (
    <div style={{ width: "min(340px, calc(100vw - 32px))" }}>
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : (latest.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {latest.data?.items.map((n) => {
            const text = renderNotification(lang, n.kind, n.params);
            return (
              <li key={n.id} style={{ borderBottom: "1px solid #f0f0f0" }}>
                <button
                  type="button"
                  onClick={() => openOne(n)}
                  style={{
                    all: "unset",
                    boxSizing: "border-box",
                    display: "block",
                    width: "100%",
                    padding: "8px 4px",
                    cursor: "pointer",
                  }}
                >
                  <Flex align="center" gap={6}>
                    {!n.readAt && <Badge status="processing" aria-label={t("notifications.unreadTag")} />}
                    <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{text.title}</span>
                  </Flex>
                  <div
                    style={{
                      color: "rgba(0,0,0,0.68)",
                      fontSize: 13,
                      overflow: "hidden",
                      display: "-webkit-box",
                      WebkitLineClamp: 2,
                      WebkitBoxOrient: "vertical",
                    }}
                  >
                    {text.body}
                  </div>
                  <div style={{ color: "rgba(0,0,0,0.6)", fontSize: 12 }}>{formatDateTime(n.createdAt)}</div>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button
          size="small"
          type="link"
          disabled={(latest.data?.unread ?? 0) === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t("notifications.markAllRead")}
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            close();
            navigate("/notifications");
          }}
        >
          {t("notifications.viewAll")}
        </Button>
      </Flex>
    </div>
  );
}

import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Avatar, Button, Dropdown, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { logout } from "../api/platform/auth";
import { useCurrentUser } from "../auth/session";
import { useIsMobile } from "../components/useIsMobile";
import { draftStore } from "../offline/draftStore";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./NotificationBell";

export function HeaderActions() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();

  /**
   * Unsent drafts stay on the device for this user (no other account reads them) and go at the
   * next sign-in; signing out says so first rather than leaving them unmentioned.
   */
  const confirmSignOut = async () => {
    const store = await draftStore();
    const drafts = (await store?.listForUser(user.id).catch(() => [])) ?? [];
    const count = drafts.reduce((sum, draft) => sum + Object.keys(draft.changes).length, 0);
    if (count === 0) return signOut();
    modal.confirm({
      title: t("header.unsentTitle"),
      content: t("header.unsentBody", { count }),
      okText: t("header.unsentKeep"),
      cancelText: t("header.unsentStay"),
      onOk: () => void signOut(),
    });
  };

  const signOut = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(["session"], null);
      navigate("/login?reason=signedOut", { replace: true });
    }
  };

  return (
    <Space size={isMobile ? 4 : 12}>
      <NotificationBell />
      <LanguageSwitch />
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            {
              key: "notifications",
              icon: <BellOutlined aria-hidden />,
              label: t("account.notifications.title"),
            },
            { key: "password", icon: <KeyOutlined aria-hidden />, label: t("header.changePassword") },
            { type: "divider" },
            { key: "logout", icon: <LogoutOutlined aria-hidden />, label: t("header.logout") },
          ],
          onClick: ({ key }) => {
            if (key === "notifications") navigate("/account/notifications");
            if (key === "password") navigate("/account/password");
            if (key === "logout") void confirmSignOut();
          },
        }}
      >
        <Button
          type="text"
          aria-label={t("header.userMenu", { name: user.displayName })}
          style={{ paddingInline: 6 }}
        >
          <Space size={6}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: "#0958d9" }} aria-hidden />
            {!isMobile && <span>{user.displayName}</span>}
            <DownOutlined aria-hidden style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
    </Space>
  );
}

import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Avatar, Button, Dropdown, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { logout } from "../api/platform/auth";
import { useCurrentUser } from "../auth/session";
import { useIsMobile } from "../components/useIsMobile";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./NotificationBell";

export function HeaderActions() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

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
            if (key === "logout") void signOut();
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

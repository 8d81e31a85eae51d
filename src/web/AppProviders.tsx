import { LoadingOutlined } from "@ant-design/icons";
import { ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { RouterProvider } from "react-router";
import { wrapTabInDialogs } from "./components/dialogTabWrap";
import { useLang } from "./i18n";
import type { router as appRouter } from "./router";

/**
 * Colours chosen for WCAG 2.1 AA: antd's default primary (#1677ff) is 4.1:1 on white, below the
 * 4.5:1 that links and button labels need, so we use its darker step (#0958d9, 6.2:1); secondary
 * and placeholder text are darkened from 45%/25% black for the same reason.
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: "#0958d9",
    colorLink: "#0958d9",
    // antd derives a lighter hover (#2e7ae6: white on it is 4.2:1); a darker one keeps a hovered
    // primary button's label and a hovered link above 4.5:1.
    colorPrimaryHover: "#0747b3",
    colorLinkHover: "#0747b3",
    colorPrimaryActive: "#003a8c",
    colorLinkActive: "#003a8c",
    // antd's #ff4d4f is 3.3:1 on white; form error text needs 4.5:1.
    colorError: "#cf1322",
    // antd draws focus rings in this colour; #2f7ff0 keeps them 3.9:1 against white (WCAG 1.4.11).
    colorPrimaryBorder: "#2f7ff0",
    colorTextSecondary: "rgba(0, 0, 0, 0.68)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    colorTextDisabled: "rgba(0, 0, 0, 0.45)",
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: "#ffffff", headerPadding: "0 16px", siderBg: "#001529" },
  },
};

export function AppProviders({ router }: { router: typeof appRouter }) {
  const lang = useLang();
  const { t } = useTranslation();
  useEffect(wrapTabInDialogs, []);
  return (
    <ConfigProvider
      locale={lang === "en" ? enUS : zhCN}
      theme={theme}
      // "登 录" reads oddly and breaks the accessible name tests look for ("登录").
      // A loading icon of our own: antd's default one leaves with a motion that, when a request
      // answers within a frame or two, never ends, so a button no longer loading keeps an
      // invisible icon labelled "loading" in its accessible name (seen in about 1 submit in 6).
      // The icon given here is drawn only while loading, without that motion, and named in the
      // user's language.
      button={{ autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-label={t("app.loading")} /> }}
    >
      {/* antd's App (message, modal, notification) wraps the signed-in frame only (AppLayout). */}
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}

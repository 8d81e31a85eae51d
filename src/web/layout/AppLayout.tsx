import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Drawer, Layout, Menu } from "antd";
import { Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { sessionHadExpired } from "../api/platform/auth";
import { useAccess, useSession } from "../auth/session";
import { useIsMobile } from "../components/useIsMobile";
import { BrandMark } from "./BrandMark";
import { ErrorBoundary } from "./ErrorBoundary";
import { HeaderActions } from "./HeaderActions";
import { menuItems, selectedMenuKey } from "./menu";
import { PageSpin } from "./PageSpin";
import { useRouteFocus } from "./useRouteFocus";

const SIDER_COLLAPSED_KEY = "hatchery.sider.collapsed";

/** The signed-in frame: side menu (a drawer on phones), header, and the page in <main>. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <PageSpin />;
  if (!session.data) {
    // The front door for the public is the portal (open calls); sign-in is one click from there.
    if (location.pathname === "/" && !sessionHadExpired()) return <Navigate to="/portal" replace />;
    const params = new URLSearchParams();
    const next = `${location.pathname}${location.search}`;
    if (next !== "/") params.set("next", next);
    if (sessionHadExpired()) params.set("reason", "expired");
    const query = params.toString();
    return <Navigate to={query ? `/login?${query}` : "/login"} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== "/account/password") {
    return <Navigate to="/account/password" replace />;
  }
  return <Frame />;
}

function Frame() {
  const { t } = useTranslation();
  const access = useAccess();
  const location = useLocation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_COLLAPSED_KEY) === "1");
  useRouteFocus(location.pathname);

  useEffect(() => {
    if (!isMobile) setDrawerOpen(false);
  }, [isMobile]);

  const toggleCollapsed = () => {
    setCollapsed((value) => {
      localStorage.setItem(SIDER_COLLAPSED_KEY, value ? "0" : "1");
      return !value;
    });
  };

  const menu = (
    <nav aria-label={t("nav.mainNav")}>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedMenuKey(location.pathname, access)]}
        items={menuItems(access, t)}
        onClick={({ key }) => {
          setDrawerOpen(false);
          navigate(key);
        }}
      />
    </nav>
  );

  // antd's App gives pages message/modal/notification (App.useApp); the public portal does without.
  return (
    <AntApp>
      <Layout style={{ minHeight: "100vh" }}>
        <a className="hatchery-skip-link" href="#main-content">
          {t("app.skipToContent")}
        </a>
        {isMobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={256}
            closable={false}
            title={null}
            styles={{ body: { padding: 0, background: "#001529" } }}
          >
            <div className="hatchery-sider-brand">
              <BrandMark />
              <span>{t("app.shortTitle")}</span>
            </div>
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            width={224}
            collapsed={collapsed}
            trigger={null}
            // The menu scrolls within the screen's height when an administrator's is longer than it.
            style={{ position: "sticky", top: 0, height: "100vh", overflowY: "auto" }}
          >
            <div className="hatchery-sider-brand">
              <BrandMark />
              {!collapsed && <span>{t("app.shortTitle")}</span>}
            </div>
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header
            style={{
              display: "flex",
              alignItems: "center",
              gap: 8,
              borderBottom: "1px solid #f0f0f0",
              position: "sticky",
              top: 0,
              zIndex: 10,
            }}
          >
            {isMobile ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t("nav.openMenu")}
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
            ) : (
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={collapsed ? t("nav.expandMenu") : t("nav.collapseMenu")}
                onClick={toggleCollapsed}
              />
            )}
            <span
              style={{
                fontWeight: 600,
                fontSize: 16,
                flex: 1,
                minWidth: 0,
                overflow: "hidden",
                textOverflow: "ellipsis",
                whiteSpace: "nowrap",
              }}
            >
              {isMobile ? t("app.shortTitle") : t("app.title")}
            </span>
            <HeaderActions />
          </Layout.Header>
          <Layout.Content id="main-content" tabIndex={-1} className="hatchery-main">
            <ErrorBoundary key={location.pathname}>
              <Suspense fallback={<PageSpin inline />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}

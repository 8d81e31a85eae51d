import { Button, Layout } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useSession } from "../auth/session";
import { useIsMobile } from "../components/useIsMobile";
import { BrandMark } from "./BrandMark";
import { ErrorBoundary } from "./ErrorBoundary";
import { LanguageSwitch } from "./LanguageSwitch";
import { PageSpin } from "./PageSpin";
import { useRouteFocus } from "./useRouteFocus";

/**
 * The public portal's frame (no sign-in): the platform's name, the language switch, and sign-in /
 * register, or the way back to the workspace for someone already signed in. Phone first.
 */
export function PortalLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const isMobile = useIsMobile();
  const signedIn = !!session.data;
  const navigate = useNavigate();
  useRouteFocus(location.pathname);
  const next = encodeURIComponent(`${location.pathname}${location.search}`);

  return (
    <Layout style={{ minHeight: "100vh", background: "#f5f7fa" }}>
      <a className="hatchery-skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 8,
          background: "#fff",
          borderBottom: "1px solid #f0f0f0",
          paddingInline: isMobile ? 12 : 24,
          position: "sticky",
          top: 0,
          zIndex: 10,
        }}
      >
        <Link
          to="/portal"
          style={{ display: "flex", alignItems: "center", gap: 8, flex: 1, minWidth: 0, color: "inherit" }}
        >
          <BrandMark />
          <span
            style={{
              fontWeight: 600,
              fontSize: isMobile ? 14 : 17,
              overflow: "hidden",
              textOverflow: "ellipsis",
              whiteSpace: "nowrap",
            }}
          >
            {isMobile ? t("portal.shortTitle") : t("portal.platformFull")}
          </span>
        </Link>
        <nav aria-label={t("nav.mainNav")} style={{ display: "flex", alignItems: "center", gap: 4 }}>
          <LanguageSwitch />
          {session.isPending ? null : signedIn ? (
            <Button type="primary" onClick={() => navigate("/")}>
              {t("portal.workbench")}
            </Button>
          ) : (
            <>
              <Button type="text" onClick={() => navigate(`/login?next=${next}`)}>
                {t("portal.login")}
              </Button>
              {location.pathname !== "/register" && (
                <Button type="primary" onClick={() => navigate("/register")}>
                  {t("portal.register")}
                </Button>
              )}
            </>
          )}
        </nav>
      </Layout.Header>
      <Layout.Content
        id="main-content"
        tabIndex={-1}
        style={{ width: "100%", maxWidth: 1080, margin: "0 auto", padding: isMobile ? 12 : 24 }}
      >
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageSpin inline />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
      <Layout.Footer
        style={{ textAlign: "center", color: "rgba(0,0,0,0.65)", fontSize: 13, background: "#f0f2f5" }}
      >
        <div>{t("portal.footer")}</div>
        <div>{t("portal.footerNote")}</div>
      </Layout.Footer>
    </Layout>
  );
}

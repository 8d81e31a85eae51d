/**
 * Routes. Every page is its own chunk (React.lazy), so signing in downloads only the login page
 * and the layout; each area loads when first opened.
 */
import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "./layout/AppLayout";
import { Guard } from "./layout/Guard";

const LoginPage = lazy(() => import("./pages/login"));
const HomePage = lazy(() => import("./pages/home"));
const OrganizationListPage = lazy(() => import("./pages/organizations/list"));
const OrganizationDetailPage = lazy(() => import("./pages/organizations/detail"));
const OrganizationEditPage = lazy(() => import("./pages/organizations/edit"));
const OrganizationImportPage = lazy(() => import("./pages/organizations/import"));
const MyOrganizationPage = lazy(() => import("./pages/organizations/mine"));
const UserListPage = lazy(() => import("./pages/users/list"));
const AuditLogPage = lazy(() => import("./pages/audit/list"));
const ChangePasswordPage = lazy(() => import("./pages/account/password"));
const ForbiddenPage = lazy(() => import("./pages/exception/403"));
const NotFoundPage = lazy(() => import("./pages/exception/404"));

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    path: "/",
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: "organizations",
        children: [
          { index: true, element: <Guard allow="organizationList" page={<OrganizationListPage />} /> },
          { path: "new", element: <Guard allow="organizationCreate" page={<OrganizationEditPage />} /> },
          { path: "import", element: <Guard allow="organizationImport" page={<OrganizationImportPage />} /> },
          { path: ":id", element: <OrganizationDetailPage /> },
          { path: ":id/edit", element: <OrganizationEditPage /> },
        ],
      },
      { path: "my-organization", element: <Guard allow="isOrgMember" page={<MyOrganizationPage />} /> },
      { path: "users", element: <Guard allow="userManage" page={<UserListPage />} /> },
      { path: "audit", element: <Guard allow="auditRead" page={<AuditLogPage />} /> },
      { path: "account/password", element: <ChangePasswordPage /> },
      { path: "403", element: <ForbiddenPage /> },
      { path: "home", element: <Navigate to="/" replace /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

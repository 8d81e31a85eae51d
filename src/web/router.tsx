/**
 * Routes. Every page is its own chunk (React.lazy), so signing in downloads only the login page
 * and the layout; each area loads when first opened.
 */
import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "./layout/AppLayout";
import { Guard } from "./layout/Guard";
import { PortalLayout } from "./layout/PortalLayout";

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
const CallListPage = lazy(() => import("./pages/calls/list"));
const CallEditPage = lazy(() => import("./pages/calls/edit"));
const CallDetailPage = lazy(() => import("./pages/calls/detail"));
const PortalHomePage = lazy(() => import("./pages/portal/home"));
const PortalCallPage = lazy(() => import("./pages/portal/call"));
const RegistrationPage = lazy(() => import("./pages/registration"));
const NotificationsPage = lazy(() => import("./pages/notifications"));
const MyApplicationsPage = lazy(() => import("./pages/applications/mine"));
const ApplyPage = lazy(() => import("./pages/applications/apply"));
const ReviewQueuePage = lazy(() => import("./pages/review/queue"));
const ReviewApplicationPage = lazy(() => import("./pages/review/application"));
const DossierPage = lazy(() => import("./pages/review/dossier"));
const ForbiddenPage = lazy(() => import("./pages/exception/403"));
const NotFoundPage = lazy(() => import("./pages/exception/404"));

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    // The public portal: open calls and applicant registration, no sign-in.
    element: <PortalLayout />,
    children: [
      { path: "/portal", element: <PortalHomePage /> },
      { path: "/portal/calls/:id", element: <PortalCallPage /> },
      { path: "/register", element: <RegistrationPage /> },
    ],
  },
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
      {
        path: "calls",
        children: [
          { index: true, element: <Guard allow="callManage" page={<CallListPage />} /> },
          { path: "new", element: <Guard allow="callManage" page={<CallEditPage />} /> },
          { path: ":id", element: <Guard allow="callManage" page={<CallDetailPage />} /> },
          { path: ":id/edit", element: <Guard allow="callManage" page={<CallEditPage />} /> },
        ],
      },
      {
        path: "applications",
        children: [
          { index: true, element: <Guard allow="applicationQueue" page={<ReviewQueuePage />} /> },
          { path: ":id", element: <Guard allow="applicationQueue" page={<ReviewApplicationPage />} /> },
          { path: ":id/dossier", element: <Guard allow="applicationQueue" page={<DossierPage />} /> },
        ],
      },
      {
        path: "my-applications",
        children: [
          { index: true, element: <Guard allow="canApply" page={<MyApplicationsPage />} /> },
          { path: ":id", element: <Guard allow="canApply" page={<ApplyPage />} /> },
        ],
      },
      { path: "notifications", element: <NotificationsPage /> },
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

/**
 * Routes. Every page is its own chunk (React.lazy), so signing in downloads only the login page
 * and the layout; each area loads when first opened. The signed-in frame (menu, header, bell) is
 * a chunk of its own too: the public portal, opened on phones, never loads it.
 */
import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { portalCallQuery, portalCallsQuery, takePortalPageData } from "./api/recruitment/portal";
import { PORTAL_LATEST_POSTS, portalPostsKey } from "./api/services/posts";
import { sessionQuery } from "./auth/session";
import { Guard } from "./layout/Guard";
import { PageSpin } from "./layout/PageSpin";
import { PortalLayout } from "./layout/PortalLayout";
// The portal's front page is part of the entry, not a lazy chunk: it is where the public lands
// ("/" leads there), and on a phone on 3G the extra round of requests after the entry has run
// cost more than its few kilobytes cost the other pages.
import PortalHomePage from "./pages/recruitment/portal/home";
import { queryClient } from "./queryClient";

const AppLayout = lazy(() => import("./layout/AppLayout").then((m) => ({ default: m.AppLayout })));

const LoginPage = lazy(() => import("./pages/platform/login"));
const PasswordResetPage = lazy(() => import("./pages/platform/password-reset"));
const HomePage = lazy(() => import("./pages/home"));
const MentorDirectoryPage = lazy(() => import("./pages/services/mentoring/mentors"));
const OwnMentorProfilePage = lazy(() => import("./pages/services/mentoring/mentors/own"));
const IncubationMentoringPage = lazy(() => import("./pages/services/mentoring/incubation"));
const OrganizationListPage = lazy(() => import("./pages/platform/organizations/list"));
const OrganizationDetailPage = lazy(() => import("./pages/platform/organizations/detail"));
const OrganizationEditPage = lazy(() => import("./pages/platform/organizations/edit"));
const OrganizationImportPage = lazy(() => import("./pages/platform/organizations/import"));
const MyOrganizationPage = lazy(() => import("./pages/platform/organizations/mine"));
const UserListPage = lazy(() => import("./pages/platform/users/list"));
const AuditLogPage = lazy(() => import("./pages/platform/audit/list"));
const ChangePasswordPage = lazy(() => import("./pages/platform/account/password"));
const NotificationSettingsPage = lazy(() => import("./pages/platform/account/notifications"));
const CallListPage = lazy(() => import("./pages/recruitment/calls/list"));
const CallEditPage = lazy(() => import("./pages/recruitment/calls/edit"));
const CallDetailPage = lazy(() => import("./pages/recruitment/calls/detail"));
const loadPortalCall = () => import("./pages/recruitment/portal/call");
const loadRegistration = () => import("./pages/recruitment/registration");
const PortalCallPage = lazy(loadPortalCall);
const RegistrationPage = lazy(loadRegistration);

/**
 * A portal page's loader starts its code and its data together, as soon as the router knows the
 * address, instead of one after the other once the page renders (on a phone on 3G each of those
 * waits costs round trips). It waits for neither: the page shows its own loading state.
 */
function startLoading(page: () => Promise<unknown>, data?: () => Promise<void>): null {
  void page();
  void data?.();
  return null;
}
/**
 * /portal comes from the server with its calls already in the page (and, with no session cookie,
 * the answer to "who is signed in": nobody): the loaders start from that instead of asking again,
 * so the app's first render shows what the page showed, with no request and no loading state.
 */
function takeServerData(): void {
  const data = takePortalPageData();
  if (!data) return;
  queryClient.setQueryData(portalCallsQuery.queryKey, data.calls);
  if (data.posts) queryClient.setQueryData(portalPostsKey(PORTAL_LATEST_POSTS), data.posts);
  if (data.signedIn === false) queryClient.setQueryData(sessionQuery.queryKey, null);
}

const NotificationsPage = lazy(() => import("./pages/platform/notifications"));
const MyApplicationsPage = lazy(() => import("./pages/recruitment/applications/mine"));
const ApplyPage = lazy(() => import("./pages/recruitment/applications/apply"));
const IntakeQueuePage = lazy(() => import("./pages/recruitment/intake/queue"));
const IntakeApplicationPage = lazy(() => import("./pages/recruitment/intake/application"));
const DossierPage = lazy(() => import("./pages/recruitment/intake/dossier"));
const ExpertListPage = lazy(() => import("./pages/admission/experts/list"));
const InvitationListPage = lazy(() => import("./pages/admission/experts/invitations"));
const ExpertDetailPage = lazy(() => import("./pages/admission/experts/detail"));
const ExpertProfilePage = lazy(() => import("./pages/admission/experts/profile"));
const loadJoin = () => import("./pages/admission/experts/join");
const loadLinkSignIn = () => import("./pages/admission/experts/sign-in");
const ExpertJoinPage = lazy(loadJoin);
const ExpertLinkSignInPage = lazy(loadLinkSignIn);
const RoundListPage = lazy(() => import("./pages/admission/rounds/list"));
const RoundDetailPage = lazy(() => import("./pages/admission/rounds/detail"));
const RubricsPage = lazy(() => import("./pages/admission/rubrics"));
const InstrumentsPage = lazy(() => import("./pages/incubation/instruments"));
const InstrumentVersionPage = lazy(() => import("./pages/incubation/instruments/version"));
const MyReviewsPage = lazy(() => import("./pages/admission/reviews/list"));
const ScoringPage = lazy(() => import("./pages/admission/reviews/score"));
const MeetingPage = lazy(() => import("./pages/admission/meeting"));
const NoticesPage = lazy(() => import("./pages/admission/notices"));
const PortalNoticePage = lazy(() => import("./pages/admission/notices/portal"));
const InspectionListPage = lazy(() => import("./pages/admission/inspections/list"));
const InspectionPage = lazy(() => import("./pages/admission/inspections/detail"));
const GrowthFilePage = lazy(() => import("./pages/incubation/growth"));
const ServiceFiguresPage = lazy(() => import("./pages/services/figures"));
const ProjectResultsPage = lazy(() => import("./pages/funding/results"));
const FundingFiguresPage = lazy(() => import("./pages/funding/figures"));
const PartnerListPage = lazy(() => import("./pages/services/partners/list"));
const FundListPage = lazy(() => import("./pages/funding/funds"));
const FundingSettingsPage = lazy(() => import("./pages/funding/settings"));
const ProjectListPage = lazy(() => import("./pages/funding/projects/list"));
const ProjectPage = lazy(() => import("./pages/funding/projects/detail"));
const NewProjectPage = lazy(() =>
  import("./pages/funding/projects/edit").then((m) => ({ default: m.NewProjectPage })),
);
const EditProjectPage = lazy(() =>
  import("./pages/funding/projects/edit").then((m) => ({ default: m.EditProjectPage })),
);
const PartnerPage = lazy(() => import("./pages/services/partners/detail"));
const IncubationListPage = lazy(() => import("./pages/incubation/incubations/list"));
const ServiceRequestsPage = lazy(() => import("./pages/services/requests/list"));
const ExpenseFormPage = lazy(() => import("./pages/funding/spending/ExpenseFormPage"));
const AskForServicePage = lazy(() => import("./pages/services/requests/ask"));
const ServiceRequestPage = lazy(() => import("./pages/services/requests/detail"));
const GrantListPage = lazy(() => import("./pages/funding/grants/list"));
const GrantPage = lazy(() => import("./pages/funding/grants/detail"));
const GrantSetupPage = lazy(() => import("./pages/funding/grants/setup"));
const GrantAgreementPage = lazy(() => import("./pages/funding/grants/agreement"));
const ReportPage = lazy(() => import("./pages/funding/reports"));
const ServiceCataloguePage = lazy(() => import("./pages/services/catalogue"));
const RecordServicePage = lazy(() => import("./pages/services/records/group"));
const IncubationPage = lazy(() => import("./pages/incubation/incubations/detail"));
const CohortsPage = lazy(() => import("./pages/incubation/cohorts"));
const IncubationPlanPage = lazy(() => import("./pages/incubation/plan"));
const IncubationAssessmentsPage = lazy(() => import("./pages/incubation/assessments/incubation"));
const AssessmentPage = lazy(() => import("./pages/incubation/assessments/form"));
const AssessmentComparisonPage = lazy(() => import("./pages/incubation/assessments/compare"));
const CohortBaselinePage = lazy(() => import("./pages/incubation/assessments/cohort"));
const TrainingListPage = lazy(() => import("./pages/services/trainings"));
const TrainingDetailPage = lazy(() => import("./pages/services/trainings/detail"));
const TrainingEditPage = lazy(() => import("./pages/services/trainings/edit"));
const CheckInScreenPage = lazy(() => import("./pages/services/trainings/check-in-screen"));
const CheckInPage = lazy(() => import("./pages/services/trainings/check-in"));
const CertificatePage = lazy(() => import("./pages/services/trainings/certificate"));
const PortalTrainingsPage = lazy(() => import("./pages/services/trainings/portal"));
const PortalTrainingPage = lazy(() => import("./pages/services/trainings/portal-detail"));
const TrainingSeriesListPage = lazy(() => import("./pages/services/trainings/series"));
const TrainingSeriesPage = lazy(() => import("./pages/services/trainings/series-detail"));
const PeopleListPage = lazy(() => import("./pages/services/people"));
const PersonPage = lazy(() => import("./pages/services/people/detail"));
const EditPersonPage = lazy(() => import("./pages/services/people/edit"));
const OwnProfilePage = lazy(() => import("./pages/services/people/own-profile"));
const PostListPage = lazy(() => import("./pages/services/posts"));
const PostEditPage = lazy(() => import("./pages/services/posts/edit"));
const PostFeedPage = lazy(() => import("./pages/services/posts/feed"));
const PostReadPage = lazy(() => import("./pages/services/posts/read"));
const PortalPostsPage = lazy(() => import("./pages/services/posts/portal"));
const PortalPostPage = lazy(() => import("./pages/services/posts/portal-post"));
const ForbiddenPage = lazy(() => import("./pages/platform/exception/403"));
const NotFoundPage = lazy(() => import("./pages/platform/exception/404"));

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { path: "/forgot-password", element: <PasswordResetPage /> },
  // The trainer's check-in screen, for a projector: the QR code with nothing around it.
  {
    path: "/trainings/:id/check-in-screen",
    element: (
      <Suspense fallback={<PageSpin />}>
        <Guard allow="trainingManage" page={<CheckInScreenPage />} />
      </Suspense>
    ),
  },
  {
    // The public portal: open calls and applicant registration, no sign-in.
    element: <PortalLayout />,
    loader: () => {
      takeServerData();
      void queryClient.prefetchQuery(sessionQuery);
      return null;
    },
    children: [
      {
        path: "/portal",
        element: <PortalHomePage />,
        loader: () => {
          takeServerData();
          void queryClient.prefetchQuery(portalCallsQuery);
          return null;
        },
      },
      {
        path: "/portal/calls/:id",
        element: <PortalCallPage />,
        loader: ({ params }) =>
          startLoading(loadPortalCall, () => queryClient.prefetchQuery(portalCallQuery(params.id))),
      },
      { path: "/notices/:id", element: <PortalNoticePage /> },
      { path: "/portal/trainings", element: <PortalTrainingsPage /> },
      { path: "/portal/trainings/:id", element: <PortalTrainingPage /> },
      { path: "/portal/posts", element: <PortalPostsPage /> },
      { path: "/portal/posts/:id", element: <PortalPostPage /> },
      {
        path: "/register",
        element: <RegistrationPage />,
        loader: () => startLoading(loadRegistration),
      },
      // An invited expert joins, or signs in by a link, from a phone's message app.
      { path: "/experts/join", element: <ExpertJoinPage />, loader: () => startLoading(loadJoin) },
      {
        path: "/experts/sign-in",
        element: <ExpertLinkSignInPage />,
        loader: () => startLoading(loadLinkSignIn),
      },
    ],
  },
  {
    path: "/",
    element: (
      <Suspense fallback={<PageSpin />}>
        <AppLayout />
      </Suspense>
    ),
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
          { path: ":id/growth", element: <GrowthFilePage /> },
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
          { index: true, element: <Guard allow="applicationQueue" page={<IntakeQueuePage />} /> },
          { path: ":id", element: <Guard allow="applicationQueue" page={<IntakeApplicationPage />} /> },
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
      // The plan hangs off an incubation; the server decides who may see it (404 or 403 shown).
      { path: "incubations/:id/plan", element: <IncubationPlanPage /> },
      { path: "incubations/:id/mentoring", element: <IncubationMentoringPage /> },
      { path: "mentors", element: <MentorDirectoryPage /> },
      { path: "mentoring/profile", element: <OwnMentorProfilePage /> },
      {
        path: "inspections",
        children: [
          { index: true, element: <Guard allow="inspectionList" page={<InspectionListPage />} /> },
          { path: ":id", element: <Guard allow="inspectionList" page={<InspectionPage />} /> },
        ],
      },
      // Stage 4: capacity assessments. The server decides who sees what (404 / 403 on the page).
      { path: "incubations/:id/assessments", element: <IncubationAssessmentsPage /> },
      { path: "assessments/compare", element: <AssessmentComparisonPage /> },
      { path: "assessments/:id", element: <AssessmentPage /> },
      { path: "cohorts/:id/baseline", element: <CohortBaselinePage /> },
      // Trainings (能力建设): the server decides what a reader sees (drafts are staff's).
      {
        path: "trainings",
        children: [
          { index: true, element: <TrainingListPage /> },
          { path: "new", element: <Guard allow="trainingManage" page={<TrainingEditPage />} /> },
          // The series and the talent programme's progress: the staff's (a static segment wins over :id).
          { path: "series", element: <Guard allow="trainingManage" page={<TrainingSeriesListPage />} /> },
          { path: "series/:id", element: <Guard allow="trainingManage" page={<TrainingSeriesPage />} /> },
          { path: ":id", element: <TrainingDetailPage /> },
          { path: ":id/edit", element: <Guard allow="trainingManage" page={<TrainingEditPage />} /> },
        ],
      },
      // The participant's phone opens this from the QR code (signed in; the sign-in comes back here).
      { path: "check-in/:id", element: <CheckInPage /> },
      { path: "training-certificates/:id", element: <CertificatePage /> },
      // People (人员): staff's list and a person's page; an individual's own profile.
      {
        path: "people",
        children: [
          { index: true, element: <Guard allow="personManage" page={<PeopleListPage />} /> },
          { path: ":id", element: <Guard allow="personManage" page={<PersonPage />} /> },
          { path: ":id/edit", element: <Guard allow="personManage" page={<EditPersonPage />} /> },
        ],
      },
      { path: "account/profile", element: <Guard allow="isIndividual" page={<OwnProfilePage />} /> },
      // The 4Z service desk: the queue (everyone's own), asking (a member), one request.
      {
        path: "services/requests",
        children: [
          { index: true, element: <Guard allow="serviceList" page={<ServiceRequestsPage />} /> },
          { path: "new", element: <Guard allow="serviceAsk" page={<AskForServicePage />} /> },
          { path: ":id", element: <Guard allow="serviceList" page={<ServiceRequestPage />} /> },
        ],
      },
      // Funding (issue 13): a grant's page (its reports tab) and one progress report.
      { path: "funding/reports/:id", element: <Guard allow="fundingRead" page={<ReportPage />} /> },
      {
        path: "services/catalogue",
        element: <Guard allow="serviceCatalogue" page={<ServiceCataloguePage />} />,
      },
      { path: "services/records/new", element: <Guard allow="serviceManage" page={<RecordServicePage />} /> },
      {
        path: "incubations",
        children: [
          { index: true, element: <Guard allow="incubationManage" page={<IncubationListPage />} /> },
          { path: "cohorts", element: <Guard allow="incubationManage" page={<CohortsPage />} /> },
          { path: ":id", element: <Guard allow="incubationRead" page={<IncubationPage />} /> },
        ],
      },
      {
        path: "experts",
        children: [
          { index: true, element: <Guard allow="expertManage" page={<ExpertListPage />} /> },
          { path: "invitations", element: <Guard allow="expertManage" page={<InvitationListPage />} /> },
          { path: ":id", element: <Guard allow="expertManage" page={<ExpertDetailPage />} /> },
        ],
      },
      { path: "service-figures", element: <Guard allow="serviceFigures" page={<ServiceFiguresPage />} /> },
      // Funding (issue 13): a project's results, the base's money figures.
      {
        path: "funding/projects/:id/results",
        element: <Guard allow="fundingResults" page={<ProjectResultsPage />} />,
      },
      { path: "funding/figures", element: <Guard allow="fundingFigures" page={<FundingFiguresPage />} /> },
      {
        path: "funding/grants",
        children: [
          { index: true, element: <Guard allow="fundingList" page={<GrantListPage />} /> },
          { path: "new", element: <Guard allow="fundingManage" page={<GrantSetupPage />} /> },
          // Members and partner users read their own; the server answers 404 for another's.
          { path: ":id", element: <Guard allow="fundingRead" page={<GrantPage />} /> },
          { path: ":id/edit", element: <Guard allow="fundingManage" page={<GrantSetupPage />} /> },
          { path: ":id/agreement", element: <GrantAgreementPage /> },
          // A grant's spending: the phone form and a queried item's correction (the grantee's).
          { path: ":id/expenses/new", element: <ExpenseFormPage /> },
          { path: ":id/expenses/:expenseId/edit", element: <ExpenseFormPage /> },
        ],
      },
      // Issue 13, funding: funds, settings and projects.
      { path: "funding/funds", element: <Guard allow="fundList" page={<FundListPage />} /> },
      { path: "funding/settings", element: <Guard allow="fundingManage" page={<FundingSettingsPage />} /> },
      {
        path: "funding/projects",
        children: [
          { index: true, element: <Guard allow="projectList" page={<ProjectListPage />} /> },
          { path: "new", element: <Guard allow="fundingManage" page={<NewProjectPage />} /> },
          // A member or partner opens what it may read; the server answers 404 for the rest.
          { path: ":id", element: <Guard allow="projectList" page={<ProjectPage />} /> },
          { path: ":id/edit", element: <Guard allow="fundingManage" page={<EditProjectPage />} /> },
        ],
      },
      {
        path: "partners",
        children: [
          { index: true, element: <Guard allow="partnerManage" page={<PartnerListPage />} /> },
          // A partner user opens its own; the server answers 404 for another.
          { path: ":id", element: <PartnerPage /> },
        ],
      },
      { path: "account/expert", element: <Guard allow="isExpert" page={<ExpertProfilePage />} /> },
      {
        path: "rounds",
        children: [
          { index: true, element: <Guard allow="roundManage" page={<RoundListPage />} /> },
          { path: ":id", element: <Guard allow="roundManage" page={<RoundDetailPage />} /> },
          { path: ":id/meeting", element: <Guard allow="roundManage" page={<MeetingPage />} /> },
        ],
      },
      { path: "rubrics", element: <Guard allow="roundManage" page={<RubricsPage />} /> },
      {
        path: "instruments",
        children: [
          { index: true, element: <Guard allow="instrumentManage" page={<InstrumentsPage />} /> },
          {
            path: "versions/:id",
            element: <Guard allow="instrumentManage" page={<InstrumentVersionPage />} />,
          },
        ],
      },
      {
        path: "reviews",
        children: [
          { index: true, element: <Guard allow="reviewWrite" page={<MyReviewsPage />} /> },
          { path: ":id", element: <Guard allow="reviewWrite" page={<ScoringPage />} /> },
        ],
      },
      { path: "notices", element: <Guard allow="admissionDecide" page={<NoticesPage />} /> },
      {
        path: "posts",
        children: [
          { index: true, element: <PostFeedPage /> },
          { path: "manage", element: <Guard allow="postManage" page={<PostListPage />} /> },
          { path: "manage/new", element: <Guard allow="postManage" page={<PostEditPage />} /> },
          { path: "manage/:id", element: <Guard allow="postManage" page={<PostEditPage />} /> },
          { path: ":id", element: <PostReadPage /> },
        ],
      },
      { path: "notifications", element: <NotificationsPage /> },
      { path: "my-organization", element: <Guard allow="isOrgMember" page={<MyOrganizationPage />} /> },
      { path: "users", element: <Guard allow="userManage" page={<UserListPage />} /> },
      { path: "audit", element: <Guard allow="auditRead" page={<AuditLogPage />} /> },
      { path: "account/password", element: <ChangePasswordPage /> },
      { path: "account/notifications", element: <NotificationSettingsPage /> },
      { path: "403", element: <ForbiddenPage /> },
      { path: "home", element: <Navigate to="/" replace /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

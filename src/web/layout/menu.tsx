import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  InteractionOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  RadarChartOutlined,
  ReadOutlined,
  ShopOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { TFunction } from "i18next";
import type { Access } from "../access";

type MenuItem = Required<MenuProps>["items"][number];

/** The side menu, shaped by access: each entry's key is the path it opens. */
export function menuItems(access: Access, t: TFunction): MenuItem[] {
  const items: MenuItem[] = [{ key: "/", icon: <HomeOutlined aria-hidden />, label: t("nav.home") }];
  if (access.organizationList) {
    items.push({ key: "/organizations", icon: <ShopOutlined aria-hidden />, label: t("nav.organizations") });
  }
  if (access.callManage) {
    items.push({ key: "/calls", icon: <NotificationOutlined aria-hidden />, label: t("nav.calls") });
  }
  if (access.applicationQueue) {
    items.push({
      key: "/applications",
      icon: <FileDoneOutlined aria-hidden />,
      label: t("nav.applications"),
    });
  }
  if (access.inspectionList) {
    items.push({ key: "/inspections", icon: <SolutionOutlined aria-hidden />, label: t("nav.inspections") });
  }
  if (access.incubationManage) {
    items.push({
      key: "/incubations",
      icon: <ExperimentOutlined aria-hidden />,
      label: t("incubations.nav"),
    });
  }
  items.push({ key: "/trainings", icon: <ReadOutlined aria-hidden />, label: t("trainings.nav") });
  if (access.personManage) {
    items.push({ key: "/people", icon: <ContactsOutlined aria-hidden />, label: t("people.nav") });
  }
  if (access.isIndividual) {
    items.push({
      key: "/account/profile",
      icon: <ContactsOutlined aria-hidden />,
      label: t("people.ownNav"),
    });
  }
  if (access.instrumentManage) {
    items.push({
      key: "/instruments",
      icon: <RadarChartOutlined aria-hidden />,
      label: t("instruments.nav"),
    });
  }
  if (access.serviceFigures) {
    items.push({
      key: "/service-figures",
      icon: <BarChartOutlined aria-hidden />,
      label: t("serviceFigures.nav"),
    });
  }
  // Funding (资金管理, issue 13): one group for every funding page.
  const funding: MenuItem[] = [];
  if (access.projectList) funding.push({ key: "/funding/projects", label: t("fundingProjects.projectsNav") });
  if (access.fundingList) funding.push({ key: "/funding/grants", label: t("grants.nav") });
  if (access.fundList) funding.push({ key: "/funding/funds", label: t("fundingProjects.fundsNav") });
  if (access.fundingFigures)
    funding.push({ key: "/funding/figures", label: t("fundingResults.nav.figures") });
  if (access.fundingManage)
    funding.push({ key: "/funding/settings", label: t("fundingProjects.settingsNav") });
  if (funding.length > 0)
    items.push({
      key: "funding",
      icon: <MoneyCollectOutlined aria-hidden />,
      label: t("grants.group"),
      children: funding,
    });
  if (access.partnerManage) {
    items.push({ key: "/partners", icon: <InteractionOutlined aria-hidden />, label: t("partners.nav") });
  }
  if (access.myPartnerId) {
    items.push({
      key: `/partners/${access.myPartnerId}`,
      icon: <InteractionOutlined aria-hidden />,
      label: t("partners.myPartner"),
    });
  }
  if (access.incubationManage) {
    items.push({ key: "/mentors", icon: <TeamOutlined aria-hidden />, label: t("mentoring.nav") });
  }
  if (access.isMentor) {
    items.push({
      key: "/mentoring/profile",
      icon: <IdcardOutlined aria-hidden />,
      label: t("mentoring.ownProfile"),
    });
  }
  if (access.expertManage) {
    items.push({ key: "/experts", icon: <IdcardOutlined aria-hidden />, label: t("nav.experts") });
  }
  if (access.roundManage) {
    items.push({ key: "/rounds", icon: <ClusterOutlined aria-hidden />, label: t("nav.rounds") });
    items.push({ key: "/rubrics", icon: <OrderedListOutlined aria-hidden />, label: t("nav.rubrics") });
  }
  if (access.reviewWrite) {
    items.push({ key: "/reviews", icon: <CheckSquareOutlined aria-hidden />, label: t("nav.reviews") });
  }
  if (access.admissionDecide) {
    items.push({ key: "/notices", icon: <SoundOutlined aria-hidden />, label: t("admission.nav.notices") });
  }
  if (access.canApply) {
    items.push({
      key: "/my-applications",
      icon: <FormOutlined aria-hidden />,
      label: t("nav.myApplications"),
    });
  }
  if (access.isOrgMember) {
    items.push({
      key: "/my-organization",
      icon: <ShopOutlined aria-hidden />,
      label: t("nav.myOrganization"),
    });
  }
  if (access.serviceList) {
    const mine = access.serviceAsk && !access.serviceManage;
    items.push({
      key: "/services/requests",
      icon: <CustomerServiceOutlined aria-hidden />,
      label: t(mine ? "serviceDesk.navMine" : "serviceDesk.navQueue"),
    });
  }
  if (access.serviceManage) {
    items.push({
      key: "/services/records/new",
      icon: <FormOutlined aria-hidden />,
      label: t("serviceDesk.group.nav"),
    });
  }
  if (access.serviceCatalogue) {
    items.push({
      key: "/services/catalogue",
      icon: <AppstoreOutlined aria-hidden />,
      label: t("serviceDesk.catalogue.nav"),
    });
  }
  if (access.isExpert) {
    items.push({
      key: "/account/expert",
      icon: <IdcardOutlined aria-hidden />,
      label: t("nav.myExpertProfile"),
    });
  }
  if (access.postManage) {
    items.push({ key: "/posts/manage", icon: <ReadOutlined aria-hidden />, label: t("posts.nav") });
  }
  // Every signed-in user has a feed of what the base publishes for them.
  items.push({ key: "/posts", icon: <ReadOutlined aria-hidden />, label: t("posts.feedNav") });
  if (access.userManage) {
    items.push({ key: "/users", icon: <TeamOutlined aria-hidden />, label: t("nav.users") });
  }
  if (access.auditRead) {
    items.push({ key: "/audit", icon: <AuditOutlined aria-hidden />, label: t("nav.audit") });
  }
  return items;
}

/** Which menu entry a path belongs to (a detail page highlights its list). */
export function selectedMenuKey(pathname: string, access: Access): string {
  if (access.myOrganizationId && pathname.startsWith(`/organizations/${access.myOrganizationId}`)) {
    return "/my-organization";
  }
  for (const key of [
    "/funding/projects",
    "/funding/funds",
    "/funding/settings",
    "/organizations",
    "/my-organization",
    "/calls",
    "/applications",
    "/inspections",
    "/incubations",
    "/rounds",
    "/rubrics",
    "/reviews",
    "/notices",
    "/instruments",
    "/trainings",
    "/people",
    "/account/profile",
    "/services/requests",
    "/services/records/new",
    "/services/catalogue",
    "/my-applications",
    "/experts",
    "/account/expert",
    "/users",
    "/audit",
    "/posts/manage",
    "/posts",
    "/funding/grants",
    "/funding/figures",
  ]) {
    if (pathname === key || pathname.startsWith(`${key}/`)) return key;
  }
  return pathname === "/" ? "/" : "";
}

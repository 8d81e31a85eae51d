/**
 * What the signed-in user may see: menu items, buttons and routes. Built on the same policy table
 * the server enforces (src/domain/access.ts), so the screen never offers what the server refuses.
 */

import { type Action, decide, listScope } from "../domain/access";
import { type Actor, hasRole } from "../domain/roles";
import type { CurrentUser } from "../schemas/platform/auth";
import type { Organization } from "../schemas/platform/organizations";

export interface Access {
  /** 社会组织 menu and list page. */
  organizationList: boolean;
  organizationCreate: boolean;
  organizationImport: boolean;
  organizationExport: boolean;
  organizationRevealContact: boolean;
  /** Fields only the base may set (residency, hub organization). */
  organizationAdministrative: boolean;
  /** 我的组织: an organization member goes to their own record (which may not be linked yet). */
  isOrgMember: boolean;
  myOrganizationId: string | null;
  userManage: boolean;
  auditRead: boolean;
  /** 招募管理: create, publish and close recruitment calls. */
  callManage: boolean;
  /** 申请审核: the staff work queue, the intake page and the dossier. */
  applicationQueue: boolean;
  applicationIntake: boolean;
  applicationExport: boolean;
  /** 考察: the inspections list (staff: the base's; an expert: those they are named on). */
  inspectionList: boolean;
  /** 安排考察: plan, change and cancel inspections; screen out. */
  inspectionPlan: boolean;
  /** 我的申请: an organization member linked to an organization applies for it. */
  canApply: boolean;
  /** 评审专家: invite experts, their list and detail, conflicts, sign-in links. */
  expertManage: boolean;
  /** An expert: their profile, declared conflicts and reviews. */
  isExpert: boolean;
  /** A mentor: their own profile and the organizations they mentor. */
  isMentor: boolean;
  /** 招募数据: the recruitment figures (the base's, every base's, or a liaison's town's). */
  recruitmentFigures: boolean;
  /** 评审轮次 and 评审指标: staff build review rounds and edit the rubrics. */
  roundManage: boolean;
  /** 我的评审: an expert scores the applications assigned to them. */
  reviewWrite: boolean;
  /** Stage 3: the decisions with their public notice. */
  admissionDecide: boolean;
  /** Stage 4: 能力评估体系, the capacity instruments and their versions. */
  instrumentManage: boolean;
  /** Stage 4, 孵化管理: the incubations list, enrolment, transitions, cohorts and settings. */
  incubationManage: boolean;
  /** One incubation's page: staff, the organization's members, an invited assessor. */
  incubationRead: boolean;
  /** Issue 12, 服务数据: the service figures page (staff) and home card (viewers, liaisons). */
  serviceFigures: boolean;
  /** Issue 12, 合作伙伴: staff manage the base's partners. */
  partnerManage: boolean;
  /** Issue 13, 资金数据: the base's money figures (staff, government viewers). */
  fundingFigures: boolean;
  /** Issue 13: may open a project's results (the server decides which: staff, members, partners, mentors). */
  fundingResults: boolean;
  /** The funds page: staff, and a partner user (its own partner's funds). */
  fundList: boolean;
  /** The projects list: staff the base's, a member its organization's, a partner those its funds granted. */
  projectList: boolean;
  /** A partner user: its own partner's page. */
  myPartnerId: string | null;
  /** 培训与能力建设: staff run the trainings. */
  trainingManage: boolean;
  /** People who enrol, check in and give feedback (members, individuals, staff). */
  trainingAttend: boolean;
  /** 服务申请: the queue (staff: the base's; a mentor or partner: assigned to them; a member: its own). */
  serviceList: boolean;
  /** Staff run the service desk: accept, assign, record, export. */
  serviceManage: boolean;
  /** A member asks for services for its organization. */
  serviceAsk: boolean;
  /** Staff keep the service catalogue (服务目录). */
  serviceCatalogue: boolean;
  /** 资讯管理: staff write, publish and withdraw posts and read their receipts. */
  postManage: boolean;
  /** 人员: staff list, add and read the individuals (people without an organization). */
  personManage: boolean;
  /** An individual: their own 个人信息 and home. */
  isIndividual: boolean;
  /** 资金管理: staff manage funds, projects and grants, schedule and review progress reports. */
  fundingManage: boolean;
  /** 资助: the grant list (staff: the base's; a member: its own; a partner: its funds'). */
  fundingList: boolean;
  /** Funding (资金): reads grants and their reports (staff; members, partners and mentors their own). */
  fundingRead: boolean;
  /** Funding: a member writes its organization's progress reports and spending. */
  fundingReport: boolean;
  /** Funding: the home's funding card (staff, a member of an organization, a partner user). */
  fundingWaiting: boolean;
  canEditOrganization: (organization: Pick<Organization, "id" | "baseId">) => boolean;
  canReadOrganization: (organization: Pick<Organization, "id" | "baseId">) => boolean;
  /** 成长档案: the base's staff for any organization, a member for its own. */
  canReadGrowthFile: (organization: Pick<Organization, "id" | "baseId">) => boolean;
}

const NONE: Access = {
  organizationList: false,
  organizationCreate: false,
  organizationImport: false,
  organizationExport: false,
  organizationRevealContact: false,
  organizationAdministrative: false,
  isOrgMember: false,
  myOrganizationId: null,
  userManage: false,
  auditRead: false,
  callManage: false,
  applicationQueue: false,
  applicationIntake: false,
  applicationExport: false,
  inspectionList: false,
  inspectionPlan: false,
  canApply: false,
  recruitmentFigures: false,
  expertManage: false,
  isExpert: false,
  isMentor: false,
  roundManage: false,
  reviewWrite: false,
  admissionDecide: false,
  instrumentManage: false,
  incubationManage: false,
  incubationRead: false,
  serviceFigures: false,
  partnerManage: false,
  fundingFigures: false,
  fundingResults: false,
  fundList: false,
  projectList: false,
  myPartnerId: null,
  trainingManage: false,
  trainingAttend: false,
  serviceList: false,
  serviceManage: false,
  serviceAsk: false,
  serviceCatalogue: false,
  postManage: false,
  personManage: false,
  isIndividual: false,
  fundingManage: false,
  fundingList: false,
  fundingRead: false,
  fundingReport: false,
  fundingWaiting: false,
  canEditOrganization: () => false,
  canReadOrganization: () => false,
  canReadGrowthFile: () => false,
};

export function accessFor(user: CurrentUser | null | undefined): Access {
  if (!user) return NONE;
  const actor: Actor = {
    userId: user.id,
    baseId: user.baseId,
    roles: user.roles,
    organizationId: user.organizationId,
    crossBase: user.crossBase,
    townId: user.townId,
    partnerId: user.partnerId,
  };
  const may = (action: Action) => decide(actor, action) === "allow";
  const onRecord = (action: Action, organization: Pick<Organization, "id" | "baseId">) =>
    decide(actor, action, { baseId: organization.baseId, organizationId: organization.id }) === "allow";
  return {
    // The registry list is for the base and its government/community partners; a member goes
    // straight to their own organization instead.
    organizationList: hasRole(actor, "admin", "staff", "government_viewer", "community_liaison"),
    organizationCreate: may("organization.create"),
    organizationImport: may("organization.import"),
    organizationExport: may("organization.export"),
    organizationRevealContact: may("organization.revealContact"),
    organizationAdministrative: may("organization.updateAdministrative"),
    isOrgMember: hasRole(actor, "org_member"),
    myOrganizationId: hasRole(actor, "org_member") ? user.organizationId : null,
    userManage: may("user.manage"),
    auditRead: may("audit.read"),
    trainingManage: may("training.manage"),
    trainingAttend: may("training.attend"),
    callManage: may("call.manage"),
    applicationQueue: may("application.list"),
    applicationIntake: may("application.intake"),
    applicationExport: may("application.export"),
    inspectionList: listScope(actor, "inspection.list") !== null,
    inspectionPlan: may("inspection.plan"),
    canApply: may("application.apply"),
    recruitmentFigures: may("stats.recruitment"),
    expertManage: may("expert.manage"),
    isExpert: may("expert.self"),
    isMentor: may("mentor.self"),
    roundManage: may("round.manage"),
    reviewWrite: may("review.write"),
    admissionDecide: may("admission.decide"),
    instrumentManage: may("instrument.manage"),
    incubationManage: may("incubation.manage"),
    incubationRead: listScope(actor, "incubation.list") !== null,
    serviceFigures: may("stats.recruitment"),
    partnerManage: may("partner.manage"),
    fundingFigures: may("funding.figures"),
    fundingResults: hasRole(actor, "admin", "staff", "org_member", "partner", "mentor"),
    fundList: may("funding.manage") || hasRole(actor, "partner"),
    projectList: listScope(actor, "funding.list") !== null,
    myPartnerId: hasRole(actor, "partner") ? user.partnerId : null,
    serviceList: listScope(actor, "service.list") !== null,
    serviceManage: may("service.manage"),
    serviceAsk: may("service.ask"),
    serviceCatalogue: may("service.catalogue.manage"),
    postManage: may("post.manage"),
    personManage: may("person.manage"),
    isIndividual: may("person.self"),
    fundingManage: may("funding.manage"),
    fundingList: listScope(actor, "funding.list") !== null,
    fundingRead: decide(actor, "funding.read") !== "forbidden",
    fundingReport: may("funding.report"),
    fundingWaiting: listScope(actor, "funding.list") !== null,
    canEditOrganization: (organization) => onRecord("organization.update", organization),
    canReadOrganization: (organization) => onRecord("organization.read", organization),
    canReadGrowthFile: (organization) => onRecord("incubation.read", organization),
  };
}

/**
 * The one policy table: which actor may do what to which record. Pure, so that services use it
 * for single records and list scoping alike, and tests can read it as a specification.
 */
import { type Actor, hasRole } from "./roles";

export type Action =
  | "organization.list"
  | "organization.read"
  | "organization.create"
  | "organization.update"
  | "organization.updateAdministrative"
  | "organization.import"
  | "organization.export"
  | "organization.revealContact"
  | "call.manage"
  | "application.list"
  | "application.read"
  | "application.apply"
  | "application.intake"
  | "application.export"
  | "user.manage"
  | "audit.read"
  | "reference.read"
  | "stats.read"
  | "stats.recruitment"
  // Stage 2 (考察): planning inspections; reading and recording one's finding.
  | "inspection.plan"
  | "inspection.read"
  | "inspection.record"
  // Stage 3 (入壳评审): experts, review rounds, the expert's own scoring, the decisions.
  | "expert.manage"
  | "expert.self"
  | "round.manage"
  | "review.write"
  | "admission.decide"
  // Stage 4 (孵化服务): incubations and cohorts, the capacity instrument, assessments, the plan
  // and the growth file.
  | "incubation.manage"
  | "incubation.read"
  | "instrument.manage"
  | "assessment.read"
  | "assessment.self"
  | "assessment.assess"
  // The incubation plan (孵化计划) and the needs: staff write; the organization agrees and
  // reports its own actions; the plan is read as the incubation is.
  | "plan.read"
  | "plan.manage"
  | "plan.agree"
  | "plan.progress"
  // Issue 12: partners (合作伙伴), managed by staff; a partner user reads its own partner.
  | "partner.manage"
  | "partner.read"
  // Trainings (能力建设): staff run them; people enrol (for their organization or on their own),
  // check in and give feedback; every signed-in role reads the published ones open to it.
  | "training.manage"
  | "training.read"
  | "training.enrol"
  | "training.attend"
  // The 4Z service desk (服务申请与服务记录): the catalogue, requests, handling, records, ratings.
  | "service.catalogue.read"
  | "service.catalogue.manage"
  | "service.ask"
  | "service.read"
  | "service.manage"
  | "service.handle"
  | "service.rate"
  // Information (资讯): staff write and publish posts; signed-in users read what is published
  // for them (a targeted post only the organizations it reaches).
  | "post.manage"
  | "post.feed"
  | "post.read"
  // The mentor programme (导师计划): staff manage mentors, match and pair them; a mentor keeps their
  // own profile and logs sessions with their organizations; the organization answers each session.
  | "mentor.manage"
  | "mentor.self"
  | "mentoring.read"
  | "mentoring.log"
  | "mentoring.answer"
  // Individuals (个人用户): staff list, add and read the people who came without an organization;
  // an individual reads and edits only its own record (another person's is not there for it).
  | "person.manage"
  | "person.read"
  | "person.self"
  // Funding (资金): staff keep the funds, projects and grants (a second staff member approves what
  // one prepared: the service's two-person rule); the organization reports spending and progress
  // on its own grants; a partner reads the grants of its own fund; the figures are for staff and
  // the government viewers.
  | "funding.manage"
  | "funding.read"
  | "funding.report"
  | "funding.figures";

/**
 * How the actor stands to one record beyond its base and its organization, as the loader that
 * read the record found it: an expert assigned to review an application, an inspector of an
 * inspection, a mentor of an incubation, an expert invited to assess an incubation, the handler
 * of a service request (its assigned mentor, or a user of its assigned partner), a reader a
 * published post is for, a person who is the actor. The loader fills these in; the rules below decide.
 */
export const RELATIONS = [
  "assigned_expert",
  "inspector",
  "mentor",
  "assessor",
  "handler",
  "post_reader",
  // The record is the actor's own person (an individual's profile).
  "self",
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The record a decision is about, where one is. */
export interface Subject {
  baseId: string;
  organizationId?: string | null;
  /** The town the record belongs to, for actors who serve one town (a liaison). */
  townId?: string | null;
  /** The partner the record is or belongs to, for a partner user. */
  partnerId?: string | null;
  /** The actor's relations to this record; none when omitted. */
  relations?: readonly Relation[];
}

export type Decision = "allow" | "forbidden" | "not_found";

export function decide(actor: Actor, action: Action, subject?: Subject): Decision {
  if (subject && subject.baseId !== actor.baseId && !canReadAcrossBases(actor, action)) {
    return "not_found"; // another base's record does not exist for this actor
  }
  switch (action) {
    case "organization.list":
      return hasRole(actor, "admin", "staff", "government_viewer", "community_liaison", "org_member")
        ? "allow"
        : "forbidden";
    case "organization.read":
      if (hasRole(actor, "admin", "staff", "government_viewer")) return "allow";
      // A liaison's registry is its town's (as its list is): another town's organization is not there.
      // A member reads its own organization. Either relation allows; an actor with several roles
      // gets the most any one of them gives.
      if (hasRole(actor, "community_liaison") && sameTown(actor, subject)) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      return hasRole(actor, "community_liaison", "org_member") ? "not_found" : "forbidden";
    case "organization.update":
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member")) return ownOrganization(actor, subject) ? "allow" : "not_found";
      return "forbidden";
    case "organization.create":
    case "organization.updateAdministrative":
    case "organization.import":
    case "organization.export":
    case "organization.revealContact":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "call.manage":
    case "application.list":
    case "application.intake":
    case "application.export":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "application.read":
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      // An expert reads what they are assigned to review or to inspect, and nothing else exists for them.
      if (
        hasRole(actor, "expert") &&
        (!subject || related(subject, "assigned_expert") || related(subject, "inspector"))
      )
        return "allow";
      return hasRole(actor, "org_member", "expert") ? "not_found" : "forbidden";
    case "application.apply":
      // Applying (drafts, documents, submit, withdraw, the applicant's side of the thread) is the
      // organization's own act: staff review, they do not apply on someone's behalf.
      if (hasRole(actor, "org_member")) {
        if (!subject) return actor.organizationId ? "allow" : "forbidden";
        return ownOrganization(actor, subject) ? "allow" : "not_found";
      }
      return "forbidden";
    case "user.manage":
    case "audit.read":
      return hasRole(actor, "admin") ? "allow" : "forbidden";
    case "reference.read":
    case "stats.read":
      return "allow";
    case "inspection.plan":
    case "expert.manage":
    case "round.manage":
    case "admission.decide":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "inspection.read":
      // The inspectors, and the experts who review the application the inspection belongs to.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "expert")) return "forbidden";
      return subject && (related(subject, "inspector") || related(subject, "assigned_expert"))
        ? "allow"
        : "not_found";
    case "inspection.record":
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "expert")) return "forbidden";
      return subject && related(subject, "inspector") ? "allow" : "not_found";
    case "expert.self":
      return hasRole(actor, "expert") ? "allow" : "forbidden";
    case "review.write":
      // Only the expert assigned: an unassigned or conflicted expert finds no such review.
      if (!hasRole(actor, "expert")) return "forbidden";
      return !subject || related(subject, "assigned_expert") ? "allow" : "not_found";
    case "incubation.manage":
    case "instrument.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "incubation.read":
      // Staff; the organization's own members; its mentors and invited assessors (relations).
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      if (hasRole(actor, "mentor") && subject && related(subject, "mentor")) return "allow";
      if (hasRole(actor, "expert") && subject && related(subject, "assessor")) return "allow";
      return hasRole(actor, "org_member", "mentor", "expert") ? "not_found" : "forbidden";
    case "assessment.read":
      // As the incubation; which assessments a member sees (not the assessor's drafts) is the
      // service's filter, as the subject is the incubation.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      if (hasRole(actor, "expert") && subject && related(subject, "assessor")) return "allow";
      return hasRole(actor, "org_member", "expert") ? "not_found" : "forbidden";
    case "assessment.self":
      // The self-assessment is the organization's own act, as applying is.
      if (!hasRole(actor, "org_member")) return "forbidden";
      return !subject || ownOrganization(actor, subject) ? "allow" : "not_found";
    case "assessment.assess":
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "expert")) return "forbidden";
      return !subject || related(subject, "assessor") ? "allow" : "not_found";
    case "plan.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "plan.read":
      // Staff; the organization's own members; its mentors (the relation) work to the plan too.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      if (hasRole(actor, "mentor") && subject && related(subject, "mentor")) return "allow";
      return hasRole(actor, "org_member", "mentor") ? "not_found" : "forbidden";
    case "plan.agree":
      // Agreeing is the organization's own act (staff record it on its behalf through plan.manage).
      if (!hasRole(actor, "org_member")) return "forbidden";
      return !subject || ownOrganization(actor, subject) ? "allow" : "not_found";
    case "plan.progress":
      // Marking actions done: staff any; a member its own organization's (which ones: the service).
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "org_member")) return "forbidden";
      return !subject || ownOrganization(actor, subject) ? "allow" : "not_found";
    case "partner.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "partner.read":
      // A partner user reads its own partner's record; another partner does not exist for it.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "partner")) return "forbidden";
      return actor.partnerId && subject?.partnerId === actor.partnerId ? "allow" : "not_found";
    case "training.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "training.read":
      // Which trainings (published, open to the reader's audience) is the service's filter.
      return "allow";
    case "training.enrol":
      // Staff enrol anyone; a member for its own organization or on its own; an individual on
      // its own. Another organization's enrolment does not exist for them.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "org_member", "individual")) return "forbidden";
      if (!subject?.organizationId) return "allow";
      return hasRole(actor, "org_member") && ownOrganization(actor, subject) ? "allow" : "not_found";
    case "training.attend":
      // Checking in and giving feedback are the participant's own acts (the service finds the
      // enrolment by the actor): people who enrol.
      return hasRole(actor, "admin", "staff", "org_member", "individual") ? "allow" : "forbidden";
    case "service.catalogue.read":
      // The catalogue: staff manage it, organizations ask from it, handlers see what they may handle.
      return hasRole(actor, "admin", "staff", "org_member", "mentor", "partner") ? "allow" : "forbidden";
    case "service.catalogue.manage":
    case "service.manage":
      // Accepting, declining, assigning, recording unasked and in bulk, the queue's export: staff.
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "service.ask":
      // Asking (and cancelling, and the organization's side of the thread) is the organization's own act.
      if (!hasRole(actor, "org_member")) return "forbidden";
      if (!subject) return actor.organizationId ? "allow" : "forbidden";
      return ownOrganization(actor, subject) ? "allow" : "not_found";
    case "service.read":
      // Staff; the organization's members; the handler (a mentor assigned, a user of the partner assigned).
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      if (hasRole(actor, "mentor", "partner") && subject && related(subject, "handler")) return "allow";
      return hasRole(actor, "org_member", "mentor", "partner") ? "not_found" : "forbidden";
    case "service.handle":
      // Scheduling and closing with a record: staff, or the handler assigned.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "mentor", "partner")) return "forbidden";
      return !subject || related(subject, "handler") ? "allow" : "not_found";
    case "service.rate":
      // Only a member of the organization served rates what it was given.
      if (!hasRole(actor, "org_member")) return "forbidden";
      return !subject || ownOrganization(actor, subject) ? "allow" : "not_found";
    case "post.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "post.feed":
      // Every signed-in user of a base has a feed: the base's posts for signed-in users, and
      // the targeted ones that reach their organization.
      return "allow";
    case "post.read":
      // Staff read every post of the base; anyone else only a published post meant for them
      // (the loader's relation): a draft, a scheduled post or another organization's targeted
      // post does not exist for them.
      if (hasRole(actor, "admin", "staff")) return "allow";
      return !subject || related(subject, "post_reader") ? "allow" : "not_found";
    case "mentor.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "mentor.self":
      return hasRole(actor, "mentor") ? "allow" : "forbidden";
    case "mentoring.read":
      // The sessions of an incubation: staff; the organization's members; its current mentors.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      if (hasRole(actor, "mentor") && subject && related(subject, "mentor")) return "allow";
      return hasRole(actor, "org_member", "mentor") ? "not_found" : "forbidden";
    case "mentoring.log":
      // Only a current mentor of the incubation logs its sessions; any other mentor finds nothing.
      if (!hasRole(actor, "mentor")) return "forbidden";
      return !subject || related(subject, "mentor") ? "allow" : "not_found";
    case "mentoring.answer":
      // Only the mentored organization says whether a session took place and rates it.
      if (!hasRole(actor, "org_member")) return "forbidden";
      return !subject || ownOrganization(actor, subject) ? "allow" : "not_found";
    case "person.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "person.read":
      // Staff read any person of the base; an individual only itself.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (!hasRole(actor, "individual")) return "forbidden";
      return !subject || related(subject, "self") ? "allow" : "not_found";
    case "person.self":
      return hasRole(actor, "individual") ? "allow" : "forbidden";
    case "funding.manage":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "funding.read":
      // A project or grant: staff; the organization's members; a partner when the grant is from
      // its fund (a project when any of its grants is: the loader's partnerId); the incubation's
      // mentors (the relation), who advise on the project.
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member") && ownOrganization(actor, subject)) return "allow";
      if (hasRole(actor, "partner") && actor.partnerId && subject?.partnerId === actor.partnerId)
        return "allow";
      if (hasRole(actor, "mentor") && subject && related(subject, "mentor")) return "allow";
      return hasRole(actor, "org_member", "partner", "mentor") ? "not_found" : "forbidden";
    case "funding.report":
      // Spending items, progress reports and replication sites are the grantee's own reports.
      if (!hasRole(actor, "org_member")) return "forbidden";
      return !subject || ownOrganization(actor, subject) ? "allow" : "not_found";
    case "funding.figures":
      return hasRole(actor, "admin", "staff", "government_viewer") ? "allow" : "forbidden";
    case "stats.recruitment":
      // Counts of the recruitment and the registry, for the base and the public bodies it
      // reports to (agency statistics); experts, mentors, partners and members have no use for them.
      return hasRole(actor, "admin", "staff", "government_viewer", "community_liaison")
        ? "allow"
        : "forbidden";
  }
}

/** The lists the policy scopes: each list's query is filtered through `listScope`. */
export type ListAction =
  | "organization.list"
  | "application.list"
  | "application.listOwn"
  | "call.manage"
  | "user.manage"
  | "audit.read"
  | "stats.recruitment"
  | "inspection.list"
  | "review.listOwn"
  | "incubation.list"
  | "service.list"
  | "funding.list";

/**
 * Which records a list (or a set of figures) may show: those of some bases, those of one town of
 * a base (a liaison's: its organizations and what is theirs), those of one organization, or those
 * assigned to the actor within its base (an inspector's inspections, an expert's reviews).
 */
export type ListScope =
  | { kind: "bases"; baseIds: "all" | string[] }
  | { kind: "assigned"; baseId: string; userId: string }
  /** What is assigned to the actor's partner (any of its users handles it). */
  | { kind: "partner"; baseId: string; partnerId: string | null }
  | { kind: "town"; baseId: string; townId: string | null }
  | { kind: "organization"; baseId: string; organizationId: string | null };

/** The scope of a list for this actor, or null when the actor may not see the list at all. */
export function listScope(actor: Actor, action: ListAction): ListScope | null {
  const ownBase: ListScope = { kind: "bases", baseIds: [actor.baseId] };
  const own: ListScope = { kind: "organization", baseId: actor.baseId, organizationId: actor.organizationId };
  switch (action) {
    case "organization.list":
    case "stats.recruitment":
      // A liaison serves one town: its registry and its figures are that town's, the same rows.
      if (hasRole(actor, "admin", "staff")) return ownBase;
      if (hasRole(actor, "government_viewer"))
        return actor.crossBase ? { kind: "bases", baseIds: "all" } : ownBase;
      if (hasRole(actor, "community_liaison"))
        return { kind: "town", baseId: actor.baseId, townId: actor.townId };
      return action === "organization.list" && hasRole(actor, "org_member") ? own : null;
    case "inspection.list":
      // Staff see the base's inspections; an expert who inspects sees those they are named on.
      if (hasRole(actor, "admin", "staff")) return ownBase;
      return hasRole(actor, "expert")
        ? { kind: "assigned", baseId: actor.baseId, userId: actor.userId }
        : null;
    case "review.listOwn":
      return hasRole(actor, "expert")
        ? { kind: "assigned", baseId: actor.baseId, userId: actor.userId }
        : null;
    case "incubation.list":
      // Staff see the base's incubations; a member its organization's; an expert those it is
      // invited to assess, a mentor those it currently mentors (both "assigned").
      if (hasRole(actor, "admin", "staff")) return ownBase;
      if (hasRole(actor, "org_member") && actor.organizationId) return own;
      return hasRole(actor, "expert", "mentor")
        ? { kind: "assigned", baseId: actor.baseId, userId: actor.userId }
        : null;
    case "service.list":
      // Staff the base's requests; a member its organization's; a mentor those assigned to them; a
      // partner user those assigned to its partner.
      if (hasRole(actor, "admin", "staff")) return ownBase;
      if (hasRole(actor, "org_member") && actor.organizationId) return own;
      if (hasRole(actor, "mentor")) return { kind: "assigned", baseId: actor.baseId, userId: actor.userId };
      if (hasRole(actor, "partner"))
        return { kind: "partner", baseId: actor.baseId, partnerId: actor.partnerId };
      return null;
    case "funding.list":
      // Projects and grants: staff the base's; a member its organization's; a partner user those
      // from its partner's funds (a project when any of its grants is).
      if (hasRole(actor, "admin", "staff")) return ownBase;
      if (hasRole(actor, "org_member") && actor.organizationId) return own;
      if (hasRole(actor, "partner"))
        return { kind: "partner", baseId: actor.baseId, partnerId: actor.partnerId };
      return null;
    case "application.listOwn":
      return hasRole(actor, "org_member") && actor.organizationId ? own : null;
    case "application.list":
    case "call.manage":
    case "user.manage":
    case "audit.read":
      return decide(actor, action) === "allow" ? ownBase : null;
  }
}

function related(subject: Subject, relation: Relation): boolean {
  return subject.relations?.includes(relation) ?? false;
}

function sameTown(actor: Actor, subject: Subject | undefined): boolean {
  return !!actor.townId && subject?.townId === actor.townId;
}

function ownOrganization(actor: Actor, subject?: Subject): boolean {
  return !!subject?.organizationId && subject.organizationId === actor.organizationId;
}

function canReadAcrossBases(actor: Actor, action: Action): boolean {
  return actor.crossBase && hasRole(actor, "government_viewer") && action === "organization.read";
}

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
  | "application.review"
  | "application.export"
  | "user.manage"
  | "audit.read"
  | "reference.read"
  | "stats.read"
  | "stats.recruitment";

/** The record a decision is about, where one is. */
export interface Subject {
  baseId: string;
  organizationId?: string | null;
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
      if (hasRole(actor, "admin", "staff", "government_viewer", "community_liaison")) return "allow";
      if (hasRole(actor, "org_member")) return ownOrganization(actor, subject) ? "allow" : "not_found";
      return "forbidden";
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
    case "application.review":
    case "application.export":
      return hasRole(actor, "admin", "staff") ? "allow" : "forbidden";
    case "application.read":
      if (hasRole(actor, "admin", "staff")) return "allow";
      if (hasRole(actor, "org_member")) return ownOrganization(actor, subject) ? "allow" : "not_found";
      return "forbidden";
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
    case "stats.recruitment":
      // Counts of the recruitment and the registry, for the base and the public bodies it
      // reports to (agency statistics); experts, mentors, partners and members have no use for them.
      return hasRole(actor, "admin", "staff", "government_viewer", "community_liaison")
        ? "allow"
        : "forbidden";
  }
}

/** Which organizations a list may show: all of the actor's base(s), or only the actor's own. */
export type OrganizationScope =
  | { kind: "bases"; baseIds: "all" | string[] }
  | { kind: "own"; baseId: string; organizationId: string | null };

export function organizationScope(actor: Actor): OrganizationScope {
  if (hasRole(actor, "admin", "staff", "community_liaison"))
    return { kind: "bases", baseIds: [actor.baseId] };
  if (hasRole(actor, "government_viewer")) {
    return { kind: "bases", baseIds: actor.crossBase ? "all" : [actor.baseId] };
  }
  return { kind: "own", baseId: actor.baseId, organizationId: actor.organizationId };
}

/**
 * What the figures count: whole bases, or for a community liaison the organizations of their
 * town (null until the administrator sets it: then nothing). Null for roles that read none.
 * The broadest role wins, so a viewer who is also a liaison sees the base.
 */
export type FiguresScope =
  | { kind: "bases"; baseIds: "all" | string[] }
  | { kind: "town"; baseId: string; townId: string | null };

export function figuresScope(actor: Actor): FiguresScope | null {
  if (hasRole(actor, "admin", "staff")) return { kind: "bases", baseIds: [actor.baseId] };
  if (hasRole(actor, "government_viewer")) {
    return { kind: "bases", baseIds: actor.crossBase ? "all" : [actor.baseId] };
  }
  if (hasRole(actor, "community_liaison"))
    return { kind: "town", baseId: actor.baseId, townId: actor.townId };
  return null;
}

function ownOrganization(actor: Actor, subject?: Subject): boolean {
  return !!subject?.organizationId && subject.organizationId === actor.organizationId;
}

function canReadAcrossBases(actor: Actor, action: Action): boolean {
  return actor.crossBase && hasRole(actor, "government_viewer") && action === "organization.read";
}

/** The parties who use the platform (docs/DOMAIN.md, the roles). */
export const ROLES = [
  "admin",
  "staff",
  "expert",
  "mentor",
  "org_member",
  "government_viewer",
  "community_liaison",
  "partner",
  // A person without an organization (a member of the public at a training, a trainee of the
  // talent programme), registered with a confirmed phone or added by staff.
  "individual",
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: what every policy decision is made from. */
export interface Actor {
  userId: string;
  baseId: string;
  roles: readonly Role[];
  organizationId: string | null;
  /** A city-level government viewer reads across the bases of the installation. */
  crossBase: boolean;
  /** A community liaison's town (镇街), set by the administrator; null for everyone else. */
  townId: string | null;
  /** A partner user's partner (enterprise, foundation, hub organization); null for everyone else. */
  partnerId: string | null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

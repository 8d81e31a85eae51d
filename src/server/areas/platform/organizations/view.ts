/**
 * How an organization row becomes the `Organization` a client sees: town, community and hub
 * names joined in the same query (no query per row), and the contact phone masked unless the
 * viewer is the organization itself.
 */
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../../db/client";
import { communities, organizationColumns, organizations, towns } from "../../../../db/schema";
import type { Subject } from "../../../../domain/access";
import { maskMobile } from "../../../../domain/phone";
import { type Actor, hasRole } from "../../../../domain/roles";
import type { Organization } from "../../../../schemas/platform/organizations";

const hubs = alias(organizations, "hub");

/** Community names in the order of `community_ids`, so the two arrays line up. */
const communityNames = sql<string[]>`array(
  select coalesce(c.name, '')
  from unnest(${organizations.communityIds}) with ordinality as u(id, n)
  left join ${communities} c on c.id = u.id
  order by u.n
)`;

const columns = {
  ...organizationColumns,
  townName: towns.name,
  hubOrganizationName: hubs.name,
  communityNames,
};

/** The one query shape behind the list, the detail and the export. */
export function selectOrganizations(db: Db) {
  return db
    .select(columns)
    .from(organizations)
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .leftJoin(hubs, eq(hubs.id, organizations.hubOrganizationId))
    .$dynamic();
}

export type OrganizationRow = Awaited<ReturnType<ReturnType<typeof selectOrganizations>["execute"]>>[number];

export async function findOrganizationView(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await selectOrganizations(db).where(eq(organizations.id, id)).limit(1);
  return row;
}

export function toOrganization(row: OrganizationRow, options: { revealPhone: boolean }): Organization {
  const masked = !options.revealPhone && row.contactPhone !== null;
  return {
    id: row.id,
    baseId: row.baseId,
    name: row.name,
    registrationStatus: row.registrationStatus,
    creditCode: row.creditCode,
    foundedOn: row.foundedOn,
    fields: row.fields,
    townId: row.townId,
    townName: row.townName,
    communityIds: row.communityIds,
    communityNames: row.communityNames ?? [],
    address: row.address,
    leaderName: row.leaderName,
    contactName: row.contactName,
    contactPhone: masked ? maskMobile(row.contactPhone) : row.contactPhone,
    contactPhoneMasked: masked,
    staffCount: row.staffCount,
    volunteerCount: row.volunteerCount,
    partyOrganization: row.partyOrganization,
    partyMemberCount: row.partyMemberCount,
    residency: row.residency,
    hubOrganizationId: row.hubOrganizationId,
    hubOrganizationName: row.hubOrganizationName,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A member sees its own organization's phone whole (it is their own data); everyone else sees
 * it masked, and base staff reveal it through the audited contact route.
 */
export function seesOwnPhone(actor: Actor, organizationId: string): boolean {
  return hasRole(actor, "org_member") && actor.organizationId === organizationId;
}

export function subjectOf(row: { id: string; baseId: string; townId: string | null }): Subject {
  return { baseId: row.baseId, organizationId: row.id, townId: row.townId };
}

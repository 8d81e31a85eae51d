/**
 * The registry profile an application is judged by and a submission freezes: one query, used by
 * the applications area and by the demo data (whose snapshots must look like real ones); its
 * columns also by the bench, which takes its applicants' profiles from the rows it inserts.
 */
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { organizations, towns } from "./schema";

export async function findOrganizationProfile(tx: Db, organizationId: string) {
  const [row] = await tx
    .select({ ...PROFILE_COLUMNS, townName: towns.name })
    .from(organizations)
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row;
}

/** The profile's own columns (its town's name comes from a join): for a query that adds others. */
export const PROFILE_COLUMNS = {
  id: organizations.id,
  name: organizations.name,
  registrationStatus: organizations.registrationStatus,
  creditCode: organizations.creditCode,
  foundedOn: organizations.foundedOn,
  townId: organizations.townId,
  fields: organizations.fields,
  leaderName: organizations.leaderName,
  contactName: organizations.contactName,
  contactPhone: organizations.contactPhone,
  staffCount: organizations.staffCount,
  volunteerCount: organizations.volunteerCount,
  address: organizations.address,
  description: organizations.description,
};

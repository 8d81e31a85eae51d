/**
 * The registry profile an application is judged by and a submission freezes: one query, used by
 * the applications area and by the demo data (whose snapshots must look like real ones).
 */
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { organizations, towns } from "./schema";

export async function findOrganizationProfile(tx: Db, organizationId: string) {
  const [row] = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      registrationStatus: organizations.registrationStatus,
      creditCode: organizations.creditCode,
      foundedOn: organizations.foundedOn,
      townId: organizations.townId,
      townName: towns.name,
      fields: organizations.fields,
      leaderName: organizations.leaderName,
      contactName: organizations.contactName,
      contactPhone: organizations.contactPhone,
      staffCount: organizations.staffCount,
      volunteerCount: organizations.volunteerCount,
      address: organizations.address,
      description: organizations.description,
    })
    .from(organizations)
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row;
}

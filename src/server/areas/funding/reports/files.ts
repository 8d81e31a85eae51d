/** A progress report as the owner of files (the files area's owner registry). */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { grants, progressReports } from "../../../../db/schema";
import type { Subject } from "../../../../domain/access";

/**
 * The report's grant as the subject: staff, the grantee's members and the fund's partner read its
 * photos (funding.read); only the grantee attaches (funding.report). A mentor's relation is not
 * looked up here: a mentor reads the report's text, not its photos.
 */
export async function reportOwnerSubject(db: Db, id: string): Promise<Subject | null> {
  const [row] = await db
    .select({ baseId: grants.baseId, organizationId: grants.organizationId, partnerId: grants.partnerId })
    .from(progressReports)
    .innerJoin(grants, eq(grants.id, progressReports.grantId))
    .where(eq(progressReports.id, id))
    .limit(1);
  return row ?? null;
}

/** An organization's audience facts (src/domain/services/audience.ts), read from the registry. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { incubations, organizations } from "../../../../db/schema";
import type { AudienceFacts } from "../../../../domain/services/audience";

export async function audienceFactsOf(db: Db, organizationId: string): Promise<AudienceFacts | null> {
  const [row] = await db
    .select({
      residency: organizations.residency,
      graduated: sql<boolean>`exists (select 1 from ${incubations} where ${and(
        eq(incubations.organizationId, organizations.id),
        eq(incubations.status, "graduated"),
      )})`,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row ?? null;
}

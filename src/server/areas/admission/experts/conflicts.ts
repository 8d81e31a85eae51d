/**
 * Conflicts of interest between experts and organizations: the stored ones (declared by the
 * expert, recorded by staff) and the detected ones, computed from the records each time so they
 * never go stale. Assignment never pairs a conflicted expert with the organization's
 * application, and the expert cannot open it (404); staff see the reason.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { expertConflicts, inspectionInspectors, inspections, users } from "../../../../db/schema";
import type { ConflictSource, DetectedConflict } from "../../../../domain/review/round";

export interface ConflictFinding {
  expertId: string;
  organizationId: string;
  kind: ConflictSource | DetectedConflict;
  /** For stored conflicts, the reason as written; for detected ones, what was found. */
  reason: string;
}

/** Every conflict between these experts and these organizations of one base. */
export async function findConflicts(
  db: Db,
  baseId: string,
  expertIds: readonly string[],
  organizationIds: readonly string[],
): Promise<ConflictFinding[]> {
  if (expertIds.length === 0 || organizationIds.length === 0) return [];
  const experts = [...expertIds];
  const orgs = [...organizationIds];
  const stored = await db
    .select({
      expertId: expertConflicts.expertId,
      organizationId: expertConflicts.organizationId,
      kind: expertConflicts.source,
      reason: expertConflicts.reason,
    })
    .from(expertConflicts)
    .where(
      and(
        eq(expertConflicts.baseId, baseId),
        inArray(expertConflicts.expertId, experts),
        inArray(expertConflicts.organizationId, orgs),
      ),
    );
  // The expert's account belongs to the organization (a member who also reviews).
  const members = await db
    .select({ expertId: users.id, organizationId: users.organizationId })
    .from(users)
    .where(and(inArray(users.id, experts), inArray(users.organizationId, orgs)));
  // The expert inspected the organization (any inspection of it, in this base).
  const inspected = await db
    .selectDistinct({ expertId: inspectionInspectors.userId, organizationId: inspections.organizationId })
    .from(inspectionInspectors)
    .innerJoin(inspections, eq(inspections.id, inspectionInspectors.inspectionId))
    .where(
      and(
        eq(inspections.baseId, baseId),
        inArray(inspectionInspectors.userId, experts),
        inArray(inspections.organizationId, orgs),
      ),
    );
  return [
    ...stored,
    ...members.map((m) => ({
      expertId: m.expertId,
      organizationId: m.organizationId as string,
      kind: "member" as const,
      reason: "member",
    })),
    ...inspected.map((i) => ({ ...i, kind: "inspector" as const, reason: "inspector" })),
  ];
}

/**
 * The `assigned_expert` relation (src/domain/access.ts): an expert is assigned to an application
 * when they have a review of it in a round that has opened, and no conflict with its
 * organization is found now (a conflict declared or detected after the assignment also hides it).
 * Without the relation the application, its files and the review do not exist for the expert.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { reviewRounds, reviews } from "../../../../db/schema";
import type { Relation } from "../../../../domain/access";
import { type Actor, hasRole } from "../../../../domain/roles";
import { findConflicts } from "../experts/conflicts";

export async function isConflicted(db: Db, baseId: string, expertId: string, organizationId: string) {
  return (await findConflicts(db, baseId, [expertId], [organizationId])).length > 0;
}

export async function reviewRelations(
  db: Db,
  actor: Actor,
  application: { id: string; baseId: string; organizationId: string },
): Promise<Relation[]> {
  if (!hasRole(actor, "expert") || application.baseId !== actor.baseId) return [];
  const [row] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviews.roundId))
    .where(
      and(
        eq(reviews.subjectId, application.id),
        eq(reviews.expertId, actor.userId),
        ne(reviewRounds.status, "draft"),
      ),
    )
    .limit(1);
  if (!row) return [];
  if (await isConflicted(db, application.baseId, actor.userId, application.organizationId)) return [];
  return ["assigned_expert"];
}

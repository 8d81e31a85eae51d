/**
 * Who may enrol: the training's audiences (resident, virtual, graduated, public) against the
 * organization a person comes for (its residency and whether it has graduated), or, for a person
 * on their own, the public (src/domain/services/audience.ts).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { incubations, organizations } from "../../../../db/schema";
import type { Actor } from "../../../../domain/roles";
import { type AudienceFacts, audiencesOf } from "../../../../domain/services/audience";
import type { Audience } from "../../../../domain/services/categories";

/** The organization's facts, or null when there is no such organization in the base. */
export async function organizationFacts(
  db: Db,
  baseId: string,
  organizationId: string,
): Promise<AudienceFacts | null> {
  const [row] = await db
    .select({
      residency: organizations.residency,
      graduated: incubations.id,
    })
    .from(organizations)
    .leftJoin(
      incubations,
      and(eq(incubations.organizationId, organizations.id), eq(incubations.status, "graduated")),
    )
    .where(and(eq(organizations.id, organizationId), eq(organizations.baseId, baseId)))
    .limit(1);
  return row ? { residency: row.residency, graduated: row.graduated !== null } : null;
}

/** The audiences whose trainings the actor sees: the public, and their organization's. */
export async function audiencesOfActor(db: Db, actor: Actor): Promise<Audience[]> {
  if (!actor.organizationId) return ["public"];
  const facts = await organizationFacts(db, actor.baseId, actor.organizationId);
  return facts ? [...new Set<Audience>(["public", ...audiencesOf(facts)])] : ["public"];
}

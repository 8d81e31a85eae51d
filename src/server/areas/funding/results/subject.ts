/**
 * A project as the policy's subject for `funding.read`: its base and organization, the actor's
 * partner when one of the project's grants is from that partner's fund, and `mentor` when the
 * actor is a current mentor of the project's incubation.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { grants, mentorships } from "../../../../db/schema";
import type { Relation, Subject } from "../../../../domain/access";
import { type Actor, hasRole } from "../../../../domain/roles";

export async function projectSubject(
  db: Db,
  actor: Actor,
  project: { id: string; baseId: string; organizationId: string; incubationId: string },
): Promise<Subject> {
  const subject: Subject = { baseId: project.baseId, organizationId: project.organizationId };
  if (actor.baseId !== project.baseId) return subject;
  if (hasRole(actor, "partner") && actor.partnerId) {
    const [granted] = await db
      .select({ id: grants.id })
      .from(grants)
      .where(and(eq(grants.projectId, project.id), eq(grants.partnerId, actor.partnerId)))
      .limit(1);
    if (granted) subject.partnerId = actor.partnerId;
  }
  const relations: Relation[] = [];
  if (hasRole(actor, "mentor")) {
    const [paired] = await db
      .select({ id: mentorships.id })
      .from(mentorships)
      .where(
        and(
          eq(mentorships.incubationId, project.incubationId),
          eq(mentorships.mentorId, actor.userId),
          eq(mentorships.status, "active"),
        ),
      )
      .limit(1);
    if (paired) relations.push("mentor");
  }
  return { ...subject, relations };
}

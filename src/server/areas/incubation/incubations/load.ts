/**
 * Finding an incubation with the policy check. The loader fills the actor's relations to it: an
 * expert invited to assess it (`assessor`, an assessment of it names them) and, with the mentor
 * programme, its mentors (`mentor`). Anyone else outside the base's staff and the organization's
 * members finds nothing (404). Every stage 4 record (assessments, the plan, the growth file)
 * hangs off an incubation and is checked through here.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { assessments, incubations, mentorships } from "../../../../db/schema";
import type { Action, Relation, Subject } from "../../../../domain/access";
import type { Actor } from "../../../../domain/roles";
import { hasRole } from "../../../../domain/roles";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";

export type IncubationRow = typeof incubations.$inferSelect;

/** The actor's relations to the incubation: an expert its assessor, a mentor its current mentor. */
async function incubationRelations(db: Db, actor: Actor, row: IncubationRow): Promise<Relation[]> {
  if (actor.baseId !== row.baseId) return [];
  const relations: Relation[] = [];
  if (hasRole(actor, "mentor")) {
    const [paired] = await db
      .select({ id: mentorships.id })
      .from(mentorships)
      .where(
        and(
          eq(mentorships.incubationId, row.id),
          eq(mentorships.mentorId, actor.userId),
          eq(mentorships.status, "active"),
        ),
      )
      .limit(1);
    if (paired) relations.push("mentor");
  }
  if (!hasRole(actor, "expert")) return relations;
  const [named] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.incubationId, row.id), eq(assessments.assessorId, actor.userId)))
    .limit(1);
  return named ? [...relations, "assessor"] : relations;
}

/** The subject of one incubation for this actor: its base and organization, and the actor's relations. */
export async function incubationSubject(db: Db, actor: Actor, row: IncubationRow): Promise<Subject> {
  return {
    baseId: row.baseId,
    organizationId: row.organizationId,
    relations: await incubationRelations(db, actor, row),
  };
}

/** The incubation `id` for `action`, FOR UPDATE when the caller is about to change it. */
export async function loadIncubation(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<IncubationRow> {
  requireRoleFor(ctx.actor, action);
  const query = tx.select().from(incubations).where(eq(incubations.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, action, await incubationSubject(tx, ctx.actor, row));
  return row;
}

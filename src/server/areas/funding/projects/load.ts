/**
 * A project as the policy sees it: its base, its organization, the partner whose fund granted it
 * (when the reader is that partner's user) and the incubation's mentor relation. Every project
 * route loads through here, so another organization's or another partner's project is 404.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { grants, mentorships, projects } from "../../../../db/schema";
import { type Action, decide, type Relation, type Subject } from "../../../../domain/access";
import { type Actor, hasRole } from "../../../../domain/roles";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { PROJECT_STATUS_WORDS } from "./words";

export type ProjectRow = typeof projects.$inferSelect;

async function projectSubject(db: Db, actor: Actor, row: ProjectRow): Promise<Subject> {
  const subject: Subject = { baseId: row.baseId, organizationId: row.organizationId };
  if (actor.baseId !== row.baseId) return subject;
  const relations: Relation[] = [];
  if (hasRole(actor, "mentor")) {
    const [paired] = await db
      .select({ id: mentorships.id })
      .from(mentorships)
      .where(
        and(
          eq(mentorships.incubationId, row.incubationId),
          eq(mentorships.mentorId, actor.userId),
          eq(mentorships.status, "active"),
        ),
      )
      .limit(1);
    if (paired) relations.push("mentor");
  }
  if (hasRole(actor, "partner") && actor.partnerId) {
    const [granted] = await db
      .select({ one: sql`1` })
      .from(grants)
      .where(and(eq(grants.projectId, row.id), eq(grants.partnerId, actor.partnerId)))
      .limit(1);
    if (granted) subject.partnerId = actor.partnerId;
  }
  return { ...subject, relations };
}

/** The project `id` checked for `action` (and for reading first); FOR UPDATE with `lock`. */
export async function loadProject(
  tx: Db,
  ctx: Context,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<ProjectRow> {
  requireRoleFor(ctx.actor, action);
  const query = tx.select().from(projects).where(eq(projects.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  const subject = await projectSubject(tx, ctx.actor, row);
  // Whoever may not even read it finds nothing, whatever the action.
  if (action !== "funding.read" && decide(ctx.actor, "funding.read", subject) !== "allow") throw notFound();
  requireAccess(ctx.actor, action, subject);
  return row;
}

/** 409: the project's status does not allow this, in the reader's language. */
export function projectStatusInvalid(ctx: Context, row: ProjectRow): AppError {
  return new AppError("project_status_invalid", {
    params: { status: PROJECT_STATUS_WORDS[ctx.lang][row.status] },
    details: { currentStatus: row.status },
  });
}

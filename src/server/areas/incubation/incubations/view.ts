/**
 * One incubation as its page shows it: organization, cohort, dates, status, the person
 * responsible and the history. Staff see the actions they may take; the organization's members
 * read it (no actions); an expert invited to assess it reads it as well.
 */
import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { cohorts, incubationEvents, incubations, organizations, users } from "../../../../db/schema";
import { decide } from "../../../../domain/access";
import { availableIncubationEvents } from "../../../../domain/incubation/lifecycle";
import type { Incubation, OrganizationIncubations } from "../../../../schemas/incubation/incubations";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { loadIncubation } from "./load";

export async function incubationView(db: Db, ctx: Context, id: string): Promise<Incubation> {
  const row = await loadIncubation(db, ctx, id, "incubation.read");
  const [[detail], history] = await Promise.all([
    db
      .select({
        organizationName: organizations.name,
        cohortName: cohorts.name,
        cohortStartsOn: cohorts.startsOn,
        responsibleName: users.displayName,
      })
      .from(incubations)
      .innerJoin(organizations, eq(organizations.id, incubations.organizationId))
      .innerJoin(cohorts, eq(cohorts.id, incubations.cohortId))
      .leftJoin(users, eq(users.id, incubations.responsibleId))
      .where(eq(incubations.id, row.id)),
    db
      .select()
      .from(incubationEvents)
      .where(eq(incubationEvents.incubationId, row.id))
      .orderBy(asc(incubationEvents.createdAt), asc(incubationEvents.id)),
  ]);
  if (!detail) throw notFound();
  const manages = decide(ctx.actor, "incubation.manage") === "allow";
  return {
    id: row.id,
    organization: { id: row.organizationId, name: detail.organizationName },
    applicationId: row.applicationId,
    cohort: { id: row.cohortId, name: detail.cohortName, startsOn: detail.cohortStartsOn },
    track: row.track,
    residency: row.residency,
    needsDesk: row.needsDesk,
    origin: row.origin,
    enrolReason: manages ? row.enrolReason : null,
    startOn: row.startOn,
    plannedEndOn: row.plannedEndOn,
    endedOn: row.endedOn,
    responsible:
      row.responsibleId && detail.responsibleName
        ? { id: row.responsibleId, name: detail.responsibleName }
        : null,
    status: row.status,
    actions: manages ? availableIncubationEvents(row.status) : [],
    canEdit: manages && row.status !== "graduated" && row.status !== "terminated",
    history: history.map((h) => ({
      id: h.id,
      event: h.event,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      // A direct enrolment's reason is the base's note; members see the step, not the note.
      reason: h.event === "enrol" && !manages ? null : h.reason,
      details: h.details,
      actorName: h.actorName,
      at: h.createdAt.toISOString(),
    })),
    version: row.version,
  };
}

/** An organization's incubations, newest first (its page, the member's home card). */
export async function incubationsOfOrganization(
  db: Db,
  ctx: Context,
  organizationId: string,
): Promise<OrganizationIncubations> {
  requireRoleFor(ctx.actor, "incubation.read");
  const [organization] = await db
    .select({ baseId: organizations.baseId })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw notFound();
  requireAccess(ctx.actor, "incubation.read", { baseId: organization.baseId, organizationId, relations: [] });
  const rows = await db
    .select({
      id: incubations.id,
      cohortName: cohorts.name,
      track: incubations.track,
      status: incubations.status,
      startOn: incubations.startOn,
      plannedEndOn: incubations.plannedEndOn,
      endedOn: incubations.endedOn,
    })
    .from(incubations)
    .innerJoin(cohorts, eq(cohorts.id, incubations.cohortId))
    .where(eq(incubations.organizationId, organizationId))
    .orderBy(desc(incubations.startOn), desc(incubations.createdAt));
  return { items: rows };
}

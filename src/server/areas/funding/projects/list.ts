/**
 * The project list: staff the base's, a member its organization's, a partner user those with a
 * grant from its partner's funds (the policy's `funding.list`); filters by status, track, field,
 * flagship programme, incubation and words (title or organization). One query for the page and
 * one for the count, whatever the page size.
 */
import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { flagshipProgrammes, grants, incubations, organizations, projects } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import { COMMITTED_GRANT_STATUSES } from "../../../../domain/funding/grant";
import type { ProjectEntry, ProjectPage, ZProjectQuery } from "../../../../schemas/funding/projects";
import type { Context } from "../../../context";
import { requireListScope } from "../../../scope";

type ProjectFilter = z.output<typeof ZProjectQuery>;

const committedList = sql.join(
  COMMITTED_GRANT_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

const committedFen = sql<number>`(SELECT coalesce(sum(${grants.amountFen}), 0)::bigint FROM ${grants}
  WHERE ${grants.projectId} = ${projects.id} AND ${grants.status} IN (${committedList}))`.mapWith(Number);
const grantCount = sql<number>`(SELECT count(*) FROM ${grants}
  WHERE ${grants.projectId} = ${projects.id} AND ${grants.status} <> 'cancelled')`.mapWith(Number);

function projectWhere(ctx: Context, filter: Partial<ProjectFilter>): SQL | undefined {
  const scope = requireListScope(ctx.actor, "funding.list");
  const where: (SQL | undefined)[] = [];
  if (scope.kind === "bases") where.push(eq(projects.baseId, ctx.actor.baseId));
  else if (scope.kind === "organization" && scope.organizationId)
    where.push(and(eq(projects.baseId, scope.baseId), eq(projects.organizationId, scope.organizationId)));
  else if (scope.kind === "partner" && scope.partnerId)
    where.push(
      eq(projects.baseId, scope.baseId),
      sql`EXISTS (SELECT 1 FROM ${grants} WHERE ${grants.projectId} = ${projects.id}
        AND ${grants.partnerId} = ${scope.partnerId})`,
    );
  else where.push(sql`false`);
  if (filter.status) where.push(eq(projects.status, filter.status));
  if (filter.track) where.push(eq(incubations.track, filter.track));
  if (filter.field) where.push(sql`${filter.field} = ANY(${projects.fields})`);
  if (filter.programmeId) where.push(eq(projects.flagshipProgrammeId, filter.programmeId));
  if (filter.incubationId) where.push(eq(projects.incubationId, filter.incubationId));
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    where.push(or(ilike(projects.title, like), ilike(organizations.name, like)));
  }
  return and(...where);
}

export function selectProjects(db: Db) {
  return db
    .select({
      p: projects,
      organizationName: organizations.name,
      track: incubations.track,
      programmeName: flagshipProgrammes.name,
      committedFen,
      grantCount,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.organizationId))
    .innerJoin(incubations, eq(incubations.id, projects.incubationId))
    .leftJoin(flagshipProgrammes, eq(flagshipProgrammes.id, projects.flagshipProgrammeId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectProjects>["execute"]>>[number];

export function toProjectEntry(row: Row): ProjectEntry {
  const p = row.p;
  return {
    id: p.id,
    title: p.title,
    organizationId: p.organizationId,
    organizationName: row.organizationName,
    incubationId: p.incubationId,
    track: row.track,
    status: p.status,
    fields: p.fields,
    programmeName: row.programmeName,
    committedFen: row.committedFen,
    grantCount: row.grantCount,
    createdAt: p.createdAt.toISOString(),
    version: p.version,
  };
}

export async function listProjects(db: Db, ctx: Context, filter: ProjectFilter): Promise<ProjectPage> {
  const where = projectWhere(ctx, filter);
  const [rows, [total]] = await Promise.all([
    selectProjects(db)
      .where(where)
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: count() })
      .from(projects)
      .innerJoin(organizations, eq(organizations.id, projects.organizationId))
      .innerJoin(incubations, eq(incubations.id, projects.incubationId))
      .where(where),
  ]);
  return {
    items: rows.map(toProjectEntry),
    total: total?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

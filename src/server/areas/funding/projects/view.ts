/**
 * One project for its page: the entry, the logical framework, the indicators now in it, its
 * grants in summary (read from the grants table: number, fund, amount, status), its replication
 * sites, and what the reader may do.
 */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { funds, grants, projectIndicators, projects, replicationSites } from "../../../../db/schema";
import { projectEditable } from "../../../../domain/funding/project";
import { hasRole } from "../../../../domain/roles";
import type { Indicator, ProjectView, ReplicationSite } from "../../../../schemas/funding/projects";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { selectProjects, toProjectEntry } from "./list";
import { loadProject } from "./load";

type IndicatorRow = typeof projectIndicators.$inferSelect;

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    level: row.level,
    name: row.name,
    unit: row.unit,
    baselineValue: Number(row.baselineValue),
    targetValue: Number(row.targetValue),
    method: row.method,
    frequency: row.frequency,
    removed: row.removedAt !== null,
  };
}

export function toSite(row: typeof replicationSites.$inferSelect): ReplicationSite {
  return {
    id: row.id,
    town: row.town,
    community: row.community,
    year: row.year,
    fundedBy: row.fundedBy,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The project's indicators in their order; the removed ones only with `removed`. */
export async function indicatorsOf(db: Db, projectId: string, removed = false): Promise<Indicator[]> {
  const rows = await db
    .select()
    .from(projectIndicators)
    .where(
      and(
        eq(projectIndicators.projectId, projectId),
        removed ? undefined : isNull(projectIndicators.removedAt),
      ),
    )
    .orderBy(asc(projectIndicators.sortOrder), asc(projectIndicators.name));
  return rows.map(toIndicator);
}

export async function sitesOf(db: Db, projectId: string): Promise<ReplicationSite[]> {
  const rows = await db
    .select()
    .from(replicationSites)
    .where(eq(replicationSites.projectId, projectId))
    .orderBy(desc(replicationSites.year), asc(replicationSites.town), asc(replicationSites.community));
  return rows.map(toSite);
}

export async function getProject(db: Db, ctx: Context, id: string): Promise<ProjectView> {
  await loadProject(db, ctx, id, "funding.read");
  const [[row], indicators, grantRows, sites] = await Promise.all([
    selectProjects(db).where(eq(projects.id, id)),
    indicatorsOf(db, id),
    db
      .select({
        id: grants.id,
        number: grants.number,
        fundName: funds.name,
        fundKind: grants.fundKind,
        amountFen: grants.amountFen,
        status: grants.status,
      })
      .from(grants)
      .innerJoin(funds, eq(funds.id, grants.fundId))
      .where(eq(grants.projectId, id))
      .orderBy(asc(grants.createdAt)),
    sitesOf(db, id),
  ]);
  if (!row) throw notFound();
  const p = row.p;
  const staff = hasRole(ctx.actor, "admin", "staff");
  const ownMember = hasRole(ctx.actor, "org_member") && ctx.actor.organizationId === p.organizationId;
  return {
    ...toProjectEntry(row),
    need: p.need,
    beneficiaries: p.beneficiaries,
    targetPeople: p.targetPeople,
    sites: p.sites,
    flagshipProgrammeId: p.flagshipProgrammeId,
    goal: p.goal,
    outcomes: p.outcomes,
    outputs: p.outputs,
    activities: p.activities,
    indicators,
    grants: grantRows,
    replicationSites: sites,
    can: {
      edit: staff && projectEditable(p.status),
      addSite: (staff || ownMember) && p.status !== "cancelled",
      removeSite: staff,
    },
  };
}

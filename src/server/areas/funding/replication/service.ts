/**
 * Replication sites (产品孵化): the towns and communities that took up a project's model, by
 * year and funder, so the follow-up stage can keep adding to them. Staff or the organization's
 * members add them (`funding.report`); staff remove a wrong one. The same town, community and
 * year twice is 409.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { replicationSites } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { hasRole } from "../../../../domain/roles";
import type { ReplicationSite, ReplicationSiteInput } from "../../../../schemas/funding/projects";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { loadProject, projectStatusInvalid } from "../projects/load";
import { sitesOf, toSite } from "../projects/view";

const duplicate = (ctx: Context) =>
  new AppError("duplicate", {
    field: "community",
    params: {
      label: ctx.lang === "en" ? "This community's replication site for the year" : "该社区本年度的复制点",
    },
  });

export async function listSites(
  db: Db,
  ctx: Context,
  projectId: string,
): Promise<{ items: ReplicationSite[] }> {
  await loadProject(db, ctx, projectId, "funding.read");
  return { items: await sitesOf(db, projectId) };
}

export async function addSite(
  db: Db,
  ctx: Context,
  projectId: string,
  input: ReplicationSiteInput,
): Promise<ReplicationSite> {
  const action = hasRole(ctx.actor, "admin", "staff") ? "funding.manage" : "funding.report";
  try {
    return await db.transaction(async (tx) => {
      const project = await loadProject(tx, ctx, projectId, action);
      if (project.status === "cancelled") throw projectStatusInvalid(ctx, project);
      const values = {
        town: input.town,
        community: input.community,
        year: input.year,
        fundedBy: input.fundedBy,
        note: input.note ?? null,
      };
      const [row] = await tx
        .insert(replicationSites)
        .values({ baseId: project.baseId, projectId, ...values, createdBy: ctx.actor.userId })
        .onConflictDoNothing()
        .returning();
      if (!row) throw duplicate(ctx);
      await recordAudit(tx, ctx, {
        baseId: project.baseId,
        action: "project.site_added",
        entityType: "project",
        entityId: projectId,
        after: { siteId: row.id, ...values },
      });
      return toSite(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(ctx);
    throw error;
  }
}

export async function removeSite(
  db: Db,
  ctx: Context,
  projectId: string,
  siteId: string,
): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    const project = await loadProject(tx, ctx, projectId, "funding.manage");
    const [row] = await tx
      .delete(replicationSites)
      .where(and(eq(replicationSites.id, siteId), eq(replicationSites.projectId, projectId)))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, ctx, {
      baseId: project.baseId,
      action: "project.site_removed",
      entityType: "project",
      entityId: projectId,
      before: toSite(row),
    });
  });
  return { ok: true };
}

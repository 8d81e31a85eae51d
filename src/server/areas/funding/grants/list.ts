/**
 * The grant list: one query shape for staff (the base's), a member (its organization's) and a
 * partner user (those from its partner's funds), the scope from the policy (`funding.list`);
 * filters by status, fund, fund kind, year (of the start) and words (organization, project,
 * number). Two statements whatever the page holds: the rows with their joins, and the count.
 */
import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { funds, grants, grantTranches, organizations, projects } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { GrantListItem, ZGrantQuery } from "../../../../schemas/funding/grants";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";

export type GrantFilter = z.output<typeof ZGrantQuery>;

/** What a grant has paid out: its paid tranches. */
const disbursedSql = sql<string>`(SELECT coalesce(sum(${grantTranches.amountFen}), 0) FROM ${grantTranches}
  WHERE ${grantTranches.grantId} = ${grants.id} AND ${grantTranches.status} = 'paid')`;

function grantWhere(ctx: Context, filter: GrantFilter): SQL | undefined {
  const scope = requireListScope(ctx.actor, "funding.list");
  const where: (SQL | undefined)[] = [
    scopeWhere(scope, {
      baseId: grants.baseId,
      organizationId: grants.organizationId,
      partnerId: grants.partnerId,
    }),
  ];
  if (filter.status) where.push(eq(grants.status, filter.status));
  if (filter.fundId) where.push(eq(grants.fundId, filter.fundId));
  if (filter.fundKind) where.push(eq(grants.fundKind, filter.fundKind));
  if (filter.year) where.push(sql`extract(year from ${grants.startsOn}) = ${filter.year}`);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    where.push(or(ilike(organizations.name, like), ilike(projects.title, like), ilike(grants.number, like)));
  }
  return and(...where);
}

export async function listGrants(db: Db, ctx: Context, filter: GrantFilter) {
  const where = grantWhere(ctx, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        g: grants,
        projectTitle: projects.title,
        organizationName: organizations.name,
        fundName: funds.name,
        disbursed: disbursedSql,
      })
      .from(grants)
      .innerJoin(projects, eq(projects.id, grants.projectId))
      .innerJoin(organizations, eq(organizations.id, grants.organizationId))
      .innerJoin(funds, eq(funds.id, grants.fundId))
      .where(where)
      .orderBy(desc(grants.createdAt), desc(grants.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: count() })
      .from(grants)
      .innerJoin(projects, eq(projects.id, grants.projectId))
      .innerJoin(organizations, eq(organizations.id, grants.organizationId))
      .where(where),
  ]);
  const items: GrantListItem[] = rows.map(({ g, ...r }) => ({
    id: g.id,
    number: g.number,
    status: g.status,
    projectId: g.projectId,
    projectTitle: r.projectTitle,
    organizationId: g.organizationId,
    organizationName: r.organizationName,
    fundId: g.fundId,
    fundName: r.fundName,
    fundKind: g.fundKind,
    amountFen: g.amountFen,
    disbursedFen: Number(r.disbursed),
    startsOn: g.startsOn,
    endsOn: g.endsOn,
  }));
  return { items, total: total?.n ?? 0, page: filter.page, pageSize: filter.pageSize };
}

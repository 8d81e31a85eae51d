import { and, arrayContains, asc, count, eq, ilike, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { organizations } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { OrganizationPage, ZOrganizationQuery } from "../../../../schemas/platform/organizations";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { requireListScope, scopeWhere } from "../../../scope";
import { selectOrganizations, toOrganization } from "./view";

/** An organization is its own organization's record. */
export const ORGANIZATION_SCOPE = {
  baseId: organizations.baseId,
  organizationId: organizations.id,
  townId: organizations.townId,
};

export type OrganizationQueryData = z.output<typeof ZOrganizationQuery>;
/** What the list and the export share: the filters and the order, not the paging. */
export type OrganizationFilter = Omit<OrganizationQueryData, "page" | "pageSize">;

/** One page of the registry; contact phones are always masked in lists. */
export async function listOrganizations(
  db: Db,
  ctx: Context,
  query: OrganizationQueryData,
): Promise<OrganizationPage> {
  requireAccess(ctx.actor, "organization.list");
  const where = visibleMatching(ctx, query);
  const [totals] = await db.select({ total: count() }).from(organizations).where(where);
  const rows = await selectOrganizations(db)
    .where(where)
    .orderBy(...orderOf(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((row) => toOrganization(row, { revealPhone: false })),
    total: totals?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The actor's scope (policy) and the filters together. */
export function visibleMatching(ctx: Context, filter: OrganizationFilter): SQL | undefined {
  const scope = requireListScope(ctx.actor, "organization.list");
  return and(scopeWhere(scope, ORGANIZATION_SCOPE), ...filterConditions(filter));
}

function filterConditions(filter: OrganizationFilter): SQL[] {
  const conditions: SQL[] = [];
  const q = filter.q?.trim();
  if (q) conditions.push(nameOrCodeMatches(q));
  if (filter.field) conditions.push(arrayContains(organizations.fields, [filter.field]));
  if (filter.townId) conditions.push(eq(organizations.townId, filter.townId));
  if (filter.registrationStatus) {
    conditions.push(eq(organizations.registrationStatus, filter.registrationStatus));
  }
  if (filter.residency) conditions.push(eq(organizations.residency, filter.residency));
  return conditions;
}

const SORT_COLUMNS = {
  name: organizations.name,
  foundedOn: organizations.foundedOn,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
  staffCount: organizations.staffCount,
} as const;

/** Columns that may be empty; the others sort without NULLS LAST so their indexes serve the order. */
const NULLABLE_SORTS = new Set<keyof typeof SORT_COLUMNS>(["foundedOn", "staffCount"]);

/** Records without the sorted value go last either way; the id breaks ties so pages never overlap. */
export function orderOf(filter: Pick<OrganizationFilter, "sort" | "order">): SQL[] {
  const column = SORT_COLUMNS[filter.sort];
  const direction = filter.order === "asc" ? sql`asc` : sql`desc`;
  const nulls = NULLABLE_SORTS.has(filter.sort) ? sql` nulls last` : sql``;
  return [sql`${column} ${direction}${nulls}`, asc(organizations.id)];
}

/**
 * A name containing the term, or (for a term that could be part of one) a credit code starting
 * with it. Terms of two characters or more are first narrowed by the name's bigram index (the
 * common Chinese search is two characters, too short for trigrams); ILIKE then confirms.
 */
function nameOrCodeMatches(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  const name =
    [...q].length >= 2
      ? (and(
          sql`${organizations.nameBigrams} @> name_bigrams(${q})`,
          ilike(organizations.name, pattern),
        ) as SQL)
      : ilike(organizations.name, pattern);
  // Codes are ASCII and stored upper-case; leaving the OR out for other terms lets the name's
  // index answer alone.
  if (!/^[0-9A-Za-z]+$/.test(q)) return name;
  return or(name, like(organizations.creditCode, `${escapeLike(q.toUpperCase())}%`)) as SQL;
}

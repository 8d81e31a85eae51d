import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { organizations } from "../../../../db/schema";
import type { OrganizationScope } from "../../../../domain/access";

/** The SQL form of the policy's list scope: every organization query is filtered through it. */
export function organizationScopeWhere(scope: OrganizationScope): SQL | undefined {
  if (scope.kind === "own") {
    if (!scope.organizationId) return sql`false`;
    return and(eq(organizations.baseId, scope.baseId), eq(organizations.id, scope.organizationId));
  }
  if (scope.baseIds === "all") return undefined;
  return inArray(organizations.baseId, scope.baseIds);
}

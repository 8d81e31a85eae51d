/**
 * What a fund holds, has committed and has paid out, in SQL: committed is the sum of its grants in
 * COMMITTED_GRANT_STATUSES, disbursed the sum of their paid tranches. One statement for any number
 * of funds (correlated sums on the grants' fund index), also used under the lock of a capacity edit.
 */
import { sql } from "drizzle-orm";
import { funds, grants, grantTranches } from "../../../../db/schema";
import { COMMITTED_GRANT_STATUSES } from "../../../../domain/funding/grant";

const committedList = sql.join(
  COMMITTED_GRANT_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** The fund's committed fen (its grants approved or later). */
export const committedFenSql =
  sql<number>`(SELECT coalesce(sum(${grants.amountFen}), 0)::bigint FROM ${grants}
  WHERE ${grants.fundId} = ${funds.id} AND ${grants.status} IN (${committedList}))`.mapWith(Number);

/** The fund's paid-out fen (its grants' paid tranches). */
export const disbursedFenSql = sql<number>`(SELECT coalesce(sum(${grantTranches.amountFen}), 0)::bigint
  FROM ${grantTranches} INNER JOIN ${grants} ON ${grants.id} = ${grantTranches.grantId}
  WHERE ${grants.fundId} = ${funds.id} AND ${grantTranches.status} = 'paid')`.mapWith(Number);

/** How many grants (any status but cancelled) it has. */
export const grantCountSql = sql<number>`(SELECT count(*) FROM ${grants}
  WHERE ${grants.fundId} = ${funds.id} AND ${grants.status} <> 'cancelled')`.mapWith(Number);

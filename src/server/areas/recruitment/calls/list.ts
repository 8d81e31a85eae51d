import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { calls } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { CallPage, ZCallQuery } from "../../../../schemas/recruitment/calls";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";
import { applicationCounts, toCallSummary } from "./view";

type CallQueryData = z.output<typeof ZCallQuery>;

/** The base's calls, newest closing time first, with application counts per status. */
export async function listCalls(db: Db, ctx: Context, query: CallQueryData): Promise<CallPage> {
  const scope = requireListScope(ctx.actor, "call.manage");
  const conditions: (SQL | undefined)[] = [scopeWhere(scope, { baseId: calls.baseId })];
  if (query.status) conditions.push(eq(calls.status, query.status));
  const q = query.q?.trim();
  if (q) conditions.push(ilike(calls.title, `%${escapeLike(q)}%`));
  const where = and(...conditions);
  const [totals] = await db.select({ total: count() }).from(calls).where(where);
  const rows = await db
    .select()
    .from(calls)
    .where(where)
    .orderBy(desc(calls.closesAt), desc(calls.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const counts = await applicationCounts(
    db,
    rows.map((r) => r.id),
  );
  const now = new Date();
  return {
    items: rows.map((row) => toCallSummary(row, counts, now)),
    total: totals?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    serverNow: now.toISOString(),
  };
}

/**
 * The service records: staff see the base's, a member its organization's (to rate them), a
 * handler the records of what it handled. One query shape, scoped by the policy.
 */
import { and, count, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { organizations, serviceRecords, serviceRequests } from "../../../../db/schema";
import type { RecordPage, ZRecordQuery } from "../../../../schemas/services/requests";
import type { Context } from "../../../context";
import { requireListScope, scopeWhere } from "../../../scope";
import { toRecordEntry } from "./view";

export async function listRecords(
  db: Db,
  ctx: Context,
  filter: z.output<typeof ZRecordQuery>,
): Promise<RecordPage> {
  const scope = requireListScope(ctx.actor, "service.list");
  const where: (SQL | undefined)[] = [
    scopeWhere(scope, {
      baseId: serviceRecords.baseId,
      organizationId: serviceRecords.organizationId,
      assigneeId: serviceRequests.handlerUserId,
      partnerId: serviceRequests.handlerPartnerId,
    }),
  ];
  if (filter.organizationId) where.push(eq(serviceRecords.organizationId, filter.organizationId));
  if (filter.category) where.push(eq(serviceRecords.category, filter.category));
  if (filter.from) where.push(gte(serviceRecords.deliveredOn, filter.from));
  if (filter.to) where.push(lte(serviceRecords.deliveredOn, filter.to));
  const condition = and(...where);
  const from = () =>
    db
      .select({ r: serviceRecords, organizationName: organizations.name })
      .from(serviceRecords)
      .innerJoin(organizations, eq(organizations.id, serviceRecords.organizationId))
      .leftJoin(serviceRequests, eq(serviceRequests.id, serviceRecords.requestId));
  const [rows, [total]] = await Promise.all([
    from()
      .where(condition)
      .orderBy(desc(serviceRecords.deliveredOn), desc(serviceRecords.createdAt), desc(serviceRecords.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: count() })
      .from(serviceRecords)
      .leftJoin(serviceRequests, eq(serviceRequests.id, serviceRecords.requestId))
      .where(condition),
  ]);
  return {
    items: rows.map(({ r, organizationName }) => toRecordEntry({ ...r, organizationName })),
    total: total?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/**
 * Services staff gave unasked (a phone consultation, a visit): one organization, or a group from
 * one form (one talk to 12 organizations is 12 records, 12 ledger rows, 12 growth events), all or
 * nothing: an unknown or repeated organization refuses the whole form.
 */
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import type { ZRecordBulkCreate, ZRecordCreate } from "../../../../schemas/services/requests";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { checkOrganizations, writeRecords } from "./write";

export async function recordService(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZRecordCreate>,
): Promise<{ id: string }> {
  requireAccess(ctx.actor, "service.manage");
  return db.transaction(async (tx) => {
    await checkOrganizations(tx, ctx, [input.organizationId], "organizationId");
    const [row] = await writeRecords(
      tx,
      ctx,
      [{ baseId: ctx.actor.baseId, organizationId: input.organizationId, category: input.category }],
      input,
    );
    await recordAudit(tx, ctx, {
      baseId: ctx.actor.baseId,
      action: "service.record",
      entityType: "service_record",
      entityId: row?.id ?? null,
      after: { organizationId: input.organizationId, title: input.title, minutes: input.minutes },
    });
    return { id: row?.id as string };
  });
}

export async function recordServiceForGroup(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZRecordBulkCreate>,
): Promise<{ batchId: string; count: number; ids: string[] }> {
  requireAccess(ctx.actor, "service.manage");
  return db.transaction(async (tx) => {
    await checkOrganizations(tx, ctx, input.organizationIds, "organizationIds");
    const rows = await writeRecords(
      tx,
      ctx,
      input.organizationIds.map((organizationId) => ({
        baseId: ctx.actor.baseId,
        organizationId,
        category: input.category,
      })),
      input,
      { batch: true },
    );
    const batchId = rows[0]?.batchId as string;
    await recordAudit(tx, ctx, {
      baseId: ctx.actor.baseId,
      action: "service.record_bulk",
      entityType: "service_record",
      entityId: batchId,
      after: { organizations: rows.length, title: input.title, minutes: input.minutes },
    });
    return { batchId, count: rows.length, ids: rows.map((r) => r.id) };
  });
}

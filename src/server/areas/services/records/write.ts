/**
 * Writing service records (服务记录): each record is one organization's, and in the same
 * transaction goes to the service ledger (recordDeliveries, kind "service") and to the
 * organization's growth file. Closing a request writes one; a service given unasked one; a group
 * service one per organization, all or nothing.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordDeliveries } from "../../../../db/deliveries";
import { recordGrowth } from "../../../../db/growth";
import { organizations, serviceRecords } from "../../../../db/schema";
import type { ServiceCategory } from "../../../../domain/services/categories";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { ZRecordFields } from "../../../../schemas/services/requests";
import type { Context } from "../../../context";
import { fieldError } from "../../../errors";
import { serviceTitles } from "../requests/words";
import "../../../../schemas/services/service-growth";

type Fields = Omit<z.output<typeof ZRecordFields>, "fileIds">;
export type RecordRow = typeof serviceRecords.$inferSelect;

/** The earliest day a record may be for: older services belong to the paper files. */
const EARLIEST_DAY = "2015-01-01";

/** A day not after today (Asia/Shanghai) and not before the platform's records begin. */
function checkDeliveredOn(day: string): void {
  if (day > shanghaiDate(new Date())) throw fieldError("deliveredOn", "day_in_future");
  if (day < EARLIEST_DAY) throw fieldError("deliveredOn", "invalid");
}

export interface RecordTarget {
  baseId: string;
  organizationId: string;
  category: ServiceCategory;
  requestId?: string | null;
  /** The partner that gave it, when a partner's user records it. */
  partnerId?: string | null;
}

/** Writes one record per target with the same fields; the ledger and growth file with them. */
export async function writeRecords(
  tx: Db,
  ctx: Context,
  targets: readonly RecordTarget[],
  fields: Fields,
  options: { batch?: boolean } = {},
): Promise<RecordRow[]> {
  checkDeliveredOn(fields.deliveredOn);
  const batchId = options.batch ? randomUUID() : null;
  const givenByName = fields.givenByName ?? ctx.actor.displayName;
  const rows = await tx
    .insert(serviceRecords)
    .values(
      targets.map((t) => ({
        baseId: t.baseId,
        organizationId: t.organizationId,
        requestId: t.requestId ?? null,
        batchId,
        category: t.category,
        title: fields.title,
        detail: fields.detail,
        mode: fields.mode,
        deliveredOn: fields.deliveredOn,
        minutes: fields.minutes,
        givenByName,
        givenByPartnerId: t.partnerId ?? null,
        recordedBy: ctx.actor.userId,
      })),
    )
    .returning();
  await recordDeliveries(
    tx,
    rows.map((r) => ({
      baseId: r.baseId,
      kind: "service" as const,
      sourceId: r.id,
      category: r.category,
      organizationId: r.organizationId,
      deliveredOn: r.deliveredOn,
      minutes: r.minutes,
    })),
  );
  for (const r of rows) {
    await recordGrowth(tx, {
      baseId: r.baseId,
      organizationId: r.organizationId,
      kind: "service.delivered",
      title: serviceTitles.delivered(r.title, r.minutes, r.requestId !== null),
      params: { category: r.category, mode: r.mode, minutes: r.minutes, asked: r.requestId !== null },
      subjectId: r.requestId ?? r.id,
      actorName: givenByName,
    });
  }
  return rows;
}

/** The organizations of the actor's base among `ids`: 400 naming the field when one is not. */
export async function checkOrganizations(
  tx: Db,
  ctx: Context,
  ids: readonly string[],
  field: string,
): Promise<void> {
  if (new Set(ids).size !== ids.length) throw fieldError(field, "organizations_repeated");
  const found = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.baseId, ctx.actor.baseId), inArray(organizations.id, [...ids])));
  if (found.length !== ids.length) throw fieldError(field, "organization_unknown");
}

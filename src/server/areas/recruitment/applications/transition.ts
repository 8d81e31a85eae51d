/**
 * The one way an application changes status: the state machine decides, then the status, the
 * history row, the audit entry and the notices are written in the caller's transaction.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { recordApplicationHistory } from "../../../../db/history";
import { applications } from "../../../../db/schema";
import {
  type ApplicationEvent,
  type ApplicationStatus,
  EVENT_SIDE,
  nextStatus,
} from "../../../../domain/application";
import type { NotificationParams } from "../../../../schemas/platform/notifications";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, versionConflict } from "../../../errors";
import type { ApplicationRow } from "./load";
import { noticeOtherSide } from "./notice";

export function illegalTransition(current: ApplicationStatus): AppError {
  return new AppError("illegal_transition", { details: { currentStatus: current } });
}

/**
 * Moves `application` (as read in this transaction) by `event`. `expectedVersion`, when given,
 * must match (a stale screen gets 409). Returns the updated row. Extra column values (e.g. the
 * submit timestamps) may ride along in `set`.
 */
export async function applyTransition(
  tx: Db,
  ctx: Context,
  application: ApplicationRow,
  event: ApplicationEvent,
  options: {
    reason?: string | null;
    expectedVersion?: number;
    set?: Partial<typeof applications.$inferInsert>;
    /** Extra params for the notice (e.g. the call title). */
    noticeParams?: NotificationParams;
    /** More for the audit entry's `after` (e.g. the unchecked items an acceptance was confirmed over). */
    auditAfter?: Record<string, unknown>;
    /** False: no status notice (a provisional admission decision is told by its letter, later). */
    notice?: boolean;
  } = {},
): Promise<ApplicationRow> {
  const to = nextStatus(application.status, event);
  if (!to) throw illegalTransition(application.status);
  if (options.expectedVersion !== undefined && options.expectedVersion !== application.version) {
    throw versionConflict(application.version);
  }
  const now = new Date();
  const [row] = await tx
    .update(applications)
    .set({
      ...options.set,
      status: to,
      statusChangedAt: now,
      // The reason belongs to this status (why it was returned, why ineligible): a later
      // event without one clears it, so an accepted application shows no stale return reason.
      statusReason: options.reason ?? null,
      version: application.version + 1,
      updatedAt: now,
    })
    .where(and(eq(applications.id, application.id), eq(applications.version, application.version)))
    .returning();
  if (!row) throw versionConflict(application.version + 1);
  const side = EVENT_SIDE[event];
  await recordApplicationHistory(tx, {
    baseId: application.baseId,
    applicationId: application.id,
    organizationId: application.organizationId,
    track: application.track,
    event,
    fromStatus: application.status,
    toStatus: to,
    reason: options.reason,
    side,
    actor: { id: ctx.actor.userId, name: ctx.actor.displayName },
  });
  await recordAudit(tx, ctx, {
    baseId: application.baseId,
    action: `application.${event}`,
    entityType: "application",
    entityId: application.id,
    before: { status: application.status },
    after: { status: to, reason: options.reason ?? null, ...options.auditAfter },
  });
  if (options.notice === false) return row;
  await noticeOtherSide(tx, ctx, application, side, "application_status", {
    status: to,
    reason: options.reason ?? null,
    ...options.noticeParams,
  });
  return row;
}

/**
 * Every change of a request's status goes through `changeRequestStatus`: the domain's table
 * decides (else 409 `request_status_invalid` with the current status), the version must match
 * (else 409), and the status, the history row, the audit entry, the notice to the other side and,
 * when it closes, the service record with its ledger row and growth event are written in one
 * transaction.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { serviceRequestEvents, serviceRequests } from "../../../../db/schema";
import type { Action } from "../../../../domain/access";
import { hasRole } from "../../../../domain/roles";
import {
  nextRequestStatus,
  type RequestEvent,
  type RequestStatus,
} from "../../../../domain/services/request";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { endOfShanghaiDay } from "../../../../domain/working-days";
import type { ZRequestClose, ZRequestSchedule, ZRequestStep } from "../../../../schemas/services/requests";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { attachRecordFiles } from "../records/files";
import { writeRecords } from "../records/write";
import { loadRequest, requestStatusInvalid } from "./load";
import { noticeRequest, type RequestNoticeTo } from "./notices";

export type StepInput =
  | { event: "accept" | "decline" | "cancel"; input: z.output<typeof ZRequestStep> }
  | { event: "schedule"; input: z.output<typeof ZRequestSchedule> }
  | { event: "close"; input: z.output<typeof ZRequestClose> };

const ACTION: Record<RequestEvent, Action> = {
  accept: "service.manage",
  decline: "service.manage",
  cancel: "service.ask",
  schedule: "service.handle",
  close: "service.handle",
};

/** Who is told: the organization of the base's and handler's acts; the handler of a cancel. */
const NOTICE_TO: Record<RequestEvent, RequestNoticeTo> = {
  accept: "organization",
  decline: "organization",
  schedule: "organization",
  close: "organization",
  cancel: "handler",
};

const DAY_MS = 86_400_000;

export async function changeRequestStatus(
  db: Db,
  ctx: Context,
  id: string,
  step: StepInput,
): Promise<{ version: number; status: RequestStatus }> {
  const { event, input } = step;
  return db.transaction(async (tx) => {
    const row = await loadRequest(tx, ctx, id, ACTION[event], { lock: true });
    const to = nextRequestStatus(row.status, event);
    if (!to) throw requestStatusInvalid(ctx, row);
    if (row.version !== input.version) throw versionConflict(row.version);
    const note = "note" in input ? (input.note ?? null) : null;
    if (event === "decline" && !note) throw fieldError("note", "required");

    const now = new Date();
    const set: Partial<typeof serviceRequests.$inferInsert> = {
      status: to,
      version: row.version + 1,
      updatedAt: now,
    };
    if (event === "decline") set.declineReason = note;
    // Accepting a request nobody handles yet: the catalogue's default partner, or the one accepting.
    if (event === "accept" && !row.handlerKind && hasRole(ctx.actor, "admin", "staff")) {
      set.handlerKind = "staff";
      set.handlerUserId = ctx.actor.userId;
    }
    if (step.event === "schedule") {
      const at = new Date(step.input.scheduledAt);
      if (at.getTime() < now.getTime() - 30 * DAY_MS || at.getTime() > now.getTime() + 366 * DAY_MS)
        throw fieldError("scheduledAt", "schedule_too_far");
      set.scheduledAt = at;
      set.scheduledEnd = endOfShanghaiDay(shanghaiDate(at));
      set.place = step.input.place ?? null;
      set.online = step.input.online;
    }
    if (event === "close" || event === "cancel" || event === "decline") set.closedAt = now;

    const [updated] = await tx
      .update(serviceRequests)
      .set(set)
      .where(and(eq(serviceRequests.id, row.id), eq(serviceRequests.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version);

    if (step.event === "close") {
      const [record] = await writeRecords(
        tx,
        ctx,
        [
          {
            baseId: row.baseId,
            organizationId: row.organizationId,
            category: row.category,
            requestId: row.id,
            partnerId: row.handlerKind === "partner" ? row.handlerPartnerId : null,
          },
        ],
        step.input,
      );
      if (record) await attachRecordFiles(tx, row, step.input.fileIds);
    }
    await tx.insert(serviceRequestEvents).values({
      baseId: row.baseId,
      requestId: row.id,
      event,
      fromStatus: row.status,
      toStatus: to,
      note:
        step.event === "schedule"
          ? [step.input.scheduledAt, step.input.place, note].filter(Boolean).join(" · ") || null
          : step.event === "close"
            ? step.input.title
            : note,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
    });
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: `service.${event}`,
      entityType: "service_request",
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: to, version: updated.version, note },
    });
    await noticeRequest(tx, ctx, updated, NOTICE_TO[event], event, note);
    return { version: updated.version, status: to };
  });
}

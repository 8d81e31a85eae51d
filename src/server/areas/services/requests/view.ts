/** A request's detail: the queue row, its history, thread, record and what the reader may do. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  files,
  needs,
  planGoals,
  serviceMessages,
  serviceRecords,
  serviceRequestEvents,
  serviceRequests,
  users,
} from "../../../../db/schema";
import { hasRole } from "../../../../domain/roles";
import { isRequestOpen, mayAssign, requestEventsFor } from "../../../../domain/services/request";
import type { RecordEntry, RequestView } from "../../../../schemas/services/requests";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { mayRateNow } from "../records/rate";
import { toRecordEntry } from "../records/view";
import { selectRequests, toRequestEntry } from "./list";
import { loadRequest, sidesOf } from "./load";

export async function requestView(db: Db, ctx: Context, id: string): Promise<RequestView> {
  const row = await loadRequest(db, ctx, id, "service.read");
  const [[selected], history, messages, attachments, [extra]] = await Promise.all([
    selectRequests(db).where(eq(serviceRequests.id, id)),
    db
      .select()
      .from(serviceRequestEvents)
      .where(eq(serviceRequestEvents.requestId, id))
      .orderBy(asc(serviceRequestEvents.createdAt)),
    db
      .select()
      .from(serviceMessages)
      .where(eq(serviceMessages.requestId, id))
      .orderBy(asc(serviceMessages.createdAt)),
    db
      .select({ id: files.id, name: files.originalName })
      .from(files)
      .where(and(eq(files.ownerType, "service_request"), eq(files.ownerId, id)))
      .orderBy(asc(files.createdAt)),
    db
      .select({ needTitle: needs.title, goalTitle: planGoals.title, requestedByName: users.displayName })
      .from(serviceRequests)
      .leftJoin(needs, eq(needs.id, serviceRequests.needId))
      .leftJoin(planGoals, eq(planGoals.id, serviceRequests.goalId))
      .leftJoin(users, eq(users.id, serviceRequests.requestedBy))
      .where(eq(serviceRequests.id, id)),
  ]);
  if (!selected) throw notFound();
  const recordRow = await recordOf(db, id);
  const record: RecordEntry | null = recordRow
    ? toRecordEntry({ ...recordRow, organizationName: selected.organizationName }, attachments)
    : null;
  const sides = sidesOf(ctx.actor, row);
  const member = sides.includes("organization");
  return {
    ...toRequestEntry(selected),
    detail: row.detail,
    needTitle: extra?.needTitle ?? null,
    goalTitle: extra?.goalTitle ?? null,
    handlerUserId: row.handlerUserId,
    handlerPartnerId: row.handlerPartnerId,
    place: row.place,
    online: row.online,
    declineReason: row.declineReason,
    requestedByName: extra?.requestedByName ?? null,
    history: history.map((h) => ({
      event: h.event,
      toStatus: h.toStatus,
      note: h.note,
      actorName: h.actorName,
      at: h.createdAt.toISOString(),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side,
      authorName: m.authorName,
      body: m.body,
      mine: m.authorId === ctx.actor.userId,
      at: m.createdAt.toISOString(),
    })),
    record,
    files: attachments,
    may: {
      events: requestEventsFor(row.status, sides),
      assign: hasRole(ctx.actor, "admin", "staff") && mayAssign(row.status),
      message: sides.length > 0,
      rate: member && !!recordRow && mayRateNow(recordRow, new Date()),
      attach: isRequestOpen(row.status) && (member || sides.includes("handler")),
    },
  };
}

async function recordOf(db: Db, requestId: string) {
  const [r] = await db.select().from(serviceRecords).where(eq(serviceRecords.requestId, requestId));
  return r ?? null;
}

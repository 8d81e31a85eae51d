/** The public notice as the portal shows it (names and tracks, nothing else) and as staff do. */
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  type admissionNotices,
  applications,
  noticeObjections,
  organizations,
  reviewRounds,
} from "../../../../db/schema";
import type { PublicNotice, StaffNotice } from "../../../../schemas/admission/notices";

export type NoticeRow = typeof admissionNotices.$inferSelect;

async function listedOf(db: Db, notice: NoticeRow): Promise<PublicNotice["listed"]> {
  if (notice.applicationIds.length === 0) return [];
  const rows = await db
    .select({
      applicationId: applications.id,
      organizationName: organizations.name,
      track: applications.track,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(inArray(applications.id, notice.applicationIds));
  const order = new Map(notice.applicationIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => (order.get(a.applicationId) ?? 0) - (order.get(b.applicationId) ?? 0));
}

export async function toPublicNotice(db: Db, notice: NoticeRow): Promise<PublicNotice> {
  return {
    id: notice.id,
    title: notice.title,
    body: notice.body,
    status: notice.status,
    startsAt: notice.startsAt.toISOString(),
    endsAt: notice.endsAt.toISOString(),
    listed: await listedOf(db, notice),
  };
}

export async function toStaffNotice(db: Db, notice: NoticeRow): Promise<StaffNotice> {
  const [round] = await db
    .select({ title: reviewRounds.title })
    .from(reviewRounds)
    .where(eq(reviewRounds.id, notice.roundId));
  const objections = await db
    .select()
    .from(noticeObjections)
    .where(eq(noticeObjections.noticeId, notice.id))
    .orderBy(asc(noticeObjections.receivedAt), asc(noticeObjections.createdAt));
  return {
    ...(await toPublicNotice(db, notice)),
    roundId: notice.roundId,
    roundTitle: round?.title ?? "",
    version: notice.version,
    closedAt: notice.closedAt?.toISOString() ?? null,
    ended: notice.endsAt.getTime() <= Date.now(),
    objections: objections.map((o) => ({
      id: o.id,
      applicationId: o.applicationId,
      objector: o.objector,
      contact: o.contact,
      body: o.body,
      receivedAt: o.receivedAt.toISOString(),
      answer: o.answer,
      answeredAt: o.answeredAt?.toISOString() ?? null,
      version: o.version,
    })),
  };
}

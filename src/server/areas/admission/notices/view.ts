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

/** The organizations each notice lists, in the notice's order: one query for all the notices. */
async function listedOfAll(db: Db, notices: NoticeRow[]): Promise<Map<string, PublicNotice["listed"]>> {
  const ids = [...new Set(notices.flatMap((n) => n.applicationIds))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            applicationId: applications.id,
            organizationName: organizations.name,
            track: applications.track,
          })
          .from(applications)
          .innerJoin(organizations, eq(organizations.id, applications.organizationId))
          .where(inArray(applications.id, ids));
  const byId = new Map(rows.map((r) => [r.applicationId, r]));
  return new Map(
    notices.map((n) => [
      n.id,
      [...new Set(n.applicationIds)].flatMap((id) => {
        const row = byId.get(id);
        return row ? [row] : [];
      }),
    ]),
  );
}

export async function toPublicNotice(db: Db, notice: NoticeRow): Promise<PublicNotice> {
  const listed = await listedOfAll(db, [notice]);
  return publicNotice(notice, listed.get(notice.id) ?? []);
}

function publicNotice(notice: NoticeRow, listed: PublicNotice["listed"]): PublicNotice {
  return {
    id: notice.id,
    title: notice.title,
    body: notice.body,
    status: notice.status,
    startsAt: notice.startsAt.toISOString(),
    endsAt: notice.endsAt.toISOString(),
    listed,
  };
}

export async function toStaffNotice(db: Db, notice: NoticeRow): Promise<StaffNotice> {
  return (await toStaffNotices(db, [notice]))[0] as StaffNotice;
}

/**
 * Staff's view of notices: their rounds' titles, their objections and their listed organizations
 * in three queries whatever the number of notices (the list answers every notice of the base).
 */
export async function toStaffNotices(db: Db, notices: NoticeRow[]): Promise<StaffNotice[]> {
  if (notices.length === 0) return [];
  const [rounds, objections, listed] = await Promise.all([
    db
      .select({ id: reviewRounds.id, title: reviewRounds.title })
      .from(reviewRounds)
      .where(inArray(reviewRounds.id, [...new Set(notices.map((n) => n.roundId))])),
    db
      .select()
      .from(noticeObjections)
      .where(
        inArray(
          noticeObjections.noticeId,
          notices.map((n) => n.id),
        ),
      )
      .orderBy(asc(noticeObjections.receivedAt), asc(noticeObjections.createdAt)),
    listedOfAll(db, notices),
  ]);
  const titles = new Map(rounds.map((r) => [r.id, r.title]));
  const objectionsOf = new Map<string, typeof objections>();
  for (const o of objections) {
    const list = objectionsOf.get(o.noticeId);
    if (list) list.push(o);
    else objectionsOf.set(o.noticeId, [o]);
  }
  return notices.map((notice) => ({
    ...publicNotice(notice, listed.get(notice.id) ?? []),
    roundId: notice.roundId,
    roundTitle: titles.get(notice.roundId) ?? "",
    version: notice.version,
    closedAt: notice.closedAt?.toISOString() ?? null,
    ended: notice.endsAt.getTime() <= Date.now(),
    objections: (objectionsOf.get(notice.id) ?? []).map((o) => ({
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
  }));
}

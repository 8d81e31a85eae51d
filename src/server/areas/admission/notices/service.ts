/**
 * The public notice (公示): staff publish it for a round, listing the round's admitted
 * applications (names and tracks only); record the objections received and answer them; close it
 * after its end once every objection is answered. Closing makes the round's decisions final, sets
 * the date to confirm by and sends every decision letter. The portal reads published notices.
 */
import { and, asc, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  admissionDecisions,
  admissionNotices,
  applications,
  noticeObjections,
  reviewRounds,
  roundSubjects,
} from "../../../../db/schema";
import { TRACKS } from "../../../../domain/call";
import { endOfShanghaiDay, workingDaysEnd } from "../../../../domain/working-days";
import type {
  AdmissionWaiting,
  AnswerInput,
  CloseInput,
  NoticeInput,
  ObjectionInput,
  PublicNotice,
  StaffNotice,
} from "../../../../schemas/admission/notices";
import { recordAudit } from "../../../audit";
import type { AnonymousContext, Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { sendLetter } from "../decisions/letters";
import { loadRound } from "../ranking/load";
import { type NoticeRow, toPublicNotice, toStaffNotice, toStaffNotices } from "./view";

async function loadNotice(
  db: Db,
  ctx: Context,
  id: string,
  options: { lock?: boolean } = {},
): Promise<NoticeRow> {
  requireRoleFor(ctx.actor, "admission.decide");
  const query = db.select().from(admissionNotices).where(eq(admissionNotices.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, "admission.decide", { baseId: row.baseId });
  return row;
}

export async function publishNotice(db: Db, ctx: Context, input: NoticeInput): Promise<StaffNotice> {
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : workingDaysEnd(startsAt, input.workingDays ?? 1);
  if (endsAt.getTime() <= startsAt.getTime()) throw fieldError("endsAt", "ends_before_start");
  const notice = await db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, input.roundId, "admission.decide", { lock: true });
    const admitted = await tx
      .select({ id: applications.id, track: applications.track })
      .from(roundSubjects)
      .innerJoin(applications, eq(applications.id, roundSubjects.subjectId))
      .where(and(eq(roundSubjects.roundId, round.id), eq(applications.status, "admitted")))
      .orderBy(asc(applications.id));
    if (admitted.length === 0) throw new AppError("nothing_to_notice");
    const ordered = [...admitted].sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track));
    const [row] = await tx
      .insert(admissionNotices)
      .values({
        baseId: round.baseId,
        roundId: round.id,
        title: input.title,
        body: input.body ?? "",
        startsAt,
        endsAt,
        applicationIds: ordered.map((a) => a.id),
        publishedBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("notice not written");
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "notice.published",
      entityType: "notice",
      entityId: row.id,
      after: { roundId: round.id, endsAt: endsAt.toISOString(), listed: row.applicationIds.length },
    });
    return row;
  });
  return toStaffNotice(db, notice);
}

export async function listStaffNotices(db: Db, ctx: Context): Promise<{ items: StaffNotice[] }> {
  requireAccess(ctx.actor, "admission.decide");
  const rows = await db
    .select()
    .from(admissionNotices)
    .where(eq(admissionNotices.baseId, ctx.actor.baseId))
    .orderBy(desc(admissionNotices.startsAt));
  return { items: await toStaffNotices(db, rows) };
}

export async function getStaffNotice(db: Db, ctx: Context, id: string): Promise<StaffNotice> {
  return toStaffNotice(db, await loadNotice(db, ctx, id));
}

export async function recordObjection(
  db: Db,
  ctx: Context,
  id: string,
  input: ObjectionInput,
): Promise<StaffNotice> {
  const notice = await db.transaction(async (tx) => {
    const notice = await loadNotice(tx, ctx, id, { lock: true });
    if (notice.status === "closed") throw new AppError("notice_closed");
    const applicationId = input.applicationId ?? null;
    if (applicationId && !notice.applicationIds.includes(applicationId)) {
      throw fieldError("applicationId", "not_in_round");
    }
    const [row] = await tx
      .insert(noticeObjections)
      .values({
        baseId: notice.baseId,
        noticeId: notice.id,
        applicationId,
        objector: input.objector,
        contact: input.contact ?? null,
        body: input.body,
        receivedAt: new Date(`${input.receivedOn}T12:00:00+08:00`),
        recordedBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      baseId: notice.baseId,
      action: "notice.objection_recorded",
      entityType: "notice",
      entityId: notice.id,
      after: { objectionId: row?.id, applicationId },
    });
    return notice;
  });
  return toStaffNotice(db, notice);
}

export async function answerObjection(
  db: Db,
  ctx: Context,
  id: string,
  objectionId: string,
  input: AnswerInput,
): Promise<StaffNotice> {
  const notice = await db.transaction(async (tx) => {
    const notice = await loadNotice(tx, ctx, id, { lock: true });
    const [objection] = await tx
      .select()
      .from(noticeObjections)
      .where(and(eq(noticeObjections.id, objectionId), eq(noticeObjections.noticeId, notice.id)));
    if (!objection) throw notFound();
    if (notice.status === "closed") throw new AppError("notice_closed");
    const [updated] = await tx
      .update(noticeObjections)
      .set({
        answer: input.answer,
        answeredAt: new Date(),
        answeredBy: ctx.actor.userId,
        version: input.version + 1,
      })
      .where(and(eq(noticeObjections.id, objection.id), eq(noticeObjections.version, input.version)))
      .returning();
    if (!updated) throw versionConflict(objection.version);
    await recordAudit(tx, ctx, {
      baseId: notice.baseId,
      action: "notice.objection_answered",
      entityType: "notice",
      entityId: notice.id,
      before: { answer: objection.answer },
      after: { objectionId, answer: input.answer },
    });
    return notice;
  });
  return toStaffNotice(db, notice);
}

/**
 * Closes the notice after its end with every objection answered: the round's decisions become
 * final with the date to confirm by, and each decided organization gets its letter.
 */
export async function closeNotice(
  db: Db,
  ctx: Context,
  id: string,
  input: CloseInput,
): Promise<{ notice: StaffNotice; letters: number }> {
  const confirmBy = endOfShanghaiDay(input.confirmBy);
  if (confirmBy.getTime() <= Date.now()) throw fieldError("confirmBy", "must_be_future");
  const result = await db.transaction(async (tx) => {
    const notice = await loadNotice(tx, ctx, id, { lock: true });
    if (notice.status === "closed") throw new AppError("notice_closed");
    if (notice.version !== input.version) throw versionConflict(notice.version);
    if (notice.endsAt.getTime() > Date.now()) {
      throw new AppError("notice_not_ended", {
        params: { endsAt: notice.endsAt.toISOString() },
        details: { endsAt: notice.endsAt.toISOString() },
      });
    }
    const open = await tx
      .select({ id: noticeObjections.id })
      .from(noticeObjections)
      .where(and(eq(noticeObjections.noticeId, notice.id), isNull(noticeObjections.answeredAt)));
    if (open.length > 0) {
      throw new AppError("objections_unanswered", {
        params: { count: open.length },
        details: { count: open.length },
      });
    }
    const now = new Date();
    const [closed] = await tx
      .update(admissionNotices)
      .set({ status: "closed", closedAt: now, closedBy: ctx.actor.userId, version: notice.version + 1 })
      .where(and(eq(admissionNotices.id, notice.id), eq(admissionNotices.version, notice.version)))
      .returning();
    if (!closed) throw versionConflict(notice.version);
    const finals = await tx
      .update(admissionDecisions)
      .set({ finalAt: now, confirmBy, updatedAt: now })
      .where(and(eq(admissionDecisions.roundId, notice.roundId), isNull(admissionDecisions.finalAt)))
      .returning();
    const apps = finals.length
      ? await tx
          .select()
          .from(applications)
          .where(
            inArray(
              applications.id,
              finals.map((d) => d.applicationId),
            ),
          )
      : [];
    const [round] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, notice.roundId));
    for (const decision of finals) {
      const application = apps.find((a) => a.id === decision.applicationId);
      if (application) await sendLetter(tx, application, decision, { roundTitle: round?.title ?? null });
    }
    await recordAudit(tx, ctx, {
      baseId: notice.baseId,
      action: "notice.closed",
      entityType: "notice",
      entityId: notice.id,
      after: { confirmBy: confirmBy.toISOString(), decisionsFinal: finals.length },
    });
    return { notice: closed, letters: finals.length };
  });
  return { notice: await toStaffNotice(db, result.notice), letters: result.letters };
}

/** The staff home's to-do: closed rounds with undecided applications, notices past their end. */
export async function admissionWaiting(db: Db, ctx: Context): Promise<AdmissionWaiting> {
  requireAccess(ctx.actor, "admission.decide");
  const rows = await db
    .select({ roundId: reviewRounds.id, title: reviewRounds.title, status: applications.status })
    .from(reviewRounds)
    .innerJoin(roundSubjects, eq(roundSubjects.roundId, reviewRounds.id))
    .innerJoin(applications, eq(applications.id, roundSubjects.subjectId))
    .where(and(eq(reviewRounds.baseId, ctx.actor.baseId), eq(reviewRounds.status, "closed")));
  const pending = new Map<string, { roundId: string; title: string; undecided: number }>();
  for (const r of rows) {
    if (r.status !== "in_review") continue;
    const entry = pending.get(r.roundId) ?? { roundId: r.roundId, title: r.title, undecided: 0 };
    entry.undecided++;
    pending.set(r.roundId, entry);
  }
  const toClose = await db
    .select({ noticeId: admissionNotices.id, title: admissionNotices.title, endsAt: admissionNotices.endsAt })
    .from(admissionNotices)
    .where(
      and(
        eq(admissionNotices.baseId, ctx.actor.baseId),
        eq(admissionNotices.status, "published"),
        lte(admissionNotices.endsAt, new Date()),
      ),
    )
    .orderBy(asc(admissionNotices.endsAt));
  return {
    decisionsPending: [...pending.values()],
    noticesToClose: toClose.map((n) => ({ ...n, endsAt: n.endsAt.toISOString() })),
  };
}

/** The portal: every notice that has started, newest first (both published and closed). */
export async function listPublicNotices(db: Db, _ctx: AnonymousContext, status?: "published" | "closed") {
  const rows = await db
    .select()
    .from(admissionNotices)
    .where(
      and(
        lte(admissionNotices.startsAt, new Date()),
        status ? eq(admissionNotices.status, status) : undefined,
      ),
    )
    .orderBy(desc(admissionNotices.startsAt))
    .limit(50);
  return {
    items: rows.map((n) => ({
      id: n.id,
      title: n.title,
      status: n.status,
      startsAt: n.startsAt.toISOString(),
      endsAt: n.endsAt.toISOString(),
    })),
  };
}

export async function getPublicNotice(db: Db, _ctx: AnonymousContext, id: string): Promise<PublicNotice> {
  const [row] = await db.select().from(admissionNotices).where(eq(admissionNotices.id, id));
  if (!row || row.startsAt.getTime() > Date.now()) throw notFound();
  return toPublicNotice(db, row);
}

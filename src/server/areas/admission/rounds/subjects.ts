/**
 * The applications of a round: only the round's call's applications whose inspection is signed
 * off (status inspected) join, each moving to in_review through applyTransition; anything else
 * is a 409 naming its status and nothing joins. Removing one moves it back (leave_review) and
 * takes its reviews out of the round (typed scores only with `confirm`).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, organizations, reviews, roundSubjects } from "../../../../db/schema";
import type { RoundDetail } from "../../../../schemas/admission/rounds";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { applyTransition } from "../../recruitment/applications/transition";
import { loadRound, requireRoundStatus } from "./load";
import { callTitleOf, roundDetail } from "./view";

export async function addSubjects(
  db: Db,
  ctx: Context,
  id: string,
  applicationIds: readonly string[],
): Promise<RoundDetail> {
  const round = await db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const callTitle = await callTitleOf(tx, round.callId);
    const rows = await tx
      .select()
      .from(applications)
      .where(inArray(applications.id, [...applicationIds]))
      .orderBy(applications.id)
      .for("update");
    for (const applicationId of applicationIds) {
      const application = rows.find((r) => r.id === applicationId);
      // Another base's or another call's application is not one this round can see.
      if (!application || application.baseId !== round.baseId || application.callId !== round.callId) {
        throw new AppError("not_found", { details: { applicationId } });
      }
      if (application.status !== "inspected") {
        throw new AppError("application_not_inspected", {
          params: { status: application.status },
          details: { applicationId, currentStatus: application.status },
        });
      }
    }
    // Each transition updates the kept counts of its (town, track) (migration 0017) and holds
    // those rows to the commit: two rounds filled at once take them in the same order, town then
    // track, so neither waits for a row the other holds while holding one it needs.
    for (const application of await inCountOrder(tx, rows)) {
      await applyTransition(tx, ctx, application, "enter_review", {
        noticeParams: { callTitle },
        auditAfter: { roundId: round.id },
      });
      await tx.insert(roundSubjects).values({
        roundId: round.id,
        subjectId: application.id,
        baseId: round.baseId,
        organizationId: application.organizationId,
        track: application.track,
      });
    }
    return round;
  });
  return roundDetail(db, round);
}

export async function removeSubject(
  db: Db,
  ctx: Context,
  id: string,
  subjectId: string,
  confirm: boolean,
): Promise<RoundDetail> {
  const round = await db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const [subject] = await tx
      .select()
      .from(roundSubjects)
      .where(and(eq(roundSubjects.roundId, id), eq(roundSubjects.subjectId, subjectId)))
      .limit(1);
    if (!subject) throw notFound();
    const own = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.roundId, id), eq(reviews.subjectId, subjectId)));
    const typed = own.filter((r) => r.status !== "assigned" || Object.keys(r.scores).length > 0);
    if (typed.length > 0 && !confirm) {
      throw new AppError("review_scores_typed", {
        params: { count: typed.reduce((n, r) => n + Object.keys(r.scores).length, 0) },
        details: { reviews: typed.length },
      });
    }
    await tx.delete(reviews).where(and(eq(reviews.roundId, id), eq(reviews.subjectId, subjectId)));
    await tx
      .delete(roundSubjects)
      .where(and(eq(roundSubjects.roundId, id), eq(roundSubjects.subjectId, subjectId)));
    const [application] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, subjectId))
      .limit(1)
      .for("update");
    if (application) {
      await applyTransition(tx, ctx, application, "leave_review", {
        auditAfter: { roundId: id, reviewsRemoved: own.length },
      });
    } else {
      await recordAudit(tx, ctx, {
        baseId: round.baseId,
        action: "round.remove_pair",
        entityType: "round",
        entityId: id,
        after: { subjectId, reviewsRemoved: own.length },
      });
    }
    return round;
  });
  return roundDetail(db, round);
}

/** The applications ordered as the counts they change are keyed: town, track, then id. */
async function inCountOrder<T extends { id: string; organizationId: string; track: string }>(
  tx: Db,
  rows: readonly T[],
): Promise<T[]> {
  const orgIds = [...new Set(rows.map((r) => r.organizationId))];
  const towns = new Map(
    (orgIds.length
      ? await tx
          .select({ id: organizations.id, townId: organizations.townId })
          .from(organizations)
          .where(inArray(organizations.id, orgIds))
      : []
    ).map((o) => [o.id, o.townId ?? ""]),
  );
  const key = (r: T) => [towns.get(r.organizationId) ?? "", r.track, r.id];
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    return 0;
  });
}

/**
 * The experts of a round: users of the base with the expert role join; one with no review begun
 * may be removed; one who drops out (`dropped_at`) keeps what they submitted, and each of their
 * unsubmitted reviews goes to another expert (reassignAfterDropOut) while every other pair stays.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { reviews, roundExperts, users } from "../../../../db/schema";
import { reassignAfterDropOut } from "../../../../domain/review/assignment";
import type { DropOutResult, RoundDetail } from "../../../../schemas/admission/rounds";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { insertPairs } from "./assignment";
import { loadRound, requireRoundStatus } from "./load";
import { KEPT, loadProblem, toAssignmentRound } from "./problem";
import { roundDetail } from "./view";

export async function addExperts(
  db: Db,
  ctx: Context,
  id: string,
  input: { expertIds: string[]; maxLoad?: number | null },
): Promise<RoundDetail> {
  const round = await db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, input.expertIds),
          eq(users.baseId, round.baseId),
          eq(users.status, "active"),
          sql`'expert' = any(${users.roles})`,
        ),
      );
    if (found.length !== input.expertIds.length) {
      const missing = input.expertIds.filter((e) => !found.some((f) => f.id === e));
      throw new AppError("expert_not_in_base", { field: "expertIds", details: { expertIds: missing } });
    }
    await tx
      .insert(roundExperts)
      .values(
        input.expertIds.map((expertId) => ({
          roundId: id,
          expertId,
          baseId: round.baseId,
          maxLoad: input.maxLoad ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [roundExperts.roundId, roundExperts.expertId],
        set: { droppedAt: null, maxLoad: input.maxLoad ?? null },
      });
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.add_expert",
      entityType: "round",
      entityId: id,
      after: { expertIds: input.expertIds, maxLoad: input.maxLoad ?? null },
    });
    return round;
  });
  return roundDetail(db, round);
}

/** Removes an expert who has begun nothing in the round (else 409: drop-out is the way). */
export async function removeExpert(db: Db, ctx: Context, id: string, expertId: string): Promise<RoundDetail> {
  const round = await db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const [member] = await tx
      .select()
      .from(roundExperts)
      .where(and(eq(roundExperts.roundId, id), eq(roundExperts.expertId, expertId)))
      .limit(1);
    if (!member) throw notFound();
    const own = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.roundId, id), eq(reviews.expertId, expertId)));
    const typed = own.filter((r) => r.status !== "assigned" || Object.keys(r.scores).length > 0);
    if (typed.length > 0) {
      throw new AppError("review_scores_typed", {
        params: { count: typed.reduce((n, r) => n + Object.keys(r.scores).length, 0) },
        details: { reviews: typed.length },
      });
    }
    await tx.delete(reviews).where(and(eq(reviews.roundId, id), eq(reviews.expertId, expertId)));
    await tx
      .delete(roundExperts)
      .where(and(eq(roundExperts.roundId, id), eq(roundExperts.expertId, expertId)));
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.remove_expert",
      entityType: "round",
      entityId: id,
      before: { expertId, reviews: own.length },
    });
    return round;
  });
  return roundDetail(db, round);
}

export async function dropOut(db: Db, ctx: Context, id: string, expertId: string): Promise<DropOutResult> {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundStatus(round, "draft", "open");
    const [member] = await tx
      .select()
      .from(roundExperts)
      .where(
        and(
          eq(roundExperts.roundId, id),
          eq(roundExperts.expertId, expertId),
          isNull(roundExperts.droppedAt),
        ),
      )
      .limit(1);
    if (!member) throw notFound();
    const data = await loadProblem(tx, round);
    const { round: problem, pairs } = toAssignmentRound(data, round.reviewsPerSubject);
    // What they submitted stays theirs, as a stand-in whose load is exactly those reviews.
    const submitted = data.reviews.filter((r) => r.expertId === expertId && r.status === "submitted");
    const keptId = `${KEPT}${expertId}`;
    const current = pairs.map((p) =>
      p.expertId === expertId && submitted.some((r) => r.subjectId === p.applicationId)
        ? { ...p, expertId: keptId }
        : p,
    );
    const experts = [
      ...problem.experts.filter((e) => e.id !== keptId),
      ...(submitted.length > 0 ? [{ id: keptId, fields: [], maxLoad: submitted.length }] : []),
    ];
    const result = await reassignAfterDropOut({ ...problem, experts }, current, expertId);
    if (result.status === "invalid") {
      throw new AppError("validation_failed", { details: { problems: result.problems } });
    }
    const before = new Set(current.map((p) => `${p.applicationId}|${p.expertId}`));
    const added = result.pairs.filter((p) => !before.has(`${p.applicationId}|${p.expertId}`));
    const freed = data.reviews.filter((r) => r.expertId === expertId && r.status !== "submitted");
    if (freed.length > 0) {
      await tx.delete(reviews).where(
        inArray(
          reviews.id,
          freed.map((r) => r.id),
        ),
      );
    }
    await tx
      .update(roundExperts)
      .set({ droppedAt: new Date() })
      .where(and(eq(roundExperts.roundId, id), eq(roundExperts.expertId, expertId)));
    await insertPairs(tx, round, data, added, "reassigned");
    const shortfalls = result.shortfalls.map((s) => ({
      ...s,
      organizationName:
        data.subjects.find((x) => x.applicationId === s.applicationId)?.organizationName ?? "",
    }));
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.drop_out",
      entityType: "round",
      entityId: id,
      before: { expertId, unsubmitted: freed.length, kept: submitted.length },
      after: {
        reassigned: added.map((p) => ({ subjectId: p.applicationId, expertId: p.expertId })),
        shortfalls,
      },
    });
    return { reassigned: added.length, shortfalls };
  });
}

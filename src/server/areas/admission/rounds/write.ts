/**
 * Staff write review rounds: create one for a call (the rubric of each offered track is the
 * current version, the quotas the call's unless given), edit its settings (version or 409),
 * and move it: open (rubrics frozen, each expert told how many applications wait and until
 * when), close, reopen.
 */
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { calls, reviewRounds, reviews, roundExperts, roundSubjects, rubrics } from "../../../../db/schema";
import type { Track } from "../../../../domain/call";
import { nextRoundStatus, type RoundEvent } from "../../../../domain/review/round";
import type {
  Round,
  RoundAct,
  RoundCreate,
  RoundDetail,
  RoundEdit,
  RoundPage,
  RoundQuery,
} from "../../../../schemas/admission/rounds";
import type { Lang } from "../../../../schemas/messages";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { notify } from "../../../notify";
import { requireAccess } from "../../../policy";
import { currentRubrics } from "../rubrics/load";
import { loadRound, type RoundRow, requireRoundStatus, requireRoundVersion } from "./load";
import { roundCounts, roundDetail, roundView } from "./view";

export async function listRounds(db: Db, ctx: Context, query: RoundQuery): Promise<RoundPage> {
  requireAccess(ctx.actor, "round.manage");
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 20);
  const where = and(
    // Rounds are staff's own base's (round.manage has no wider scope).
    eq(reviewRounds.baseId, ctx.actor.baseId),
    query.status ? eq(reviewRounds.status, query.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ round: reviewRounds, callTitle: calls.title })
      .from(reviewRounds)
      .leftJoin(calls, eq(calls.id, reviewRounds.callId))
      .where(where)
      .orderBy(desc(reviewRounds.createdAt), desc(reviewRounds.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(reviewRounds).where(where),
  ]);
  const counts = await roundCounts(
    db,
    rows.map((r) => r.round.id),
  );
  return {
    items: rows.map((r) => roundView(r.round, r.callTitle, counts.get(r.round.id))),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}

export async function getRound(db: Db, ctx: Context, id: string): Promise<RoundDetail> {
  return roundDetail(db, await loadRound(db, ctx, id));
}

function checkDeadline(deadline: string | undefined): void {
  if (deadline !== undefined && new Date(deadline).getTime() <= Date.now()) {
    throw fieldError("deadline", "must_be_future");
  }
}

function checkQuotas(
  offered: readonly Track[],
  quotas: Partial<Record<Track, number>> | undefined,
  lang: Lang,
) {
  for (const track of Object.keys(quotas ?? {}) as Track[]) {
    if (!offered.includes(track)) {
      throw fieldError(`quotas.${track}`, "quota_track_not_offered", { track: trackName(track, lang) });
    }
  }
}

const TRACK_NAMES: Record<Lang, Record<Track, string>> = {
  "zh-CN": { org: "组织孵化", project: "项目孵化", combined: "组织+项目孵化", space: "空间入驻" },
  en: { org: "organization", project: "project", combined: "organization + project", space: "space" },
};
const trackName = (track: Track, lang: Lang) => TRACK_NAMES[lang][track];

export async function createRound(
  db: Db,
  ctx: Context,
  input: RoundCreate & { deadline: string },
): Promise<Round> {
  requireAccess(ctx.actor, "round.manage");
  checkDeadline(input.deadline);
  const [call] = await db.select().from(calls).where(eq(calls.id, input.callId)).limit(1);
  if (!call || call.baseId !== ctx.actor.baseId) throw notFound();
  const offered = call.rules.tracks.map((t) => t.track);
  checkQuotas(offered, input.quotas, ctx.lang);
  const current = await currentRubrics(db, ctx.actor.baseId);
  const quotas: Partial<Record<Track, number>> = {};
  const rubricIds: Partial<Record<Track, string>> = {};
  for (const t of call.rules.tracks) {
    quotas[t.track] = input.quotas?.[t.track] ?? t.quota;
    rubricIds[t.track] = current[t.track].id;
  }
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reviewRounds)
      .values({
        baseId: call.baseId,
        callId: call.id,
        title: input.title,
        reviewsPerSubject: input.reviewsPerSubject,
        deadline: new Date(input.deadline),
        method: input.method ?? "mean",
        trimmedMinReviews: input.trimmedMinReviews ?? 4,
        spreadThreshold: input.spreadThreshold ?? 30,
        expertDeviationThreshold: input.expertDeviationThreshold ?? 15,
        revealAfterSubmit: input.revealAfterSubmit ?? false,
        quotas,
        rubricIds,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!created) throw new Error("round insert returned nothing");
    await recordAudit(tx, ctx, {
      baseId: created.baseId,
      action: "round.create",
      entityType: "round",
      entityId: created.id,
      after: { ...input, quotas, rubricIds },
    });
    return created;
  });
  return roundView(row, call.title, undefined);
}

export async function editRound(db: Db, ctx: Context, id: string, input: RoundEdit): Promise<Round> {
  checkDeadline(input.deadline);
  const row = await db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    requireRoundVersion(round, input.version);
    const { version: _version, ...changes } = input;
    // How many reviews each application gets is the assignment's premise: set before opening.
    if (changes.reviewsPerSubject !== undefined && changes.reviewsPerSubject !== round.reviewsPerSubject) {
      requireRoundStatus(round, "draft");
    }
    if (changes.quotas) {
      const offered = Object.keys(round.rubricIds) as Track[];
      checkQuotas(offered, changes.quotas, ctx.lang);
    }
    const { deadline, ...rest } = changes;
    const set = {
      ...rest,
      ...(deadline ? { deadline: new Date(deadline) } : {}),
      ...(changes.quotas ? { quotas: { ...round.quotas, ...changes.quotas } } : {}),
    };
    const [updated] = await tx
      .update(reviewRounds)
      .set({ ...set, version: round.version + 1, updatedAt: new Date() })
      .where(and(eq(reviewRounds.id, id), eq(reviewRounds.version, round.version)))
      .returning();
    if (!updated) throw versionConflict(round.version + 1);
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: "round.update",
      entityType: "round",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, round[k as keyof RoundRow]])),
      after: changes,
    });
    return updated;
  });
  const counts = await roundCounts(db, [id]);
  return roundView(row, null, counts.get(id));
}

const READY_PROBLEMS: Record<string, Record<Lang, string>> = {
  no_subjects: { "zh-CN": "尚未加入评审的申请", en: "no applications are in it yet" },
  no_reviews: { "zh-CN": "尚未分配评审专家", en: "no reviewers are assigned yet" },
  deadline_passed: {
    "zh-CN": "评分截止时间已过，请先修改截止时间",
    en: "the scoring deadline has passed; move it first",
  },
};

function notReady(problem: keyof typeof READY_PROBLEMS, lang: Lang): AppError {
  return new AppError("round_not_ready", {
    params: { problem: READY_PROBLEMS[problem]?.[lang] ?? problem },
    details: { problem },
  });
}

export async function moveRound(
  db: Db,
  ctx: Context,
  id: string,
  event: RoundEvent,
  input: RoundAct,
): Promise<Round> {
  const row = await db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, id, { lock: true });
    const to = nextRoundStatus(round.status, event);
    if (!to) requireRoundStatus(round);
    requireRoundVersion(round, input.version);
    const now = new Date();
    if (event === "open" || event === "reopen") {
      if (round.deadline <= now) throw notReady("deadline_passed", ctx.lang);
    }
    if (event === "open") {
      const [subjects] = await tx
        .select({ n: count() })
        .from(roundSubjects)
        .where(eq(roundSubjects.roundId, id));
      if (!subjects?.n) throw notReady("no_subjects", ctx.lang);
      const [assigned] = await tx.select({ n: count() }).from(reviews).where(eq(reviews.roundId, id));
      if (!assigned?.n) throw notReady("no_reviews", ctx.lang);
      // The rubrics it scores against cannot change any more: an edit makes a new version.
      const ids = Object.values(round.rubricIds).filter((v): v is string => !!v);
      if (ids.length > 0) {
        await tx
          .update(rubrics)
          .set({ frozenAt: now })
          .where(and(inArray(rubrics.id, ids), isNull(rubrics.frozenAt)));
      }
    }
    const [updated] = await tx
      .update(reviewRounds)
      .set({
        status: to ?? round.status,
        version: round.version + 1,
        updatedAt: now,
        ...(event === "open" ? { openedAt: now } : {}),
        ...(event === "close" ? { closedAt: now } : {}),
        ...(event === "reopen" ? { closedAt: null } : {}),
      })
      .where(and(eq(reviewRounds.id, id), eq(reviewRounds.version, round.version)))
      .returning();
    if (!updated) throw versionConflict(round.version + 1);
    await recordAudit(tx, ctx, {
      baseId: round.baseId,
      action: `round.${event}`,
      entityType: "round",
      entityId: id,
      before: { status: round.status },
      after: { status: updated.status },
    });
    if (event === "open" || event === "reopen") await tellExperts(tx, updated);
    return updated;
  });
  const counts = await roundCounts(db, [id]);
  return roundView(row, null, counts.get(id));
}

/** Each active expert of the round with unsubmitted reviews: how many, and until when. */
async function tellExperts(tx: Db, round: RoundRow): Promise<void> {
  const loads = await tx
    .select({ expertId: reviews.expertId, n: count() })
    .from(reviews)
    .innerJoin(
      roundExperts,
      and(eq(roundExperts.roundId, reviews.roundId), eq(roundExperts.expertId, reviews.expertId)),
    )
    .where(
      and(
        eq(reviews.roundId, round.id),
        sql`${reviews.status} <> 'submitted'`,
        isNull(roundExperts.droppedAt),
      ),
    )
    .groupBy(reviews.expertId);
  for (const load of loads) {
    await notify(tx, {
      baseId: round.baseId,
      recipients: { kind: "users", userIds: [load.expertId] },
      kind: "review_assigned",
      params: {
        roundId: round.id,
        roundTitle: round.title,
        count: load.n,
        deadline: round.deadline.toISOString(),
      },
      link: "/reviews",
    });
  }
}

/**
 * Review rounds as the meeting finds them, written straight to the tables (rounds, assignment and
 * scoring are another area's routes): a rubric, a closed round of one track, its applications in
 * review, experts and their submitted reviews.
 */
import { eq } from "drizzle-orm";
import { applications, reviewRounds, reviews, roundSubjects, rubrics } from "../../../src/db/schema";
import type { ApplicationStatus } from "../../../src/domain/application";
import type { Track } from "../../../src/domain/call";
import type { CriterionTemplate } from "../../../src/domain/review/default-rubrics";
import type { RankMethod } from "../../../src/domain/review/track-ranking";
import { make } from "../../factories";
import type { TestApp } from "../../support/app";

/** Two criteria, as docs/REVIEW.md's worked example: innovation 3 × 0-10, feasibility 1 × 1-5. */
export const CRITERIA: CriterionTemplate[] = [
  {
    key: "innovation",
    weight: 3,
    min: 0,
    max: 10,
    name: { zhCN: "创新性", en: "Innovation" },
    description: { zhCN: "创新程度", en: "How new" },
    levels: [{ min: 0, max: 10, meaning: { zhCN: "按创新程度", en: "By how new" } }],
  },
  {
    key: "feasibility",
    weight: 1,
    min: 1,
    max: 5,
    name: { zhCN: "可行性", en: "Feasibility" },
    description: { zhCN: "能否落地", en: "Can it be done" },
    levels: [{ min: 1, max: 5, meaning: { zhCN: "按可行程度", en: "By how feasible" } }],
  },
];

let serial = 0;

export interface RoundFixture {
  roundId: string;
  rubricId: string;
  callId: string;
  track: Track;
  /** In the order given. */
  applicationIds: string[];
  organizationIds: string[];
  expertIds: string[];
}

/**
 * `scores[a][e]`: expert e's scores of application a ([innovation, feasibility]), or null when e
 * did not review a. `organizationIds` puts chosen organizations (the demo member's) first.
 */
export async function roundWithReviews(
  t: TestApp,
  spec: {
    scores: ([number, number] | null)[][];
    track?: Track;
    quota?: number;
    method?: RankMethod;
    organizationIds?: string[];
    status?: ApplicationStatus;
    draftReview?: { application: number; expert: number; scores: [number, number] };
  },
): Promise<RoundFixture> {
  const f = make(t);
  const track = spec.track ?? "org";
  const call = await f.call();
  const [rubric] = await t.db
    .insert(rubrics)
    .values({
      baseId: t.baseId,
      track,
      version: ++serial + 100,
      title: "测试指标",
      criteria: CRITERIA,
      frozenAt: new Date(),
    })
    .returning();
  if (!rubric) throw new Error("no rubric");
  const [round] = await t.db
    .insert(reviewRounds)
    .values({
      baseId: t.baseId,
      callId: call.id,
      title: `第${serial}轮入壳评审`,
      status: "closed",
      reviewsPerSubject: 3,
      deadline: new Date(Date.now() - 3_600_000),
      method: spec.method ?? "mean",
      rubricIds: { [track]: rubric.id },
      quotas: spec.quota === undefined ? {} : { [track]: spec.quota },
      openedAt: new Date(Date.now() - 7 * 86_400_000),
      closedAt: new Date(Date.now() - 3_600_000),
    })
    .returning();
  if (!round) throw new Error("no round");
  const expertCount = Math.max(...spec.scores.map((row) => row.length));
  const experts = [];
  for (let e = 0; e < expertCount; e++)
    experts.push(await f.user({ roles: ["expert"], displayName: `评审专家${e + 1}` }));
  const applicationIds: string[] = [];
  const organizationIds: string[] = [];
  for (let a = 0; a < spec.scores.length; a++) {
    const organizationId = spec.organizationIds?.[a] ?? (await f.organization()).id;
    const application = await f.application({
      callId: call.id,
      organizationId,
      track,
      status: spec.status ?? "in_review",
      submissionCount: 1,
      firstSubmittedAt: new Date(Date.now() - 30 * 86_400_000),
      lastSubmittedAt: new Date(Date.now() - 30 * 86_400_000),
    });
    applicationIds.push(application.id);
    organizationIds.push(organizationId);
    await t.db
      .insert(roundSubjects)
      .values({ roundId: round.id, subjectId: application.id, baseId: t.baseId, organizationId, track });
    for (const [e, scores] of (spec.scores[a] ?? []).entries()) {
      if (!scores) continue;
      await t.db.insert(reviews).values({
        baseId: t.baseId,
        roundId: round.id,
        subjectId: application.id,
        expertId: (experts[e] as { id: string }).id,
        rubricId: rubric.id,
        status: "submitted",
        scores: { innovation: scores[0], feasibility: scores[1] },
        comments: { innovation: `专家${e + 1}的保密意见：创新点一般` },
        overallComment: `专家${e + 1}总体意见（不对申请人公开）`,
        submittedAt: new Date(Date.now() - 2 * 3_600_000),
      });
    }
  }
  if (spec.draftReview) {
    const { application, expert, scores } = spec.draftReview;
    await t.db.insert(reviews).values({
      baseId: t.baseId,
      roundId: round.id,
      subjectId: applicationIds[application] as string,
      expertId: (experts[expert] as { id: string }).id,
      rubricId: rubric.id,
      status: "draft",
      scores: { innovation: scores[0], feasibility: scores[1] },
    });
  }
  return {
    roundId: round.id,
    rubricId: rubric.id,
    callId: call.id,
    track,
    applicationIds,
    organizationIds,
    expertIds: experts.map((e) => e.id),
  };
}

export async function statusOf(t: TestApp, id: string) {
  const [row] = await t.db.select().from(applications).where(eq(applications.id, id));
  if (!row) throw new Error("no application");
  return row;
}

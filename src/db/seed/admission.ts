/**
 * The demo's stages 2 and 3, carried on from its applications. The closed call (第一批) went
 * the whole way: every accepted application was inspected and signed off, a finished round of
 * five experts scored them (one lenient, one harsh, so its method is the z-score), the panel
 * admitted within each track's places, the list was on public notice with one objection
 * answered, and the admitted organizations confirmed their places (one declined, and the
 * first on its waitlist took the place). The open call (第二批) is under way: inspections
 * signed off, one being written, one planned with the `expert` account as an inspector, one
 * still to plan, and an open round in which `expert` has applications to score.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { DECISION_EVENT, type DecisionStatus } from "../../domain/application";
import type { Track } from "../../domain/call";
import { inspectionGaps } from "../../domain/inspection";
import type { OrganizationField } from "../../domain/organization";
import { DEFAULT_RUBRICS } from "../../domain/review/default-rubrics";
import type { Review, Rubric } from "../../domain/review/rubric";
import { rankTrack } from "../../domain/review/track-ranking";
import type { InspectionFindingInput } from "../../schemas/admission/inspections";
import {
  admissionDecisions,
  admissionNotices,
  expertConflicts,
  expertProfiles,
  inspectionInspectors,
  inspections,
  noticeObjections,
  organizations,
  reviewRounds,
  reviews,
  roundExperts,
  roundNotes,
  roundSubjects,
  rubrics,
  users,
} from "../schema";
import {
  DECISION_REASONS,
  DECLINE_REASON,
  demoFinding,
  EXTREME_COMMENTS,
  NOTICE_BODY,
  OBJECTION,
  OVERALL_COMMENTS,
} from "./admission-texts";
import { between, HOUR, MINUTE, shanghaiTime } from "./application-plan";
import { finish, type Live, type SeedContext, transition } from "./application-writer";
import { seedFundingReports } from "./funding-reports";
import { pickerOf } from "./generate";
import { seedIncubationWork } from "./incubation-work";
import { seedIncubations } from "./incubations";
import { seedMentoring } from "./mentoring";
import { seedPosts } from "./posts";
import { seedServices } from "./services";
import { seedTrainings } from "./trainings";

/** How an expert of the demo scores: a bias added to what an application deserves. */
export interface DemoExpert {
  username: string;
  displayName: string;
  mobile: string;
  fields: OrganizationField[];
  affiliation: string;
  title: string;
  bias: number;
}

/** The demo's experts: `expert` (the demo account) and five more, one lenient and one harsh. */
export const DEMO_EXPERTS: DemoExpert[] = [
  {
    username: "expert",
    displayName: "张立新",
    mobile: "13800000003",
    fields: ["elderly", "health", "volunteering"],
    affiliation: "北京社会管理职业学院",
    title: "副教授",
    bias: 0,
  },
  {
    username: "expert_wang",
    displayName: "王振华",
    mobile: "13800000013",
    fields: ["culture", "education", "children"],
    affiliation: "昌平区社会工作者协会",
    title: "理事长",
    bias: 1.6, // lenient
  },
  {
    username: "expert_zhao",
    displayName: "赵敏",
    mobile: "13800000023",
    fields: ["innovation", "environment", "poverty_relief"],
    affiliation: "北京市某公益基金会",
    title: "项目总监",
    bias: -2.1, // harsh
  },
  {
    username: "expert_qian",
    displayName: "钱立",
    mobile: "13800000033",
    fields: ["legal_aid", "friendliness", "disability"],
    affiliation: "北京某律师事务所",
    title: "合伙人律师",
    bias: 0.3,
  },
  {
    username: "expert_sun",
    displayName: "孙悦",
    mobile: "13800000043",
    fields: ["sport", "health", "friendliness"],
    affiliation: "中国人民大学社会与人口学院",
    title: "讲师",
    bias: -0.4,
  },
];

const DAY = 24 * HOUR;

const newId = (ctx: SeedContext) => ctx.newId?.() ?? randomUUID();

export interface Expert extends DemoExpert {
  id: string;
}

export interface Subject {
  live: Live;
  /** What the application deserves, 0-10, before any expert's bias. */
  quality: number;
}

export async function seedAdmission(
  ctx: SeedContext,
  random: () => number,
  lives: { closed: Live[]; open: Live[]; member: Live | null },
): Promise<void> {
  const { tx, baseId, now } = ctx;
  const pick = pickerOf(random);
  const ago = (days: number, hour: number, minute = 0) => shanghaiTime(now, days, hour, minute);

  const expertRows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.baseId, baseId),
        inArray(
          users.username,
          DEMO_EXPERTS.map((e) => e.username),
        ),
      ),
    );
  const experts: Expert[] = DEMO_EXPERTS.flatMap((e) => {
    const row = expertRows.find((r) => r.username === e.username);
    return row ? [{ ...e, id: row.id }] : [];
  });
  if (experts.length < 4) return;
  await tx.insert(expertProfiles).values(
    experts.map((e) => ({
      userId: e.id,
      baseId,
      fields: e.fields,
      affiliation: e.affiliation,
      title: e.title,
      createdAt: ago(200, 10),
      updatedAt: ago(200, 10),
    })),
  );
  const rubricIds = await seedRubrics(ctx, ago(140, 9));

  // ---- The closed call: inspected, reviewed, decided, on notice, places taken. ----
  const closedSubjects: Subject[] = lives.closed
    .filter((l) => l.status === "accepted")
    .map((live) => ({
      live,
      // The member's organization stood out (it is resident now); the others spread below it.
      quality: live === lives.member ? 9.4 : 4 + random() * 4.4,
    }));
  for (const [i, s] of closedSubjects.entries()) {
    const planned = new Date(s.live.statusChangedAt.getTime() + 2 * HOUR);
    const visit = between(ago(108, 9, 30), ago(97, 15), i / Math.max(1, closedSubjects.length - 1));
    await inspect(ctx, random, s.live, {
      planned,
      visit,
      inspectors: [ctx.staff.id, (experts[(i % (experts.length - 1)) + 1] as Expert).id],
      signOff: new Date(visit.getTime() + 26 * HOUR),
    });
  }
  const closedRound = await seedRound(ctx, random, {
    title: "2026年度第一批入壳评审",
    callId: lives.closed[0]?.call.id ?? null,
    subjects: closedSubjects,
    experts,
    k: 3,
    openedAt: ago(93, 9),
    deadline: ago(86, 18),
    closedAt: ago(85, 10),
    method: "zScore",
    quotas: { org: 3, project: 2, combined: 2, space: 3 },
    rubricIds,
    submitted: () => true,
  });
  const decided = await decideRound(ctx, closedRound, ago(84, 15));
  await noticeAndPlaces(ctx, random, closedRound, decided, {
    starts: ago(83, 9),
    ends: ago(76, 17),
    closed: ago(75, 10),
    confirmBy: ago(68, 17),
    member: lives.member,
  });
  // Stage 4: the confirmed places have been incubating since the cohort began (two months).
  await seedIncubations(tx, baseId, ago(61, 9), ctx.staff);
  // Their first month: baselines, needs, plans (one plan still waits for the member's agreement).
  await seedIncubationWork(tx, baseId, ctx.staff, now);
  // Trainings (能力建设) over those two months, today's session and the ones to come.
  await seedTrainings(tx, baseId, ctx.staff, now);
  // The 4Z service desk: a catalogue and three months of requests and records.
  await seedServices(tx, baseId, ctx.staff, now);
  // Information (资讯): three months of notices and policy posts, one to the cohort, read by the member.
  await seedPosts(tx, baseId, ctx.staff, now);
  // The mentor programme since: mentors, mentorships and two months of sessions.
  await seedMentoring(tx, baseId, ctx.staff, now);
  // Funding: one running grant of the member's organization with its reports scheduled.
  await seedFundingReports(tx, baseId, ctx.staff, now);
  await tx.insert(roundNotes).values([
    {
      baseId,
      roundId: closedRound.id,
      subjectId: null,
      body: "本轮5位专家，每份申请3人评审。赵敏老师整体给分偏低、王振华老师偏高，会议同意按标准分（z分数）排序，各方向排名与平均分排序基本一致。",
      authorId: ctx.staff.id,
      createdAt: ago(85, 14),
    },
  ]);

  // ---- The open call: inspections under way, an open round for `expert`. ----
  const accepted = lives.open
    .filter((l) => l.status === "accepted")
    .sort((a, b) => a.statusChangedAt.getTime() - b.statusChangedAt.getTime());
  const [first, second, third, recording, planned] = accepted;
  const openSubjects: Subject[] = [];
  for (const [i, live] of [first, second, third].entries()) {
    if (!live) continue;
    const visit = ago(2, 9 + i * 2, 30);
    await inspect(ctx, random, live, {
      planned: new Date(live.statusChangedAt.getTime() + HOUR),
      visit,
      inspectors: [ctx.staff.id],
      signOff: new Date(visit.getTime() + 3 * HOUR),
    });
    openSubjects.push({ live, quality: 4.5 + random() * 4 });
  }
  const expertAccount = experts.find((e) => e.username === "expert") as Expert;
  if (recording) {
    await inspect(ctx, random, recording, {
      planned: new Date(recording.statusChangedAt.getTime() + HOUR),
      visit: between(recording.statusChangedAt, now, 0.8),
      inspectors: [ctx.staff.id],
      signOff: null,
    });
  }
  if (planned) {
    await inspect(ctx, random, planned, {
      planned: new Date(planned.statusChangedAt.getTime() + HOUR),
      visit: shanghaiTime(now, -1, 10, 0),
      inspectors: [ctx.staff.id, expertAccount.id],
      signOff: null,
    });
  }
  // The sixth stays accepted: the staff home lists it as an inspection to plan.
  if (openSubjects.length > 0) {
    const round = await seedRound(ctx, random, {
      title: "2026年度第二批入壳评审（第一轮）",
      callId: openSubjects[0]?.live.call.id ?? null,
      subjects: openSubjects,
      experts: experts.slice(0, 4),
      k: 3,
      openedAt: ago(1, 9),
      deadline: shanghaiTime(now, -5, 18, 0),
      closedAt: null,
      method: "mean",
      quotas: {},
      rubricIds,
      // The others have scored some; `expert` has not submitted any yet.
      submitted: (expert, n) => expert.username !== "expert" && n % 2 === 0,
    });
    void round;
  }
  // A conflict `expert` declared when joining: a hub organization they advise.
  const [advised] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.baseId, baseId), eq(organizations.residency, "none")))
    .orderBy(organizations.name)
    .limit(1);
  if (advised) {
    await tx.insert(expertConflicts).values({
      baseId,
      expertId: expertAccount.id,
      organizationId: advised.id,
      source: "declared",
      reason: "本人担任该机构顾问。",
      createdBy: expertAccount.id,
      createdAt: ago(150, 11),
    });
  }
  void pick;
}

/** The base's rubrics (version 1, written with the base), frozen by the first round that used them. */
async function seedRubrics(ctx: SeedContext, frozenAt: Date): Promise<Record<Track, string>> {
  const rows = await ctx.tx
    .update(rubrics)
    .set({ frozenAt })
    .where(and(eq(rubrics.baseId, ctx.baseId), eq(rubrics.version, 1)))
    .returning({ id: rubrics.id, track: rubrics.track });
  return Object.fromEntries(rows.map((r) => [r.track, r.id])) as Record<Track, string>;
}

/** Plans an inspection, writes its finding, and signs it off when `signOff` is given. */
export async function inspect(
  ctx: SeedContext,
  random: () => number,
  live: Live,
  times: { planned: Date; visit: Date; inspectors: string[]; signOff: Date | null },
) {
  const id = newId(ctx);
  const registration = live.profile.registrationStatus;
  const complete = times.signOff !== null;
  const finding = times.visit < ctx.now ? demoFinding(random, registration, complete) : {};
  if (complete && inspectionGaps(finding, registration).length > 0) {
    throw new Error("seed: a demo inspection would not be signed off");
  }
  const onSite = random() < 0.8;
  await ctx.tx.insert(inspections).values({
    id,
    baseId: ctx.baseId,
    applicationId: live.id,
    organizationId: live.profile.id,
    status: complete ? "signed_off" : times.visit < ctx.now ? "recording" : "planned",
    mode: onSite ? "on_site" : "online",
    scheduledAt: times.visit,
    place: onSite ? (live.profile.address ?? "机构办公地点") : "腾讯会议（会议号见通知）",
    // The domain's shape is the contract's with read-only arrays.
    finding: finding as InspectionFindingInput,
    recommendation: complete ? "proceed" : null,
    signedOffAt: times.signOff,
    signedOffBy: complete ? ctx.staff.id : null,
    createdBy: ctx.staff.id,
    version: complete ? 3 : times.visit < ctx.now ? 2 : 1,
    createdAt: times.planned,
    updatedAt: times.signOff ?? times.planned,
  });
  await ctx.tx
    .insert(inspectionInspectors)
    .values(times.inspectors.map((userId) => ({ inspectionId: id, userId, baseId: ctx.baseId })));
  await transition(ctx, live, "plan_inspection", times.planned);
  if (times.signOff) await transition(ctx, live, "sign_off_inspection", times.signOff);
  await finish(ctx, live);
}

interface SeededRound {
  id: string;
  subjects: Subject[];
  quotas: Partial<Record<Track, number>>;
  rubrics: Record<Track, Rubric>;
  reviews: Review[];
  method: "mean" | "zScore";
}

/**
 * A round over `subjects` with k reviews each, assigned in rotation (loads within one, and every
 * expert shares applications with the next, so the review graph is connected), scored as each
 * expert would: the application's quality, the expert's bias, some noise per criterion.
 */
export async function seedRound(
  ctx: SeedContext,
  random: () => number,
  round: {
    title: string;
    callId: string | null;
    subjects: Subject[];
    experts: Expert[];
    k: number;
    openedAt: Date;
    deadline: Date;
    closedAt: Date | null;
    method: "mean" | "zScore";
    quotas: Partial<Record<Track, number>>;
    rubricIds: Record<Track, string>;
    submitted: (expert: Expert, n: number) => boolean;
  },
): Promise<SeededRound> {
  const { tx, baseId } = ctx;
  const id = newId(ctx);
  const tracks = [...new Set(round.subjects.map((s) => s.live.track))];
  await tx.insert(reviewRounds).values({
    id,
    baseId,
    subjectKind: "application",
    callId: round.callId,
    title: round.title,
    status: round.closedAt ? "closed" : "open",
    reviewsPerSubject: round.k,
    deadline: round.deadline,
    method: round.method,
    revealAfterSubmit: false,
    rubricIds: Object.fromEntries(tracks.map((t) => [t, round.rubricIds[t]])),
    quotas: round.quotas,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    createdBy: ctx.staff.id,
    version: round.closedAt ? 4 : 3,
    createdAt: new Date(round.openedAt.getTime() - 2 * DAY),
    updatedAt: round.closedAt ?? round.openedAt,
  });
  await tx.insert(roundExperts).values(
    round.experts.map((e) => ({
      roundId: id,
      expertId: e.id,
      baseId,
      addedAt: new Date(round.openedAt.getTime() - 2 * DAY),
    })),
  );
  await tx.insert(roundSubjects).values(
    round.subjects.map((s) => ({
      roundId: id,
      subjectId: s.live.id,
      baseId,
      organizationId: s.live.profile.id,
      track: s.live.track,
      addedAt: new Date(round.openedAt.getTime() - DAY),
    })),
  );
  for (const s of round.subjects) {
    // A day before the round opened, or just after the sign-off when that came later.
    const entered = Math.max(round.openedAt.getTime() - DAY, s.live.statusChangedAt.getTime() + MINUTE);
    await transition(ctx, s.live, "enter_review", new Date(entered));
    await finish(ctx, s.live);
  }
  const rubricsByTrack = {} as Record<Track, Rubric>;
  for (const t of tracks) {
    rubricsByTrack[t] = { id: round.rubricIds[t], track: t, criteria: DEFAULT_RUBRICS[t].criteria };
  }
  const written: Review[] = [];
  const perExpert = new Map<string, number>();
  const span = round.closedAt ?? ctx.now;
  for (const [i, s] of round.subjects.entries()) {
    for (let j = 0; j < Math.min(round.k, round.experts.length); j++) {
      // Pair by pair in turn: loads within one, and each subject shares experts with the next.
      const expert = round.experts[(i * round.k + j) % round.experts.length] as Expert;
      const n = perExpert.get(expert.id) ?? 0;
      perExpert.set(expert.id, n + 1);
      const rubric = rubricsByTrack[s.live.track];
      const done = round.submitted(expert, n);
      // One of `expert`'s open assignments is a draft: some criteria scored on the train.
      const draft = !done && n === 0;
      const scores: Record<string, number> = {};
      const comments: Record<string, string> = {};
      for (const [c, criterion] of rubric.criteria.entries()) {
        if (draft && c >= 2) break;
        if (!done && !draft) break;
        const raw = s.quality + expert.bias + (random() - 0.5) * 2.2;
        const score = Math.max(criterion.min, Math.min(criterion.max, Math.round(raw)));
        scores[criterion.key] = score;
        if (score === criterion.min) comments[criterion.key] = EXTREME_COMMENTS.low[c % 2] as string;
        if (score === criterion.max) comments[criterion.key] = EXTREME_COMMENTS.high[c % 2] as string;
      }
      const submittedAt = done ? between(round.openedAt, span, 0.2 + random() * 0.6) : null;
      await tx.insert(reviews).values({
        id: newId(ctx),
        baseId,
        roundId: id,
        subjectId: s.live.id,
        expertId: expert.id,
        rubricId: rubric.id,
        status: done ? "submitted" : draft ? "draft" : "assigned",
        source: "auto",
        scores,
        comments,
        overallComment: done ? (OVERALL_COMMENTS[(i + j) % OVERALL_COMMENTS.length] as string) : null,
        submittedAt,
        version: done ? 3 : draft ? 2 : 1,
        createdAt: round.openedAt,
        updatedAt: submittedAt ?? (draft ? new Date(ctx.now.getTime() - 3 * HOUR) : round.openedAt),
      });
      if (done) {
        written.push({
          applicationId: s.live.id,
          expertId: expert.id,
          track: s.live.track,
          rubricId: rubric.id,
          scores,
        });
      }
    }
  }
  return {
    id,
    subjects: round.subjects,
    quotas: round.quotas,
    rubrics: rubricsByTrack,
    reviews: written,
    method: round.method,
  };
}

/** The panel's decisions: within each track's places in the round's order, then one waitlisted. */
async function decideRound(
  ctx: SeedContext,
  round: SeededRound,
  at: Date,
): Promise<Map<string, DecisionStatus>> {
  const decided = new Map<string, DecisionStatus>();
  for (const track of Object.keys(round.rubrics) as Track[]) {
    const ranking = rankTrack({
      track,
      rubric: round.rubrics[track],
      reviews: round.reviews.filter((r) => r.track === track),
      settings: { method: round.method },
    });
    const places = round.quotas[track] ?? 0;
    for (const [n, row] of ranking.applications.entries()) {
      const decision: DecisionStatus = n < places ? "admitted" : n === places ? "waitlisted" : "rejected";
      decided.set(row.applicationId, decision);
    }
  }
  for (const [i, s] of round.subjects.entries()) {
    const decision = decided.get(s.live.id);
    if (!decision) continue;
    const when = new Date(at.getTime() + i * 3 * MINUTE);
    await transition(ctx, s.live, DECISION_EVENT[decision], when, DECISION_REASONS[decision]);
    await finish(ctx, s.live);
    await ctx.tx.insert(admissionDecisions).values({
      baseId: ctx.baseId,
      applicationId: s.live.id,
      roundId: round.id,
      track: s.live.track,
      decision,
      reason: DECISION_REASONS[decision],
      decidedBy: ctx.staff.id,
      decidedAt: when,
      createdAt: when,
      updatedAt: when,
    });
  }
  return decided;
}

/**
 * The public notice of the admitted, one objection recorded and answered, the decisions made
 * final, and the places: every admitted organization confirms but one, which declines; the first
 * of its track's waitlist is offered the place and confirms.
 */
async function noticeAndPlaces(
  ctx: SeedContext,
  random: () => number,
  round: SeededRound,
  decided: Map<string, DecisionStatus>,
  times: { starts: Date; ends: Date; closed: Date; confirmBy: Date; member: Live | null },
) {
  const { tx, baseId } = ctx;
  const admitted = round.subjects.filter((s) => decided.get(s.live.id) === "admitted");
  const noticeId = newId(ctx);
  await tx.insert(admissionNotices).values({
    id: noticeId,
    baseId,
    roundId: round.id,
    title: "2026年度第一批拟入壳社会组织名单公示",
    body: NOTICE_BODY,
    status: "closed",
    startsAt: times.starts,
    endsAt: times.ends,
    applicationIds: admitted.map((s) => s.live.id),
    publishedBy: ctx.staff.id,
    closedAt: times.closed,
    closedBy: ctx.staff.id,
    version: 2,
    createdAt: times.starts,
  });
  await tx.insert(noticeObjections).values({
    baseId,
    noticeId,
    applicationId: admitted[0]?.live.id ?? null,
    objector: OBJECTION.objector,
    contact: null,
    body: OBJECTION.body,
    receivedAt: new Date(times.starts.getTime() + 2 * DAY),
    answer: OBJECTION.answer,
    answeredAt: new Date(times.starts.getTime() + 4 * DAY),
    answeredBy: ctx.staff.id,
    recordedBy: ctx.staff.id,
    version: 2,
    createdAt: new Date(times.starts.getTime() + 2 * DAY),
  });
  await tx
    .update(admissionDecisions)
    .set({ finalAt: times.closed, confirmBy: times.confirmBy })
    .where(eq(admissionDecisions.roundId, round.id));
  // One admitted organization (not the member's) declines; its track's first waitlisted takes the place.
  const decliner = admitted.find(
    (s) =>
      s.live !== times.member &&
      round.subjects.some((o) => o.live.track === s.live.track && decided.get(o.live.id) === "waitlisted"),
  );
  for (const s of admitted) {
    const answered = between(times.closed, times.confirmBy, 0.1 + random() * 0.5);
    const event = s === decliner ? "decline" : "confirm";
    await transition(ctx, s.live, event, answered, s === decliner ? DECLINE_REASON : null);
    await finish(ctx, s.live);
    await tx
      .update(admissionDecisions)
      .set({ respondedAt: answered, updatedAt: answered, version: sql`${admissionDecisions.version} + 1` })
      .where(eq(admissionDecisions.applicationId, s.live.id));
  }
  if (decliner) {
    const next = round.subjects.find(
      (o) => o.live.track === decliner.live.track && decided.get(o.live.id) === "waitlisted",
    );
    if (next) {
      const offered = new Date(times.confirmBy.getTime() - 2 * DAY);
      await transition(ctx, next.live, "admit", offered, "入选机构放弃名额，按候补名次递补入壳。");
      const confirmed = new Date(offered.getTime() + DAY);
      await transition(ctx, next.live, "confirm", confirmed);
      await finish(ctx, next.live);
      await tx
        .update(admissionDecisions)
        .set({
          decision: "admitted",
          reason: "入选机构放弃名额，按候补名次递补入壳。",
          decidedAt: offered,
          respondedAt: confirmed,
          confirmBy: new Date(offered.getTime() + 7 * DAY),
          updatedAt: confirmed,
          version: sql`${admissionDecisions.version} + 1`,
        })
        .where(eq(admissionDecisions.applicationId, next.live.id));
    }
  }
}

/**
 * Stages 2 and 3 in the bench's data: every accepted application of each call is inspected and
 * signed off, then reviewed in that call's round by the run's experts (the demo `expert` among
 * them). Written with the demo story's own writers (src/db/seed/admission.ts) into the row
 * recorder, so the rows go in with the recruitment's, in bulk, and the same seed gives the same
 * rounds.
 */

import { expertProfiles, users } from "../src/db/schema";
import { type Expert, inspect, type Subject, seedRound } from "../src/db/seed/admission";
import type { Live, SeedContext } from "../src/db/seed/application-writer";
import type { Track } from "../src/domain/call";
import { ORGANIZATION_FIELDS, type OrganizationField } from "../src/domain/organization";

export interface RecordedRound {
  roundId: string;
  inspections: number;
  reviews: number;
  submitted: number;
}

/**
 * The round's experts: the demo `expert` account (so its assignment list has volume) and
 * `count - 1` generated ones, recorded once for every round of the run.
 */
export async function recordExperts(
  ctx: SeedContext,
  random: () => number,
  options: { count: number; passwordHash: string; demoExpertId: string },
): Promise<Expert[]> {
  const newId = ctx.newId as () => string;
  const experts: Expert[] = [
    { ...expertOf(0, random), username: "expert", displayName: "张立新", id: options.demoExpertId },
  ];
  for (let i = 1; i < options.count; i++) {
    const expert = { ...expertOf(i, random), id: newId() };
    experts.push(expert);
    await ctx.tx.insert(users).values({
      id: expert.id,
      baseId: ctx.baseId,
      username: expert.username,
      displayName: expert.displayName,
      mobile: expert.mobile,
      roles: ["expert"],
      passwordHash: options.passwordHash,
    });
    await ctx.tx.insert(expertProfiles).values({
      userId: expert.id,
      baseId: ctx.baseId,
      fields: expert.fields,
      affiliation: expert.affiliation,
      title: expert.title,
    });
  }
  return experts;
}

/**
 * One call's accepted applications inspected, signed off and reviewed in a round by every
 * expert in turn, k reviews each. An open round (the open call's) has about half its reviews
 * submitted; a closed one (an earlier call's, `closedAt` set) has them all.
 */
export async function recordRound(
  ctx: SeedContext,
  random: () => number,
  accepted: Live[],
  options: {
    title: string;
    experts: Expert[];
    k: number;
    rubricIds: Record<Track, string>;
    /** When the round opened; inspections are signed off before it. */
    openedAt: Date;
    closedAt: Date | null;
  },
): Promise<RecordedRound> {
  const subjects: Subject[] = [];
  const { openedAt, closedAt } = options;
  for (const live of accepted) {
    // Between the intake's acceptance and the round's opening (an hour before it at the latest).
    const latest = Math.min(openedAt.getTime(), ctx.now.getTime()) - 2 * 3600_000;
    const visit = new Date((live.statusChangedAt.getTime() + latest) / 2);
    await inspect(ctx, random, live, {
      planned: new Date(live.statusChangedAt.getTime() + 60_000),
      visit,
      inspectors: [ctx.staff.id],
      signOff: new Date(visit.getTime() + 60 * 60_000),
    });
    subjects.push({ live, quality: 3 + random() * 6 });
  }
  const round = await seedRound(ctx, random, {
    title: options.title,
    callId: accepted[0]?.call.id ?? null,
    subjects,
    experts: options.experts,
    k: options.k,
    openedAt,
    deadline: closedAt
      ? new Date(closedAt.getTime() - 3600_000)
      : new Date(ctx.now.getTime() + 5 * 24 * 3600_000),
    closedAt,
    method: "mean",
    quotas: {},
    rubricIds: options.rubricIds,
    submitted: (_expert, n) => closedAt !== null || n % 2 === 0,
  });
  return {
    roundId: round.id,
    inspections: subjects.length,
    reviews: subjects.length * Math.min(options.k, options.experts.length),
    submitted: round.reviews.length,
  };
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "建华志明秀英晓红立新国强海燕文博静怡子涵";

function expertOf(i: number, random: () => number): Omit<Expert, "id"> {
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3 + 1) % GIVEN.length]}`;
  const fields = new Set<OrganizationField>();
  while (fields.size < 3)
    fields.add(ORGANIZATION_FIELDS[Math.floor(random() * ORGANIZATION_FIELDS.length)] as OrganizationField);
  return {
    username: `bench_expert_${i}`,
    displayName: name,
    mobile: `1990${String(i).padStart(7, "0")}`,
    fields: [...fields],
    affiliation: "基准测试专家库",
    title: "专家",
    bias: (random() - 0.5) * 3,
  };
}

/**
 * Stages 2 and 3 in the bench's data: every accepted application of the bench's recruitment is
 * inspected and signed off, then reviewed in one open round by the demo `expert` and `experts`
 * generated experts, k reviews each, about half of them submitted. Written with the demo story's
 * own writers (src/db/seed/admission.ts) into the row recorder, so the rows go in with the
 * recruitment's, 1,000 per INSERT, and the same seed gives the same round.
 */

import { expertProfiles, users } from "../src/db/schema";
import { type Expert, inspect, type Subject, seedRound } from "../src/db/seed/admission";
import type { Live, SeedContext } from "../src/db/seed/application-writer";
import type { Track } from "../src/domain/call";
import { ORGANIZATION_FIELDS, type OrganizationField } from "../src/domain/organization";

export interface RecordedAdmission {
  roundId: string;
  inspections: number;
  experts: number;
  reviews: number;
  submitted: number;
}

export async function recordAdmission(
  ctx: SeedContext,
  random: () => number,
  accepted: Live[],
  options: {
    experts: number;
    k: number;
    passwordHash: string;
    rubricIds: Record<Track, string>;
    /** The demo `expert` account: it joins the round, so its assignment list has volume. */
    demoExpertId: string;
  },
): Promise<RecordedAdmission> {
  const newId = ctx.newId as () => string;
  const experts: Expert[] = [
    { ...expertOf(0, random), username: "expert", displayName: "张立新", id: options.demoExpertId },
  ];
  for (let i = 1; i < options.experts; i++) {
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
  const subjects: Subject[] = [];
  for (const live of accepted) {
    const visit = new Date((live.statusChangedAt.getTime() + ctx.now.getTime()) / 2);
    await inspect(ctx, random, live, {
      planned: new Date(live.statusChangedAt.getTime() + 60_000),
      visit,
      inspectors: [ctx.staff.id],
      signOff: new Date(visit.getTime() + 60 * 60_000),
    });
    subjects.push({ live, quality: 3 + random() * 6 });
  }
  const round = await seedRound(ctx, random, {
    title: "基准测试评审轮次",
    callId: accepted[0]?.call.id ?? null,
    subjects,
    experts,
    k: options.k,
    openedAt: new Date(ctx.now.getTime() - 30 * 60_000),
    deadline: new Date(ctx.now.getTime() + 5 * 24 * 3600_000),
    closedAt: null,
    method: "mean",
    quotas: {},
    rubricIds: options.rubricIds,
    submitted: (_expert, n) => n % 2 === 0,
  });
  return {
    roundId: round.id,
    inspections: subjects.length,
    experts: experts.length,
    reviews: subjects.length * Math.min(options.k, experts.length),
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

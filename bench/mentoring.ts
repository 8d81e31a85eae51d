/**
 * The bench's mentor programme (导师计划): a mentor (account and profile) per six incubations,
 * seven in ten incubations paired with one from a fortnight after their start to their end (the
 * pairing ended with the stay), the demo `mentor` among them with a handful of current pairings,
 * so its home has organizations to show. About eight sessions a year per pairing: those of the
 * last fortnight still waiting for the organization's answer, older ones confirmed (most rated) or
 * now and then disputed. Every session not disputed is a row of the ledger, and each pairing and
 * session a line of the growth file, as the mentoring area writes them. (Action items are left
 * out: they join the incubation plan, which the bench does not generate.)
 */
import type { mentoringSessions, mentorProfiles, mentorships, users } from "../src/db/schema";
import { addDays } from "../src/domain/incubation/lifecycle";
import { ORGANIZATION_FIELDS } from "../src/domain/organization";
import { MENTOR_SKILLS } from "../src/domain/services/mentoring";
import { mentoringTitles } from "../src/schemas/services/mentoring";
import {
  dayBetween,
  daysOf,
  deliver,
  grow,
  maybeRating,
  type ServedIncubation,
  type ServiceContext,
  shanghaiAt,
} from "./service-ledger";

const INCUBATIONS_PER_MENTOR = 6;
const SESSIONS_PER_YEAR = 8;
/** Pairings of the demo mentor (its home's organizations). */
const DEMO_MENTOR_PAIRINGS = 8;
const TOPICS = ["战略规划", "项目设计", "筹款策略", "财务管理", "团队建设", "品牌传播"];

export interface Mentor {
  id: string;
  name: string;
}

export interface LoadedMentoring {
  users: (typeof users.$inferInsert)[];
  profiles: (typeof mentorProfiles.$inferInsert)[];
  mentorships: (typeof mentorships.$inferInsert)[];
  sessions: (typeof mentoringSessions.$inferInsert)[];
  /** Each paired incubation's mentor (the service desk's mentor-handled requests go to it). */
  mentorOf: Map<string, Mentor>;
}

export function generateMentoring(
  ctx: ServiceContext,
  options: { demoMentor: Mentor; passwordHash: string },
): LoadedMentoring {
  const out: LoadedMentoring = {
    users: [],
    profiles: [],
    mentorships: [],
    sessions: [],
    mentorOf: new Map(),
  };
  const { random } = ctx;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const mentors: Mentor[] = [];
  for (let m = 0; m < Math.ceil(ctx.incubations.length / INCUBATIONS_PER_MENTOR); m++) {
    const id = ctx.ids();
    const name = `基准导师${m + 1}`;
    mentors.push({ id, name });
    out.users.push({
      id,
      baseId: ctx.baseId,
      username: `bench-mentor-${m + 1}`,
      displayName: name,
      passwordHash: options.passwordHash,
      roles: ["mentor"],
    });
    out.profiles.push({
      userId: id,
      baseId: ctx.baseId,
      fields: [pick(ORGANIZATION_FIELDS), pick(ORGANIZATION_FIELDS)].filter((f, i, a) => a.indexOf(f) === i),
      skills: [pick(MENTOR_SKILLS), pick(MENTOR_SKILLS)].filter((s, i, a) => a.indexOf(s) === i),
      title: "资深公益从业者",
      capacity: 3 + Math.floor(random() * 6),
    });
  }
  let demoPairings = 0;
  ctx.incubations.forEach((served, i) => {
    if (random() >= 0.7) return;
    const demo = served.status === "active" && demoPairings < DEMO_MENTOR_PAIRINGS;
    if (demo) demoPairings++;
    pair(ctx, out, served, demo ? options.demoMentor : (mentors[i % mentors.length] as Mentor), pick);
  });
  return out;
}

function pair(
  ctx: ServiceContext,
  out: LoadedMentoring,
  served: ServedIncubation,
  mentor: Mentor,
  pick: <T>(list: readonly T[]) => T,
): void {
  const { random } = ctx;
  const startsOn = minDay(addDays(served.startOn, 14), served.lastOn);
  const active = served.status === "active";
  const endsOn = active ? addDays(served.lastOn, 300) : served.lastOn;
  const id = ctx.ids();
  const at = shanghaiAt(startsOn, 10);
  out.mentorOf.set(served.id, mentor);
  out.mentorships.push({
    id,
    baseId: ctx.baseId,
    incubationId: served.id,
    organizationId: served.organizationId,
    mentorId: mentor.id,
    startsOn,
    endsOn,
    status: active ? "active" : "ended",
    endedOn: active ? null : served.lastOn,
    endReason: active ? null : "孵化期结束",
    endedBy: active ? null : ctx.staff.id,
    createdBy: ctx.staff.id,
    createdAt: at,
    updatedAt: at,
  });
  grow(ctx, served, {
    kind: "mentoring.paired",
    title: mentoringTitles.paired(mentor.name),
    params: { mentor: mentor.name, startsOn, endsOn },
    subjectId: id,
    actorName: ctx.staff.name,
    at,
  });
  const count = Math.round((SESSIONS_PER_YEAR * daysOf(startsOn, served.lastOn)) / 365);
  const recent = addDays(ctx.today, -14);
  for (let s = 0; s < count; s++) {
    const heldOn = dayBetween(random, startsOn, served.lastOn);
    const r = random();
    const status = heldOn >= recent ? "logged" : r < 0.05 ? "disputed" : r < 0.15 ? "logged" : "confirmed";
    const rating = status === "confirmed" ? maybeRating(random) : null;
    const minutes = 30 * (2 + Math.floor(random() * 4));
    const topics = [pick(TOPICS)];
    const sessionId = ctx.ids();
    const loggedAt = shanghaiAt(heldOn, 20);
    const answeredAt = status === "logged" ? null : new Date(loggedAt.getTime() + 2 * 86_400_000);
    out.sessions.push({
      id: sessionId,
      baseId: ctx.baseId,
      mentorshipId: id,
      incubationId: served.id,
      organizationId: served.organizationId,
      mentorId: mentor.id,
      heldOn,
      minutes,
      topics,
      advice: "下次见面前完成项目预算初稿。",
      status,
      rating,
      disputeReason: status === "disputed" ? "当天没有进行辅导" : null,
      answeredBy: answeredAt ? served.member.id : null,
      answeredAt,
      createdAt: loggedAt,
      updatedAt: answeredAt ?? loggedAt,
    });
    grow(ctx, served, {
      kind: "mentoring.session",
      title: mentoringTitles.session(mentor.name, minutes),
      params: { mentor: mentor.name, minutes, topics: topics.join("、"), note: topics.join("、") },
      subjectId: sessionId,
      actorName: mentor.name,
      at: loggedAt,
    });
    if (status === "disputed" && answeredAt) {
      // A disputed session leaves the ledger (withdrawDeliveries) and the file says so.
      grow(ctx, served, {
        kind: "mentoring.disputed",
        title: mentoringTitles.disputed(mentor.name, heldOn),
        params: { mentor: mentor.name, heldOn, note: "当天没有进行辅导" },
        subjectId: sessionId,
        actorName: served.member.name,
        at: answeredAt,
      });
      continue;
    }
    deliver(ctx, served, {
      kind: "mentoring",
      sourceId: sessionId,
      category: "consulting",
      deliveredOn: heldOn,
      minutes,
      rating,
    });
  }
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

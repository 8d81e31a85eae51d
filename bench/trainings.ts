/**
 * The bench's trainings (能力建设): about six attendances per incubation and year. Talent classes
 * (人才班, three required modules a week apart, a class of incubated organizations' members;
 * those who attended all three hold the numbered certificate), ordinary series of four sessions,
 * and single trainings between them, each enrolling the members of the incubations open that day:
 * up to the capacity enrolled, the rest on the waitlist, a few cancelled, three in four of those
 * enrolled attending (each attendance a row of the ledger and a line of the growth file, as the
 * check-in writes them) and half of those giving feedback (the rating the ledger carries). Ahead:
 * published trainings with enrolments (one in three full, with a waitlist), drafts, and the empty
 * trainings the enrolment race fills (bench/enrolment-race.ts).
 */
import type { trainingCertificates, trainingEnrolments, trainingSeries, trainings } from "../src/db/schema";
import { addDays } from "../src/domain/incubation/lifecycle";
import { AUDIENCES, SERVICE_CATEGORIES } from "../src/domain/services/categories";
import {
  certificateNumber,
  type EnrolmentStatus,
  type TrainingStatus,
} from "../src/domain/services/trainings";
import { trainingTitles } from "../src/schemas/services/trainings";
import {
  dayBetween,
  daysOf,
  deliver,
  firstStart,
  grow,
  type ServedIncubation,
  type ServiceContext,
  shanghaiAt,
} from "./service-ledger";

const ATTENDANCES_PER_YEAR = 6;
/** About how many attend a single training (a third of the attendances are in series). */
const ATTENDED_PER_TRAINING = 15;
const TOPICS = [
  "项目申报书写作",
  "社会组织财务管理",
  "志愿者招募与管理",
  "公益传播与新媒体",
  "理事会治理",
  "项目评估方法",
];
const TRAINERS = ["王老师", "李老师", "陈老师", "刘老师"];

export interface LoadedTrainings {
  series: (typeof trainingSeries.$inferInsert)[];
  trainings: (typeof trainings.$inferInsert)[];
  enrolments: (typeof trainingEnrolments.$inferInsert)[];
  certificates: (typeof trainingCertificates.$inferInsert)[];
  /** Published, months ahead, no enrolments: what the enrolment race fills, one a round. */
  raceTrainingIds: string[];
}

export function generateTrainings(
  ctx: ServiceContext,
  options: { firstSerial: number; race: { trainings: number; capacity: number } },
): LoadedTrainings {
  const out: LoadedTrainings = {
    series: [],
    trainings: [],
    enrolments: [],
    certificates: [],
    raceTrainingIds: [],
  };
  const { random, incubations, today } = ctx;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const openOn = (day: string) => incubations.filter((s) => s.startOn <= day && day <= s.lastOn);
  const first = firstStart(incubations, today);
  const yesterday = addDays(today, -1);
  const target = incubations.reduce(
    (n, s) => n + (ATTENDANCES_PER_YEAR * daysOf(s.startOn, s.lastOn)) / 365,
    0,
  );
  let serial = options.firstSerial;
  const newSeries = (kind: "series" | "talent", title: string) => {
    const id = ctx.ids();
    out.series.push({ id, baseId: ctx.baseId, kind, serial: ++serial, title, createdBy: ctx.staff.id });
    return { id, serial };
  };
  // A third of the attendances in series: talent classes and ordinary series, in turn.
  const seriesCount = Math.max(1, Math.round(target / 3 / (ATTENDED_PER_TRAINING * 3.5)));
  for (let s = 0; s < seriesCount; s++) {
    const start = dayBetween(random, first, addDays(today, -30));
    const talent = s % 2 === 0;
    const topic = pick(TOPICS);
    const series = newSeries(
      talent ? "talent" : "series",
      talent ? `项目官员人才班（${topic}）` : `${topic}系列课`,
    );
    const modules = talent ? 3 : 4;
    // The class: the incubations open over the series' weeks.
    const end = addDays(start, 7 * (modules - 1));
    const cohort = incubations.filter((i) => i.startOn <= start && end <= i.lastOn).slice(0, 25);
    const attendedAll = new Map<ServedIncubation, { modules: number; minutes: number }>();
    for (let m = 0; m < modules; m++) {
      const day = addDays(start, 7 * m);
      const id = training(ctx, out, {
        day,
        topic: `${topic}（第${m + 1}讲）`,
        seriesId: series.id,
        required: talent,
      });
      const minutes = enrol(ctx, out, id, day, talent ? cohort : openOn(day), 30);
      for (const [served, attended] of minutes) {
        if (attended === 0) continue;
        const sum = attendedAll.get(served) ?? { modules: 0, minutes: 0 };
        attendedAll.set(served, { modules: sum.modules + 1, minutes: sum.minutes + attended });
      }
    }
    if (!talent) continue;
    // Every required module attended: the series' certificate, numbered as the app numbers it.
    const last = addDays(start, 7 * (modules - 1));
    let n = 0;
    for (const [served, sum] of attendedAll) {
      if (sum.modules < modules) continue;
      out.certificates.push({
        baseId: ctx.baseId,
        seriesId: series.id,
        personId: served.member.id,
        number: certificateNumber(Number(last.slice(0, 4)), series.serial, ++n),
        minutes: sum.minutes,
        issuedAt: shanghaiAt(addDays(last, 1), 10),
      });
    }
  }
  // The single trainings: what the series left of the year's attendances.
  const singles = Math.max(2, Math.round((target * 2) / 3 / ATTENDED_PER_TRAINING));
  for (let t = 0; t < singles; t++) {
    const day = dayBetween(random, first, yesterday);
    const cancelled = random() < 0.04;
    const id = training(ctx, out, { day, topic: pick(TOPICS), status: cancelled ? "cancelled" : "done" });
    if (!cancelled) enrol(ctx, out, id, day, openOn(day), 20 + Math.floor(random() * 4) * 5);
  }
  // Ahead: published ones being filled, drafts, and the race's.
  const active = incubations.filter((s) => s.status === "active");
  for (let t = 0; t < 6; t++) {
    const day = addDays(today, 2 + Math.floor(random() * 30));
    const capacity = t % 3 === 0 ? 10 : 30;
    const id = training(ctx, out, { day, topic: pick(TOPICS), status: "published", capacity });
    enrol(ctx, out, id, day, active, t % 3 === 0 ? 16 : 12, capacity);
  }
  for (let t = 0; t < 2; t++)
    training(ctx, out, { day: addDays(today, 40 + t), topic: pick(TOPICS), status: "draft" });
  for (let t = 0; t < options.race.trainings; t++)
    out.raceTrainingIds.push(
      training(ctx, out, {
        day: addDays(today, 60 + (t % 30)),
        topic: `报名压力测试第${t + 1}场`,
        status: "published",
        capacity: options.race.capacity,
      }),
    );
  return out;
}

function training(
  ctx: ServiceContext,
  out: LoadedTrainings,
  t: {
    day: string;
    topic: string;
    seriesId?: string;
    required?: boolean;
    status?: TrainingStatus;
    capacity?: number;
  },
): string {
  const { random } = ctx;
  const id = ctx.ids();
  const startsAt = shanghaiAt(t.day, 14);
  const status = t.status ?? "done";
  out.trainings.push({
    id,
    baseId: ctx.baseId,
    seriesId: t.seriesId ?? null,
    required: t.required ?? false,
    topic: t.topic,
    trainerName: TRAINERS[Math.floor(random() * TRAINERS.length)] as string,
    startsAt,
    endsAt: new Date(startsAt.getTime() + (random() < 0.5 ? 2 : 3) * 3_600_000),
    place: "孵化基地多功能厅",
    category: SERVICE_CATEGORIES[Math.floor(random() * SERVICE_CATEGORIES.length)] ?? "consulting",
    capacity: t.capacity ?? 30,
    audiences: [...AUDIENCES],
    status,
    createdBy: ctx.staff.id,
    createdAt: new Date(startsAt.getTime() - 21 * 86_400_000),
    updatedAt: new Date(startsAt.getTime() - 21 * 86_400_000),
  });
  return id;
}

/**
 * Enrols about `wanted` of the candidates' members (up to the capacity, the rest waiting, a few
 * cancelled); in a past training three in four of those enrolled attend. Returns each person's
 * attended minutes (0: did not attend).
 */
function enrol(
  ctx: ServiceContext,
  out: LoadedTrainings,
  trainingId: string,
  day: string,
  candidates: ServedIncubation[],
  wanted: number,
  capacity?: number,
): Map<ServedIncubation, number> {
  const { random } = ctx;
  const row = out.trainings.find((t) => t.id === trainingId) as (typeof out.trainings)[number];
  const seats = capacity ?? row.capacity ?? 30;
  const past = day < ctx.today;
  const minutes = Math.round(((row.endsAt as Date).getTime() - (row.startsAt as Date).getTime()) / 60_000);
  const chosen = candidates.filter(() => random() < wanted / Math.max(wanted, candidates.length));
  const attended = new Map<ServedIncubation, number>();
  let taken = 0;
  chosen.forEach((served, i) => {
    const queuedAt = new Date(
      (row.startsAt as Date).getTime() - (14 - (i * 10) / chosen.length) * 86_400_000,
    );
    const status: EnrolmentStatus = random() < 0.05 ? "cancelled" : taken < seats ? "enrolled" : "waiting";
    if (status === "enrolled") taken++;
    const came = past && status === "enrolled" && random() < 0.75;
    const feedback = came && random() < 0.5;
    const rating = feedback ? 3 + Math.floor(random() * 3) : null;
    const id = ctx.ids();
    const attendedAt = came ? new Date((row.startsAt as Date).getTime() + 5 * 60_000) : null;
    out.enrolments.push({
      id,
      baseId: ctx.baseId,
      trainingId,
      personId: served.member.id,
      organizationId: served.organizationId,
      status,
      queuedAt,
      enrolledBy: served.member.id,
      attendedAt,
      attendedVia: came ? (random() < 0.8 ? "qr" : "list") : null,
      rating,
      useful: feedback ? "案例很实用" : null,
      feedbackAt: feedback ? new Date((row.endsAt as Date).getTime() + 3_600_000) : null,
      createdAt: queuedAt,
      updatedAt: attendedAt ?? queuedAt,
    });
    attended.set(served, came ? minutes : 0);
    if (!came || !attendedAt) return;
    deliver(ctx, served, {
      kind: "training",
      sourceId: trainingId,
      category: row.category ?? "consulting",
      deliveredOn: day,
      minutes,
      rating,
      personId: served.member.id,
    });
    grow(ctx, served, {
      kind: "training.attended",
      title: trainingTitles.attended(row.topic, minutes),
      params: { topic: row.topic, minutes, personName: served.member.name },
      subjectId: id,
      actorName: served.member.name,
      at: row.startsAt as Date,
    });
  });
  return attended;
}

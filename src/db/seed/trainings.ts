/**
 * Demo trainings (能力建设), carrying the story on: the 2026年第一期 cohort began about two months
 * ago. The 项目官员班 of the talent programme ran three required modules in its first weeks, and
 * the member 刘芳 attended all three (her certificate is issued); a finance training a month ago
 * was attended with feedback; today a governance session is on (the check-in screen has
 * something to show); upcoming ones have enrolments, one is full with a waitlist; one is a draft.
 * Attendances are written to the service ledger and the organizations' growth files, as the app
 * does.
 */
import { and, eq, sql } from "drizzle-orm";
import { certificateNumber, durationMinutes } from "../../domain/services/trainings";
import { trainingTitles } from "../../schemas/services/trainings";
import "../../schemas/services/training-growth";
import type { Db } from "../client";
import { recordDeliveries } from "../deliveries";
import { recordGrowth } from "../growth";
import {
  personProfiles,
  trainingCertificates,
  trainingEnrolments,
  trainingSeries,
  trainings,
  users,
} from "../schema";
import { shanghaiTime } from "./application-plan";

interface Person {
  id: string;
  name: string;
}

const ALL = ["resident", "virtual", "graduated", "public"] as const;

export async function seedTrainings(tx: Db, baseId: string, staff: Person, now: Date): Promise<void> {
  const at = (daysAgo: number, hour: number, minute = 0) => shanghaiTime(now, daysAgo, hour, minute);
  // The people: the base's organization members (the demo member first), then a few of the public.
  const members = await tx
    .select({
      id: users.id,
      name: users.displayName,
      organizationId: users.organizationId,
      username: users.username,
    })
    .from(users)
    .where(and(eq(users.baseId, baseId), sql`'org_member' = ANY(${users.roles})`))
    .orderBy(sql`${users.username} <> 'member'`, users.username)
    .limit(8);
  const [hash] = await tx.select({ h: users.passwordHash }).from(users).where(eq(users.id, staff.id));
  const publicPeople = await tx
    .insert(users)
    .values(
      ["赵文静", "孙浩然", "周雨桐"].map((name, i) => ({
        baseId,
        username: `trainee${i + 1}`,
        displayName: name,
        roles: ["individual" as const],
        passwordHash: hash?.h ?? "",
        mobile: `1390000100${i + 1}`,
      })),
    )
    .returning({ id: users.id, name: users.displayName });
  // What the base knows of them (the 人员 list and their 个人信息): added at the desk by staff.
  const units = [
    ["回龙观社区志愿者协会", "志愿者"],
    ["北京某科技有限公司", "社会责任专员"],
    [null, null],
  ] as const;
  await tx.insert(personProfiles).values(
    publicPeople.map((p, i) => ({
      userId: p.id,
      baseId,
      workUnit: units[i]?.[0] ?? null,
      jobTitle: units[i]?.[1] ?? null,
      source: "staff" as const,
      addedBy: staff.id,
    })),
  );
  const people = [
    ...members.map((m) => ({ id: m.id, name: m.name, organizationId: m.organizationId })),
    ...publicPeople.map((p) => ({ ...p, organizationId: null })),
  ];

  const [series] = await tx
    .insert(trainingSeries)
    .values({
      baseId,
      kind: "talent",
      serial: 1,
      title: "2026年专业人才培养计划·项目官员班",
      description: "面向社会组织项目官员的系统培训：项目设计、执行管理与评估，三门必修课全部出勤即可结业。",
      createdBy: staff.id,
    })
    .returning();
  if (!series) throw new Error("seed: series");

  type Plan = {
    topic: string;
    trainer: string;
    start: Date;
    hours: number;
    capacity: number;
    status: "draft" | "published" | "done";
    dimensionKeys?: string[];
    category?: "information" | "consulting" | "capital" | "resources";
    audiences?: readonly (typeof ALL)[number][];
    required?: boolean;
    /** Who enrolled, in order (indexes into people); who attended; ratings given. */
    enrol: number[];
    attend?: number[];
    ratings?: number[];
  };
  const plans: Plan[] = [
    {
      topic: "项目设计与逻辑框架",
      trainer: "邓老师（公益项目评估专家）",
      start: at(50, 9),
      hours: 3,
      capacity: 30,
      status: "done",
      required: true,
      enrol: [0, 1, 2, 5, 8],
      attend: [0, 1, 2, 5, 8],
      ratings: [5, 4, 5, 4, 5],
    },
    {
      topic: "项目执行与过程管理",
      trainer: "邓老师（公益项目评估专家）",
      start: at(36, 9),
      hours: 3,
      capacity: 30,
      status: "done",
      required: true,
      enrol: [0, 1, 2, 8],
      attend: [0, 1, 8],
      ratings: [5, 4],
    },
    {
      topic: "项目评估与成果呈现",
      trainer: "刘老师（第三方评估机构）",
      start: at(22, 14),
      hours: 3,
      capacity: 30,
      status: "done",
      required: true,
      enrol: [0, 2, 8],
      attend: [0, 2],
      ratings: [5],
    },
    {
      topic: "社会组织财务管理实务",
      trainer: "王会计师",
      start: at(30, 14),
      hours: 2.5,
      capacity: 40,
      status: "done",
      category: "consulting",
      dimensionKeys: ["finance"],
      enrol: [0, 1, 2, 3, 4, 9],
      attend: [0, 1, 3, 4, 9],
      ratings: [4, 5, 3, 4],
    },
    {
      topic: "社会组织党建与内部治理",
      trainer: "区社会组织服务中心 张主任",
      start: new Date(now.getTime() + 30 * 60_000),
      hours: 2,
      capacity: 40,
      status: "published",
      category: "information",
      dimensionKeys: ["governance"],
      enrol: [0, 1, 2, 3, 8],
    },
    {
      topic: "志愿者招募与管理",
      trainer: "北京京北公益基金会 周老师",
      start: at(-1, 14),
      hours: 2,
      capacity: 30,
      status: "published",
      category: "resources",
      enrol: [0, 3, 9],
    },
    {
      topic: "公益项目申报书撰写工作坊",
      trainer: "邓老师（公益项目评估专家）",
      start: at(-3, 9, 30),
      hours: 3,
      capacity: 4,
      status: "published",
      category: "capital",
      dimensionKeys: ["programmes"],
      audiences: ALL,
      enrol: [1, 2, 3, 8, 9, 10, 0],
    },
    {
      topic: "新媒体传播与公益品牌",
      trainer: "待定",
      start: at(-14, 14),
      hours: 2,
      capacity: 50,
      status: "draft",
      category: "information",
      enrol: [],
    },
  ];
  let moduleNo = 0;
  for (const p of plans) {
    const end = new Date(p.start.getTime() + p.hours * 3_600_000);
    const inSeries = p.required === true;
    const [t] = await tx
      .insert(trainings)
      .values({
        baseId,
        seriesId: inSeries ? series.id : null,
        required: inSeries,
        topic: inSeries ? `${p.topic}（项目官员班第${++moduleNo}讲）` : p.topic,
        description: `${p.topic}：讲授与案例研讨结合，欢迎带着本机构的实际问题来。`,
        trainerName: p.trainer,
        startsAt: p.start,
        endsAt: end,
        place: "孵化基地二楼多功能培训室",
        category: p.category ?? "consulting",
        dimensionKeys: p.dimensionKeys ?? [],
        capacity: p.capacity,
        audiences: [...(p.audiences ?? (inSeries ? ALL : ["resident", "virtual", "graduated"]))],
        status: p.status,
        createdBy: staff.id,
        createdAt: new Date(p.start.getTime() - 14 * 86_400_000),
      })
      .returning();
    if (!t) throw new Error("seed: training");
    const minutes = durationMinutes(t.startsAt, t.endsAt);
    const who = p.enrol.flatMap((i) => (people[i] ? [{ ...people[i], index: i }] : []));
    for (const [n, person] of who.entries()) {
      // A person on their own at a training for organizations only comes for their organization.
      const attended = p.attend?.includes(person.index) ?? false;
      const rating = attended ? p.ratings?.[p.attend?.indexOf(person.index) ?? -1] : undefined;
      const [e] = await tx
        .insert(trainingEnrolments)
        .values({
          baseId,
          trainingId: t.id,
          personId: person.id,
          organizationId: person.organizationId,
          status: n < p.capacity ? "enrolled" : "waiting",
          queuedAt: new Date(t.createdAt.getTime() + (n + 1) * 3_600_000),
          enrolledBy: person.id,
          attendedAt: attended ? new Date(t.startsAt.getTime() - 10 * 60_000 + n * 60_000) : null,
          attendedVia: attended ? (n % 4 === 3 ? "list" : "qr") : null,
          rating: rating ?? null,
          useful: rating
            ? ["案例贴近实际，回去就能用", "逻辑框架讲得很清楚", "了解了审计的要点"][n % 3]
            : null,
          suggestions: rating && rating < 5 ? "希望多留一些提问和交流的时间" : null,
          feedbackAt: rating ? new Date(t.endsAt.getTime() + 3_600_000) : null,
        })
        .returning();
      if (!e || !attended) continue;
      await recordDeliveries(tx, [
        {
          baseId,
          kind: "training",
          sourceId: t.id,
          category: t.category,
          organizationId: person.organizationId,
          personId: person.id,
          deliveredOn: t.startsAt.toISOString().slice(0, 10),
          minutes,
        },
      ]);
      if (rating)
        await tx.execute(
          sql`update service_deliveries set rating = ${rating} where kind = 'training' and source_id = ${t.id} and person_id = ${person.id}`,
        );
      if (person.organizationId)
        await recordGrowth(tx, {
          baseId,
          organizationId: person.organizationId,
          kind: "training.attended",
          title: trainingTitles.attended(t.topic, minutes),
          params: { topic: t.topic, minutes, personName: person.name },
          subjectId: e.id,
          actorName: person.name,
          at: t.startsAt,
        });
    }
  }
  // 刘芳 (the demo member) attended all three required modules: her certificate.
  const first = people[0];
  if (first) {
    await tx.insert(trainingCertificates).values({
      baseId,
      seriesId: series.id,
      personId: first.id,
      number: certificateNumber(Number(shanghaiTime(now, 0, 12, 0).toISOString().slice(0, 4)), 1, 1),
      minutes: 3 * 180,
      issuedAt: at(20, 10),
    });
  }
}

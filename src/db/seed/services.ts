/**
 * The demo's service desk (4Z 服务申请与服务记录): a real catalogue, and three months of requests
 * and records across the cohort's and the virtual organizations, written as the service would
 * (each record with its ledger row and growth event): some rated, two overdue, three at the
 * foundation the `partner` account works for, two with the `mentor` account; the `member`
 * account's organization has a request in progress (scheduled, with a thread) and one done to rate.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Audience, ServiceCategory } from "../../domain/services/categories";
import type { HandlerKind, RequestStatus, ServiceMode } from "../../domain/services/request";
import { shanghaiDate } from "../../domain/shanghai-time";
import { endOfShanghaiDay, workingDaysEnd } from "../../domain/working-days";
import type { Db } from "../client";
import { rateDeliveries, recordDeliveries } from "../deliveries";
import { recordGrowth } from "../growth";
import {
  incubations,
  organizations,
  partners,
  serviceCatalogue,
  serviceMessages,
  serviceRecords,
  serviceRequestEvents,
  serviceRequests,
  users,
} from "../schema";
import "../../schemas/services/service-growth";
import { seededRandom } from "./generate";

const DAY = 86_400_000;

interface Person {
  id: string;
  name: string;
}

const CATALOGUE: {
  category: ServiceCategory;
  name: string;
  description: string;
  audiences: Audience[];
  handlerKind: HandlerKind;
  partner?: number;
  responseDays: number;
}[] = [
  {
    category: "consulting",
    name: "注册辅导",
    description: "登记注册、章程起草、业务主管单位沟通，一对一辅导至取得登记证书。",
    audiences: ["resident", "virtual", "public"],
    handlerKind: "staff",
    responseDays: 3,
  },
  {
    category: "consulting",
    name: "财税咨询",
    description: "票据使用、纳税申报、年度审计准备与财务制度建设。",
    audiences: ["resident", "virtual", "graduated"],
    handlerKind: "partner",
    partner: 1,
    responseDays: 5,
  },
  {
    category: "consulting",
    name: "筹款辅导",
    description: "筹款策略、资助方申请书打磨与公益项目包装。",
    audiences: ["resident", "virtual", "graduated"],
    handlerKind: "partner",
    partner: 0,
    responseDays: 5,
  },
  {
    category: "consulting",
    name: "战略与项目设计",
    description: "与导师一起梳理使命愿景、项目逻辑模型与年度计划。",
    audiences: ["resident", "virtual"],
    handlerKind: "mentor",
    responseDays: 5,
  },
  {
    category: "information",
    name: "政策咨询",
    description: "政府购买服务、公益创投、税收优惠等政策解读与申报提醒。",
    audiences: ["resident", "virtual", "graduated", "public"],
    handlerKind: "staff",
    responseDays: 2,
  },
  {
    category: "information",
    name: "媒体宣传与展示",
    description: "公众号推文、年度成果展、媒体对接，讲好机构故事。",
    audiences: ["resident", "virtual", "graduated"],
    handlerKind: "staff",
    responseDays: 5,
  },
  {
    category: "resources",
    name: "场地支持",
    description: "基地会议室、多功能厅与路演区预约（工作日 9:00-17:30）。",
    audiences: ["resident", "graduated"],
    handlerKind: "staff",
    responseDays: 2,
  },
  {
    category: "resources",
    name: "志愿者对接",
    description: "对接企业志愿者团队与高校志愿服务队。",
    audiences: ["resident", "virtual"],
    handlerKind: "partner",
    partner: 1,
    responseDays: 5,
  },
  {
    category: "capital",
    name: "资方对接",
    description: "推荐基金会、企业社会责任项目与政府资金，协助准备对接材料。",
    audiences: ["resident", "virtual", "graduated"],
    handlerKind: "partner",
    partner: 0,
    responseDays: 5,
  },
  {
    category: "capital",
    name: "公益创投申报辅导",
    description: "区公益创投大赛申报书辅导与预算编制。",
    audiences: ["resident", "virtual"],
    handlerKind: "staff",
    responseDays: 3,
  },
];

const DETAILS: Record<string, { detail: string; record: string; mode: ServiceMode; minutes: number }> = {
  注册辅导: {
    detail: "我们正在准备民非登记，章程中的理事会条款不确定怎么写。",
    record: "逐条核对章程草案，修改理事会与监事条款，列出登记材料清单。",
    mode: "onsite",
    minutes: 90,
  },
  财税咨询: {
    detail: "第一次做年度汇算，想了解需要准备哪些材料。",
    record: "讲解年度汇算流程，核对票据与账册，约定下次复核时间。",
    mode: "onsite",
    minutes: 120,
  },
  筹款辅导: {
    detail: "准备申请基金会小额资助，申请书需要有人帮忙看看。",
    record: "逐段修改申请书，补充项目成效指标与预算说明。",
    mode: "online",
    minutes: 90,
  },
  战略与项目设计: {
    detail: "希望梳理机构三年发展规划，理清主项目的逻辑。",
    record: "与理事长共同完成项目逻辑模型，明确三项年度重点。",
    mode: "onsite",
    minutes: 150,
  },
  政策咨询: {
    detail: "区里新发布的政府购买服务目录，我们是否符合申报条件？",
    record: "电话解读申报条件与时间节点，发送政策原文与申报模板。",
    mode: "phone",
    minutes: 30,
  },
  媒体宣传与展示: {
    detail: "想在年底成果展上展示我们的社区助老项目。",
    record: "确定展位与展板内容，协助撰写项目故事稿。",
    mode: "onsite",
    minutes: 60,
  },
  场地支持: {
    detail: "下月初需要一间能容纳30人的会议室开展志愿者培训。",
    record: "安排多功能厅半天，提供投影与签到台。",
    mode: "onsite",
    minutes: 240,
  },
  志愿者对接: {
    detail: "周末社区活动需要10名志愿者。",
    record: "对接科技园两家企业志愿者团队，共12人参与。",
    mode: "online",
    minutes: 45,
  },
  资方对接: {
    detail: "青少年项目明年需要资金支持，希望对接合适的基金会。",
    record: "推荐两家基金会资助方向，协助约定面谈时间。",
    mode: "visit",
    minutes: 90,
  },
  公益创投申报辅导: {
    detail: "第一次参加公益创投，预算表不会编。",
    record: "讲解预算科目与配比要求，修改预算表两轮。",
    mode: "onsite",
    minutes: 120,
  },
};

export async function seedServices(tx: Db, baseId: string, staff: Person, now: Date): Promise<void> {
  const random = seededRandom(2026_12);
  const partnerRows = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.baseId, baseId))
    .orderBy(asc(partners.createdAt), asc(partners.name));
  const foundation = partnerRows.find((p) => p.name === "北京京北公益基金会") ?? partnerRows[0];
  const enterprise = partnerRows.find((p) => p.name !== foundation?.name) ?? foundation;
  const partnerOf = (i: number | undefined) => (i === 0 ? foundation : i === 1 ? enterprise : undefined);
  const catalogue = await tx
    .insert(serviceCatalogue)
    .values(
      CATALOGUE.map((c, position) => ({
        baseId,
        category: c.category,
        name: c.name,
        description: c.description,
        audiences: c.audiences,
        handlerKind: c.handlerKind,
        defaultPartnerId: partnerOf(c.partner)?.id ?? null,
        responseDays: c.responseDays,
        position,
      })),
    )
    .returning();
  const byName = new Map(catalogue.map((c) => [c.name, c]));

  const people = await tx
    .select({
      id: users.id,
      name: users.displayName,
      username: users.username,
      organizationId: users.organizationId,
    })
    .from(users)
    .where(and(eq(users.baseId, baseId), inArray(users.username, ["member", "mentor", "partner"])));
  const member = people.find((p) => p.username === "member");
  const mentor = people.find((p) => p.username === "mentor");
  const partnerUser = people.find((p) => p.username === "partner");

  // The organizations served: the cohort's (incubating) and some virtual ones.
  const cohort = await tx
    .select({ id: incubations.organizationId })
    .from(incubations)
    .where(eq(incubations.baseId, baseId))
    .orderBy(asc(incubations.startOn), asc(incubations.id))
    .limit(10);
  const virtual = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.baseId, baseId), eq(organizations.residency, "virtual")))
    .orderBy(asc(organizations.name))
    .limit(8);
  const served = [...new Set([...cohort.map((r) => r.id), ...virtual.map((r) => r.id)])].filter(
    (id) => id !== member?.organizationId,
  );
  if (served.length === 0) return;

  const at = (daysAgo: number, hour = 10) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    return new Date(`${shanghaiDate(d)}T${String(hour).padStart(2, "0")}:00:00+08:00`);
  };

  interface Story {
    organizationId: string;
    service: string;
    status: RequestStatus;
    askedDaysAgo: number;
    handler?: { kind: HandlerKind; userId?: string; partnerId?: string; name: string };
    scheduledInDays?: number;
    rating?: number;
    comment?: string;
    messages?: [side: "organization" | "base" | "handler", name: string, body: string][];
    declined?: string;
  }
  const staffHandler = { kind: "staff" as const, userId: staff.id, name: staff.name };
  const foundationHandler = foundation && {
    kind: "partner" as const,
    partnerId: foundation.id,
    name: foundation.name,
  };
  const enterpriseHandler = enterprise && {
    kind: "partner" as const,
    partnerId: enterprise.id,
    name: enterprise.name,
  };
  const mentorHandler = mentor && { kind: "mentor" as const, userId: mentor.id, name: mentor.name };
  const stories: Story[] = [];
  const services = [...byName.keys()];
  // Three months of done requests: two or three per organization, most rated.
  for (const [i, organizationId] of served.entries()) {
    const n = 2 + (i % 2);
    for (let k = 0; k < n; k++) {
      const service = services[(i * 3 + k) % services.length] as string;
      const kind = byName.get(service)?.handlerKind;
      stories.push({
        organizationId,
        service,
        status: "done",
        askedDaysAgo: 85 - Math.floor(random() * 70),
        handler:
          kind === "partner"
            ? byName.get(service)?.defaultPartnerId === foundation?.id
              ? foundationHandler
              : enterpriseHandler
            : kind === "mentor" && mentorHandler
              ? mentorHandler
              : staffHandler,
        rating: random() < 0.75 ? (random() < 0.6 ? 5 : 4) : undefined,
        comment: random() < 0.4 ? "老师很耐心，问题解决得很具体。" : undefined,
      });
    }
  }
  const o = (i: number) => served[i % served.length] as string;
  // Open work: the foundation's (the partner's home), the mentor's, two overdue, one declined.
  stories.push(
    {
      organizationId: o(0),
      service: "资方对接",
      status: "accepted",
      askedDaysAgo: 4,
      handler: foundationHandler,
    },
    {
      organizationId: o(1),
      service: "筹款辅导",
      status: "scheduled",
      askedDaysAgo: 6,
      handler: foundationHandler,
      scheduledInDays: 2,
      messages: [
        ["organization", "机构联系人", "申请书初稿已上传，请老师先看看预算部分。"],
        ["handler", partnerUser?.name ?? "周明", "收到，面谈时我们重点过预算。"],
      ],
    },
    {
      organizationId: o(2),
      service: "资方对接",
      status: "scheduled",
      askedDaysAgo: 12,
      handler: foundationHandler,
      scheduledInDays: -3,
    },
    {
      organizationId: o(3),
      service: "战略与项目设计",
      status: "accepted",
      askedDaysAgo: 5,
      handler: mentorHandler,
    },
    {
      organizationId: o(4),
      service: "战略与项目设计",
      status: "scheduled",
      askedDaysAgo: 8,
      handler: mentorHandler,
      scheduledInDays: 3,
    },
    // The foundation's history on the partner's home: closed, two rated by the organizations.
    {
      organizationId: o(3),
      service: "筹款辅导",
      status: "done",
      askedDaysAgo: 40,
      handler: foundationHandler,
      rating: 5,
      comment: "基金会老师帮我们把预算逐项过了一遍，申请书顺利提交。",
    },
    {
      organizationId: o(5),
      service: "资方对接",
      status: "done",
      askedDaysAgo: 26,
      handler: foundationHandler,
      rating: 4,
      comment: "对接了两家企业，其中一家已在洽谈捐赠。",
    },
    {
      organizationId: o(6),
      service: "筹款辅导",
      status: "done",
      askedDaysAgo: 15,
      handler: foundationHandler,
    },
    { organizationId: o(5), service: "政策咨询", status: "submitted", askedDaysAgo: 9 },
    { organizationId: o(6), service: "场地支持", status: "submitted", askedDaysAgo: 1 },
    {
      organizationId: o(7),
      service: "媒体宣传与展示",
      status: "declined",
      askedDaysAgo: 20,
      handler: staffHandler,
      declined: "本年度成果展展位已满，已为贵机构登记明年第一季度展示。",
    },
  );
  if (member?.organizationId) {
    stories.push(
      {
        organizationId: member.organizationId,
        service: "财税咨询",
        status: "done",
        askedDaysAgo: 24,
        handler: enterpriseHandler,
      },
      {
        organizationId: member.organizationId,
        service: "注册辅导",
        status: "done",
        askedDaysAgo: 50,
        handler: staffHandler,
        rating: 5,
        comment: "章程修改意见非常专业。",
      },
      {
        organizationId: member.organizationId,
        service: "公益创投申报辅导",
        status: "scheduled",
        askedDaysAgo: 3,
        handler: staffHandler,
        scheduledInDays: 1,
        messages: [
          ["organization", member.name, "我们的预算表初稿已经做好，面谈时带过来可以吗？"],
          ["base", staff.name, "可以，请同时带上去年的项目结项报告。"],
        ],
      },
    );
  }

  for (const s of stories) {
    const service = byName.get(s.service);
    const text = DETAILS[s.service];
    if (!service || !text) continue;
    const asked = at(s.askedDaysAgo, 9 + (s.askedDaysAgo % 6));
    const accepted = new Date(asked.getTime() + DAY);
    const scheduledAt =
      s.scheduledInDays !== undefined
        ? new Date(`${shanghaiDate(new Date(now.getTime() + s.scheduledInDays * DAY))}T14:00:00+08:00`)
        : s.status === "done"
          ? new Date(asked.getTime() + 3 * DAY)
          : null;
    const doneAt = s.status === "done" && scheduledAt ? scheduledAt : null;
    const [request] = await tx
      .insert(serviceRequests)
      .values({
        baseId,
        organizationId: s.organizationId,
        catalogueId: service.id,
        category: service.category,
        title: service.name,
        detail: text.detail,
        status: s.status,
        respondBy: workingDaysEnd(asked, service.responseDays),
        handlerKind: s.handler?.kind ?? null,
        handlerUserId: s.handler?.userId ?? null,
        handlerPartnerId: s.handler?.partnerId ?? null,
        scheduledAt,
        scheduledEnd: scheduledAt ? endOfShanghaiDay(shanghaiDate(scheduledAt)) : null,
        place: scheduledAt ? (text.mode === "online" ? "腾讯会议" : "基地二楼洽谈室") : null,
        online: text.mode === "online",
        declineReason: s.declined ?? null,
        requestedBy: s.organizationId === member?.organizationId ? member.id : null,
        closedAt: doneAt ?? (s.status === "declined" ? accepted : null),
        version: 1 + (s.status === "submitted" ? 0 : s.status === "done" ? 3 : 2),
        createdAt: asked,
        updatedAt: doneAt ?? accepted,
      })
      .returning();
    if (!request) continue;
    const events: (typeof serviceRequestEvents.$inferInsert)[] = [
      {
        baseId,
        requestId: request.id,
        event: "submit",
        toStatus: "submitted",
        actorName: "机构成员",
        createdAt: asked,
      },
    ];
    if (s.status === "declined")
      events.push({
        baseId,
        requestId: request.id,
        event: "decline",
        fromStatus: "submitted",
        toStatus: "declined",
        note: s.declined,
        actorId: staff.id,
        actorName: staff.name,
        createdAt: accepted,
      });
    if (s.status !== "submitted" && s.status !== "declined") {
      events.push({
        baseId,
        requestId: request.id,
        event: "accept",
        fromStatus: "submitted",
        toStatus: "accepted",
        actorId: staff.id,
        actorName: staff.name,
        createdAt: accepted,
      });
      if (s.handler && s.handler.kind !== "staff")
        events.push({
          baseId,
          requestId: request.id,
          event: "assign",
          note: s.handler.name,
          actorId: staff.id,
          actorName: staff.name,
          createdAt: accepted,
        });
    }
    if (scheduledAt && (s.status === "scheduled" || s.status === "done"))
      events.push({
        baseId,
        requestId: request.id,
        event: "schedule",
        fromStatus: "accepted",
        toStatus: "scheduled",
        actorName: s.handler?.name ?? staff.name,
        createdAt: new Date(accepted.getTime() + 3_600_000),
      });
    if (doneAt)
      events.push({
        baseId,
        requestId: request.id,
        event: "close",
        fromStatus: "scheduled",
        toStatus: "done",
        note: text.record.slice(0, 40),
        actorName: s.handler?.name ?? staff.name,
        createdAt: doneAt,
      });
    await tx.insert(serviceRequestEvents).values(events);
    for (const [i, [side, name, body]] of (s.messages ?? []).entries())
      await tx.insert(serviceMessages).values({
        baseId,
        requestId: request.id,
        side,
        authorName: name,
        body,
        createdAt: new Date(accepted.getTime() + (i + 2) * 3_600_000),
      });
    if (!doneAt) continue;
    const ratedAt = s.rating ? new Date(doneAt.getTime() + DAY) : null;
    const [record] = await tx
      .insert(serviceRecords)
      .values({
        baseId,
        organizationId: s.organizationId,
        requestId: request.id,
        category: service.category,
        title: service.name,
        detail: text.record,
        mode: text.mode,
        deliveredOn: shanghaiDate(doneAt),
        minutes: text.minutes,
        givenByName: s.handler?.kind === "partner" ? s.handler.name : (s.handler?.name ?? staff.name),
        givenByPartnerId: s.handler?.partnerId ?? null,
        rating: s.rating ?? null,
        ratingComment: s.rating ? (s.comment ?? null) : null,
        ratedAt,
        createdAt: doneAt,
        updatedAt: ratedAt ?? doneAt,
      })
      .returning();
    if (record) await deliver(tx, record, true, doneAt, s.handler?.name ?? staff.name);
  }

  // A policy talk to a group, recorded once for all of them (a month ago).
  const group = served.slice(0, 12);
  const talkDay = at(30, 14);
  const batch = crypto.randomUUID();
  const talk = await tx
    .insert(serviceRecords)
    .values(
      group.map((organizationId) => ({
        baseId,
        organizationId,
        batchId: batch,
        category: "information" as const,
        title: "2027年政府购买社会组织服务政策宣讲会",
        detail: "解读区民政局2027年购买服务目录、申报流程与绩效评估要求，现场答疑。",
        mode: "onsite" as const,
        deliveredOn: shanghaiDate(talkDay),
        minutes: 120,
        givenByName: staff.name,
        recordedBy: staff.id,
        createdAt: talkDay,
      })),
    )
    .returning();
  for (const r of talk) await deliver(tx, r, false, talkDay, staff.name);
}

async function deliver(
  tx: Db,
  r: typeof serviceRecords.$inferSelect,
  asked: boolean,
  at: Date,
  actorName: string,
): Promise<void> {
  await recordDeliveries(tx, [
    {
      baseId: r.baseId,
      kind: "service",
      sourceId: r.id,
      category: r.category,
      organizationId: r.organizationId,
      deliveredOn: r.deliveredOn,
      minutes: r.minutes,
    },
  ]);
  if (r.rating) await rateDeliveries(tx, { kind: "service", sourceId: r.id }, r.rating);
  await recordGrowth(tx, {
    baseId: r.baseId,
    organizationId: r.organizationId,
    kind: "service.delivered",
    title: {
      zhCN: `${asked ? "完成服务申请" : "获得服务"}：${r.title}（${r.minutes} 分钟）`,
      en: `${asked ? "Service request done" : "Service received"}: ${r.title} (${r.minutes} min)`,
    },
    params: { category: r.category, mode: r.mode, minutes: r.minutes, asked },
    subjectId: r.requestId ?? r.id,
    actorName,
    at,
  });
}

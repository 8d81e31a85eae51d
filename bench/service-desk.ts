/**
 * The bench's service desk (4Z 服务申请与服务记录): per incubation and year of its stay, about six
 * requests (from the catalogue or in the organization's words) in every state of their lifecycle,
 * with their history and a thread of a few messages; about four services given unasked; and talks
 * to groups (about ten organizations a record each, one batch). Old requests are mostly done,
 * declined or cancelled, recent ones still submitted, accepted or scheduled (some past their
 * response time or appointment). A done request's record closes it; every record is a row of the
 * ledger and a line of the growth file, a rated one a second line, as the service writes them.
 */
import type { serviceRequestEvents } from "../src/db/schema";
import { addDays } from "../src/domain/incubation/lifecycle";
import { SERVICE_CATEGORIES, type ServiceCategory } from "../src/domain/services/categories";
import type { HandlerKind, RequestStatus } from "../src/domain/services/request";
import { SERVICE_MODES } from "../src/domain/services/request";
import { endOfShanghaiDay, workingDaysEnd } from "../src/domain/working-days";
import { dayBetween, daysOf, type ServedIncubation, type ServiceContext, shanghaiAt } from "./service-ledger";
import { groupTalks, type LoadedDesk, record } from "./service-records";

const REQUESTS_PER_YEAR = 6;
const UNASKED_PER_YEAR = 4;
/** A request older than this is settled (done, declined or cancelled) unless it went stale. */
const SETTLED_AFTER_DAYS = 30;

const OWN_WORDS = [
  "想请基地帮忙梳理年度预算",
  "希望对接社区场地资源",
  "需要志愿者管理方面的指导",
  "项目结项报告怎么写",
];
const UNASKED = ["入驻走访", "政策解读", "项目申报提醒", "财务制度检查", "品牌宣传指导"];
const MESSAGES = [
  "您好，请问什么时候可以安排？",
  "已收到，我们会尽快联系您。",
  "材料已上传，请查收。",
  "好的，谢谢！",
];

export interface CatalogueEntry {
  id: string;
  category: ServiceCategory;
  name: string;
  handlerKind: HandlerKind;
  defaultPartnerId: string | null;
  responseDays: number;
}

export interface Handlers {
  /** A mentor-handled request goes to the incubation's mentor (or the demo mentor). */
  mentorOf(incubationId: string): { id: string; name: string };
  partners: { id: string; name: string }[];
}

export function generateServiceDesk(
  ctx: ServiceContext,
  catalogue: CatalogueEntry[],
  handlers: Handlers,
): LoadedDesk {
  const desk: LoadedDesk = { requests: [], events: [], messages: [], records: [] };
  const { random } = ctx;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (const served of ctx.incubations) {
    const days = daysOf(served.startOn, served.lastOn);
    const requests = Math.max(1, Math.round((REQUESTS_PER_YEAR * days) / 365));
    for (let i = 0; i < requests; i++) request(ctx, desk, served, pick, catalogue, handlers);
    for (let i = 0; i < Math.round((UNASKED_PER_YEAR * days) / 365); i++) {
      const day = dayBetween(random, served.startOn, served.lastOn);
      record(ctx, desk, served, {
        requestId: null,
        batchId: null,
        category: pick(SERVICE_CATEGORIES),
        title: pick(UNASKED),
        mode: pick(SERVICE_MODES),
        deliveredOn: day,
        givenBy: ctx.staff,
        partnerId: null,
      });
    }
  }
  groupTalks(ctx, desk, pick);
  return desk;
}

function request(
  ctx: ServiceContext,
  desk: LoadedDesk,
  served: ServedIncubation,
  pick: <T>(list: readonly T[]) => T,
  catalogue: CatalogueEntry[],
  handlers: Handlers,
): void {
  const { random } = ctx;
  const day = dayBetween(random, served.startOn, served.lastOn);
  const age = daysOf(day, ctx.today) - 1;
  const entry = random() < 0.7 && catalogue.length > 0 ? pick(catalogue) : null;
  const category = entry?.category ?? pick(SERVICE_CATEGORIES);
  const handlerKind: HandlerKind = entry?.handlerKind ?? "staff";
  const r = random();
  // What became of it: settled when old (or the stay is over), anywhere on the way when recent.
  let status: RequestStatus;
  if (age > SETTLED_AFTER_DAYS || served.status !== "active")
    status =
      r < 0.72
        ? "done"
        : r < 0.82
          ? "declined"
          : r < 0.92
            ? "cancelled"
            : r < 0.96
              ? "accepted"
              : "scheduled";
  else
    status =
      r < 0.3 ? "submitted" : r < 0.5 ? "accepted" : r < 0.75 ? "scheduled" : age >= 1 ? "done" : "submitted";
  const createdAt = shanghaiAt(day, 9 + Math.floor(random() * 9), Math.floor(random() * 60));
  const id = ctx.ids();
  const member = served.member;
  const hour = 3_600_000;
  const handler =
    status === "submitted" && random() < 0.5
      ? null
      : handlerKind === "mentor"
        ? { user: handlers.mentorOf(served.id), partner: null }
        : handlerKind === "partner" && handlers.partners.length > 0
          ? {
              user: null,
              partner:
                handlers.partners.find((p) => p.id === entry?.defaultPartnerId) ?? pick(handlers.partners),
            }
          : { user: ctx.staff, partner: null };
  let steps = 0;
  const event = (
    event: (typeof serviceRequestEvents.$inferInsert)["event"],
    from: RequestStatus | null,
    to: RequestStatus | null,
    at: Date,
    actor: { id: string; name: string },
    note: string | null = null,
  ) => {
    steps++;
    desk.events.push({
      baseId: ctx.baseId,
      requestId: id,
      event,
      fromStatus: from,
      toStatus: to,
      note,
      actorId: actor.id,
      actorName: actor.name,
      createdAt: at,
    });
  };
  event("submit", null, "submitted", createdAt, member);
  if (handler)
    event(
      "assign",
      null,
      null,
      new Date(createdAt.getTime() + hour / 2),
      ctx.staff,
      handler.user?.name ?? handler.partner?.name ?? null,
    );
  // The appointment within ten days; a done one's behind us and within the stay (its record's day).
  const latest =
    status === "done"
      ? minDay(addDays(day, 7), minDay(served.lastOn, addDays(ctx.today, -1)))
      : addDays(day, 10);
  const scheduledDay = latest <= day ? day : dayBetween(random, addDays(day, 1), latest);
  const at14 = shanghaiAt(scheduledDay, 14);
  const scheduledAt =
    at14.getTime() > createdAt.getTime() + 2 * hour ? at14 : new Date(createdAt.getTime() + 3 * hour);
  const reached = ["accepted", "scheduled", "done"].includes(status);
  if (reached)
    event(
      "accept",
      "submitted",
      "accepted",
      new Date(createdAt.getTime() + hour),
      handler?.user ?? ctx.staff,
    );
  if (status === "scheduled" || status === "done")
    event(
      "schedule",
      "accepted",
      "scheduled",
      new Date(createdAt.getTime() + 2 * hour),
      handler?.user ?? ctx.staff,
    );
  const closedAt =
    status === "done"
      ? new Date(scheduledAt.getTime() + 3 * hour)
      : status === "declined" || status === "cancelled"
        ? new Date(createdAt.getTime() + 26 * hour)
        : null;
  if (status === "done" && closedAt)
    event("close", "scheduled", "done", closedAt, handler?.user ?? ctx.staff);
  if (status === "declined" && closedAt)
    event("decline", "submitted", "declined", closedAt, ctx.staff, "不在本基地服务范围内");
  if (status === "cancelled" && closedAt) event("cancel", "submitted", "cancelled", closedAt, member);
  const title = entry?.name ?? pick(OWN_WORDS);
  desk.requests.push({
    id,
    baseId: ctx.baseId,
    organizationId: served.organizationId,
    catalogueId: entry?.id ?? null,
    category,
    title,
    detail: `${served.organizationName}：${title}`,
    status,
    respondBy: workingDaysEnd(createdAt, entry?.responseDays ?? 3),
    handlerKind: handler ? handlerKind : null,
    handlerUserId: handler?.user?.id ?? null,
    handlerPartnerId: handler?.partner?.id ?? null,
    scheduledAt: status === "scheduled" || status === "done" ? scheduledAt : null,
    scheduledEnd: status === "scheduled" || status === "done" ? endOfShanghaiDay(scheduledDay) : null,
    place: status === "scheduled" || status === "done" ? "孵化基地二层会议室" : null,
    declineReason: status === "declined" ? "不在本基地服务范围内" : null,
    requestedBy: member.id,
    closedAt,
    // One a step after the submission, as each step bumps it.
    version: steps,
    createdAt,
    updatedAt: closedAt ?? createdAt,
  });
  // A short thread: the organization asks, the base answers.
  const messages = Math.floor(random() * 4);
  for (let m = 0; m < messages; m++) {
    const base = m % 2 === 1;
    desk.messages.push({
      baseId: ctx.baseId,
      requestId: id,
      side: base ? "base" : "organization",
      authorId: base ? ctx.staff.id : member.id,
      authorName: base ? ctx.staff.name : member.name,
      body: pick(MESSAGES),
      createdAt: new Date(createdAt.getTime() + (m + 1) * hour),
    });
  }
  if (status === "done")
    record(ctx, desk, served, {
      requestId: id,
      batchId: null,
      category,
      title,
      mode: pick(SERVICE_MODES),
      deliveredOn: scheduledDay,
      givenBy:
        handler?.user ?? (handler?.partner ? { id: ctx.staff.id, name: handler.partner.name } : ctx.staff),
      partnerId: handler?.partner?.id ?? null,
    });
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

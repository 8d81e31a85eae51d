/**
 * The service records (服务记录) of the bench's service desk (service-desk.ts): one record per
 * organization served, closing a request, given unasked or in a talk to a group (a batch, the
 * incubations open that day), each a row of the ledger and a line of the growth file (a rated one
 * a second line), as src/server/areas/services/records/write.ts and rate.ts write them.
 */
import type {
  serviceMessages,
  serviceRecords,
  serviceRequestEvents,
  serviceRequests,
} from "../src/db/schema";
import { SERVICE_CATEGORIES, type ServiceCategory } from "../src/domain/services/categories";
import type { ServiceMode } from "../src/domain/services/request";
import { serviceTitles } from "../src/server/areas/services/requests/words";
import {
  dayBetween,
  daysOf,
  deliver,
  firstStart,
  grow,
  maybeRating,
  type ServedIncubation,
  type ServiceContext,
  shanghaiAt,
} from "./service-ledger";

/** Group talks a year per incubation, counted as records (about ten organizations a talk). */
const GROUP_RECORDS_PER_YEAR = 2;
const GROUP_SIZE = 10;
const GROUP = ["社会组织年检专题讲解", "公益项目设计工作坊", "政府购买服务政策宣讲"];

export interface LoadedDesk {
  requests: (typeof serviceRequests.$inferInsert)[];
  events: (typeof serviceRequestEvents.$inferInsert)[];
  messages: (typeof serviceMessages.$inferInsert)[];
  records: (typeof serviceRecords.$inferInsert)[];
}

/** Talks to a group: one record per organization in the room, one batch, the incubations open that day. */
export function groupTalks(ctx: ServiceContext, desk: LoadedDesk, pick: <T>(list: readonly T[]) => T): void {
  const { random, incubations } = ctx;
  if (incubations.length === 0) return;
  const total = incubations.reduce(
    (n, s) => n + (GROUP_RECORDS_PER_YEAR * daysOf(s.startOn, s.lastOn)) / 365,
    0,
  );
  const first = firstStart(incubations, ctx.today);
  for (let t = 0; t < Math.round(total / GROUP_SIZE); t++) {
    const day = dayBetween(random, first, ctx.today);
    const open = incubations.filter((s) => s.startOn <= day && day <= s.lastOn);
    const room = open.filter(() => random() < GROUP_SIZE / Math.max(GROUP_SIZE, open.length));
    const batchId = ctx.ids();
    const title = pick(GROUP);
    const category = pick(SERVICE_CATEGORIES);
    for (const served of room)
      record(ctx, desk, served, {
        requestId: null,
        batchId,
        category,
        title,
        mode: "onsite",
        deliveredOn: day,
        givenBy: ctx.staff,
        partnerId: null,
      });
  }
}

export function record(
  ctx: ServiceContext,
  desk: LoadedDesk,
  served: ServedIncubation,
  fields: {
    requestId: string | null;
    batchId: string | null;
    category: ServiceCategory;
    title: string;
    mode: ServiceMode;
    deliveredOn: string;
    givenBy: { id: string; name: string };
    partnerId: string | null;
  },
): void {
  const { random } = ctx;
  const id = ctx.ids();
  const minutes = 30 * (1 + Math.floor(random() * 6));
  const rating = maybeRating(random);
  const at = shanghaiAt(fields.deliveredOn, 17);
  const ratedAt = rating ? new Date(at.getTime() + 86_400_000) : null;
  desk.records.push({
    id,
    baseId: ctx.baseId,
    organizationId: served.organizationId,
    requestId: fields.requestId,
    batchId: fields.batchId,
    category: fields.category,
    title: fields.title,
    detail: "",
    mode: fields.mode,
    deliveredOn: fields.deliveredOn,
    minutes,
    givenByName: fields.givenBy.name,
    givenByPartnerId: fields.partnerId,
    recordedBy: ctx.staff.id,
    rating,
    ratedBy: rating ? served.member.id : null,
    ratedAt,
    createdAt: at,
    updatedAt: ratedAt ?? at,
  });
  deliver(ctx, served, {
    kind: "service",
    sourceId: id,
    category: fields.category,
    deliveredOn: fields.deliveredOn,
    minutes,
    rating,
  });
  const asked = fields.requestId !== null;
  grow(ctx, served, {
    kind: "service.delivered",
    title: serviceTitles.delivered(fields.title, minutes, asked),
    params: { category: fields.category, mode: fields.mode, minutes, asked },
    subjectId: fields.requestId ?? id,
    actorName: fields.givenBy.name,
    at,
  });
  if (rating && ratedAt)
    grow(ctx, served, {
      kind: "service.rated",
      title: serviceTitles.rated(fields.title, rating),
      params: { rating, note: null },
      subjectId: fields.requestId ?? id,
      actorName: served.member.name,
      at: ratedAt,
    });
}

/**
 * The service desk (4Z 服务申请与服务记录): the catalogue of services a base offers, the requests
 * organizations make, their history and message thread, and the service records that close them
 * or record a service given unasked. A record is one organization's: a talk to 12 organizations is
 * 12 records sharing a `batch_id`. The rules are in src/domain/services/request.ts.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  AUDIENCES,
  type Audience,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from "../../domain/services/categories";
import {
  CATALOGUE_STATUSES,
  type CatalogueStatus,
  HANDLER_KINDS,
  type HandlerKind,
  REQUEST_EVENTS,
  REQUEST_SIDES,
  REQUEST_STATUSES,
  type RequestEvent,
  type RequestSide,
  type RequestStatus,
  SERVICE_MODES,
  type ServiceMode,
} from "../../domain/services/request";
import { eachOf, oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { organizations } from "./organizations";
import { partners } from "./partners";
import { needs, planGoals } from "./plan";

/** A service of the catalogue (服务目录), per 4Z category. */
export const serviceCatalogue = pgTable(
  "service_catalogue",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    category: text("category").$type<ServiceCategory>().notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Who may ask for it (an organization in any of these audiences). */
    audiences: text("audiences").array().$type<Audience[]>().notNull(),
    handlerKind: text("handler_kind").$type<HandlerKind>().notNull().default("staff"),
    defaultPartnerId: uuid("default_partner_id").references(() => partners.id),
    /** Working days within which a request is accepted (or declined). */
    responseDays: integer("response_days").notNull().default(3),
    status: text("status").$type<CatalogueStatus>().notNull().default("active"),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("service_catalogue_category", t.category, SERVICE_CATEGORIES),
    eachOf("service_catalogue_audiences", t.audiences, AUDIENCES),
    oneOf("service_catalogue_handler_kind", t.handlerKind, HANDLER_KINDS),
    oneOf("service_catalogue_status", t.status, CATALOGUE_STATUSES),
    check("service_catalogue_response_days", sql`${t.responseDays} BETWEEN 1 AND 60`),
    uniqueIndex("service_catalogue_base_name").on(t.baseId, sql`lower(${t.name})`),
  ],
);

/** An organization's request for a service (服务申请). */
export const serviceRequests = pgTable(
  "service_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** The catalogue service asked for; null for a free-text request. */
    catalogueId: uuid("catalogue_id").references(() => serviceCatalogue.id),
    category: text("category").$type<ServiceCategory>().notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    /** The incubation's need or plan goal it serves, when the organization tied it to one. */
    needId: uuid("need_id").references(() => needs.id),
    goalId: uuid("goal_id").references(() => planGoals.id),
    status: text("status").$type<RequestStatus>().notNull().default("submitted"),
    /** The end of the expected response time (working days from submission). */
    respondBy: at("respond_by").notNull(),
    handlerKind: text("handler_kind").$type<HandlerKind>(),
    handlerUserId: userRef("handler_user_id"),
    handlerPartnerId: uuid("handler_partner_id").references(() => partners.id),
    scheduledAt: at("scheduled_at"),
    /** The end (Asia/Shanghai) of the appointment's day: after it a scheduled request is overdue. */
    scheduledEnd: at("scheduled_end"),
    place: text("place"),
    online: boolean("online").notNull().default(false),
    declineReason: text("decline_reason"),
    requestedBy: userRef("requested_by"),
    closedAt: at("closed_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("service_requests_category", t.category, SERVICE_CATEGORIES),
    oneOf("service_requests_status", t.status, REQUEST_STATUSES),
    oneOf("service_requests_handler_kind", t.handlerKind, HANDLER_KINDS),
    index("service_requests_base_status").on(t.baseId, t.status, t.createdAt),
    index("service_requests_organization").on(t.organizationId, t.createdAt),
    index("service_requests_handler_user").on(t.handlerUserId),
    index("service_requests_handler_partner").on(t.handlerPartnerId),
  ],
);

/** A request's history: each status change and assignment, with who and why. */
export const serviceRequestEvents = pgTable(
  "service_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => serviceRequests.id),
    event: text("event").$type<RequestEvent | "submit" | "assign">().notNull(),
    fromStatus: text("from_status").$type<RequestStatus>(),
    toStatus: text("to_status").$type<RequestStatus>(),
    note: text("note"),
    actorId: userRef("actor_id"),
    actorName: text("actor_name"),
    createdAt: created(),
  },
  (t) => [
    oneOf("service_request_events_event", t.event, [...REQUEST_EVENTS, "submit", "assign"]),
    index("service_request_events_request").on(t.requestId, t.createdAt),
  ],
);

/** The thread of a request: the organization and the base or handler. */
export const serviceMessages = pgTable(
  "service_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => serviceRequests.id),
    side: text("side").$type<RequestSide>().notNull(),
    authorId: userRef("author_id"),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: created(),
  },
  (t) => [
    oneOf("service_messages_side", t.side, REQUEST_SIDES),
    index("service_messages_request").on(t.requestId, t.createdAt),
  ],
);

/** A service record (服务记录): one service given to one organization, asked for or not. */
export const serviceRecords = pgTable(
  "service_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** The request it closed; null for a service given unasked. */
    requestId: uuid("request_id").references(() => serviceRequests.id),
    /** The records written together from one form (a talk to a group). */
    batchId: uuid("batch_id"),
    category: text("category").$type<ServiceCategory>().notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    mode: text("mode").$type<ServiceMode>().notNull(),
    deliveredOn: date("delivered_on").notNull(),
    minutes: integer("minutes").notNull(),
    /** Who gave it: a user, or a partner (its user who recorded it is `recordedBy`). */
    givenByName: text("given_by_name").notNull(),
    givenByPartnerId: uuid("given_by_partner_id").references(() => partners.id),
    recordedBy: userRef("recorded_by"),
    rating: smallint("rating"),
    ratingComment: text("rating_comment"),
    ratedBy: userRef("rated_by"),
    ratedAt: at("rated_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("service_records_category", t.category, SERVICE_CATEGORIES),
    oneOf("service_records_mode", t.mode, SERVICE_MODES),
    check("service_records_minutes", sql`${t.minutes} BETWEEN 1 AND 1440`),
    check("service_records_rating", sql`${t.rating} BETWEEN 1 AND 5`),
    uniqueIndex("service_records_request").on(t.requestId),
    index("service_records_base_day").on(t.baseId, t.deliveredOn),
    index("service_records_organization").on(t.organizationId, t.deliveredOn),
  ],
);

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZNotification,
  ZNotificationPage,
  ZNotificationQuery,
  ZReadAllResult,
  ZUnreadCount,
} from "../../../../schemas/platform/notifications";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { listNotifications, markAllRead, markRead, unreadCount } from "./service";

const tags = ["notifications"];

/** Every signed-in role: one's own notifications only. */
export const notificationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listNotifications",
        summary: "One's own notifications, unread first, paged (unread=true: only unread)",
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationPage, ...errors(400, 401) },
      },
    },
    async (request) => listNotifications(db, signedIn(request), request.query),
  );

  app.get(
    "/unread-count",
    {
      schema: {
        tags,
        operationId: "unreadNotificationCount",
        summary: "How many of one's notifications are unread (the bell)",
        response: { 200: ZUnreadCount, ...errors(401) },
      },
    },
    async (request) => ({ unread: await unreadCount(db, signedIn(request)) }),
  );

  app.post(
    "/read-all",
    {
      schema: {
        tags,
        operationId: "markAllNotificationsRead",
        summary: "Mark all of one's notifications read",
        response: { 200: ZReadAllResult, ...errors(401, 403) },
      },
    },
    async (request) => markAllRead(db, signedIn(request)),
  );

  app.post(
    "/:id/read",
    {
      schema: {
        tags,
        operationId: "markNotificationRead",
        summary: "Mark one of one's notifications read",
        params: ZIdParams,
        response: { 200: ZNotification, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => markRead(db, signedIn(request), request.params.id),
  );
};

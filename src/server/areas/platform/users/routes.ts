import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZNotificationSettings,
  ZNotificationSettingsUpdate,
} from "../../../../schemas/platform/notification-settings";
import {
  ZResetPasswordRequest,
  ZUser,
  ZUserCreate,
  ZUserPage,
  ZUserQuery,
  ZUserUpdate,
  ZVersionBody,
} from "../../../../schemas/platform/users";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { disableUser, enableUser, resetPassword, unlockUser } from "./account";
import { getNotificationSettings, updateNotificationSettings } from "./notification-settings";
import { createUser, getUser, listUsers, updateUser } from "./service";

const tags = ["users"];

export const userRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  // One's own account, any signed-in role: which channels carry one's notices.
  app.get(
    "/me/notification-settings",
    {
      schema: {
        tags,
        operationId: "getMyNotificationSettings",
        summary: "One's own notification channels (version 0: never saved, the defaults)",
        response: { 200: ZNotificationSettings, ...errors(401) },
      },
    },
    async (request) => getNotificationSettings(db, signedIn(request), config.smsLimits),
  );

  app.put(
    "/me/notification-settings",
    {
      schema: {
        tags,
        operationId: "updateMyNotificationSettings",
        summary: "Choose email and SMS on or off and the language of texts (409 when stale)",
        body: ZNotificationSettingsUpdate,
        response: { 200: ZNotificationSettings, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => updateNotificationSettings(db, signedIn(request), request.body, config.smsLimits),
  );

  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listUsers",
        summary: "Accounts of the administrator's base (mobile masked), searched and paged",
        querystring: ZUserQuery,
        response: { 200: ZUserPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listUsers(db, signedIn(request), request.query),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getUser",
        summary: "One account",
        params: ZIdParams,
        response: { 200: ZUser, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getUser(db, signedIn(request), request.params.id),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "createUser",
        summary: "Create an account (the user must change the password at first sign-in)",
        body: ZUserCreate,
        response: { 201: ZUser, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = await createUser(db, signedIn(request), request.body);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateUser",
        summary: "Edit profile, roles and organization link (mobile/email omitted: unchanged)",
        params: ZIdParams,
        body: ZUserUpdate,
        response: { 200: ZUser, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateUser(db, signedIn(request), request.params.id, request.body),
  );

  const actions = [
    ["disable", "disableUser", "Disable an account and end its sessions", disableUser],
    ["enable", "enableUser", "Re-enable a disabled account", enableUser],
    ["unlock", "unlockUser", "Lift the lock after too many failed sign-ins", unlockUser],
  ] as const;
  for (const [path, operationId, summary, run] of actions) {
    app.post(
      `/:id/${path}`,
      {
        schema: {
          tags,
          operationId,
          summary,
          params: ZIdParams,
          body: ZVersionBody,
          response: { 200: ZUser, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => run(db, signedIn(request), request.params.id, request.body.version),
    );
  }

  app.post(
    "/:id/reset-password",
    {
      schema: {
        tags,
        operationId: "resetUserPassword",
        summary: "Set a new password (to be changed at next sign-in) and end the account's sessions",
        params: ZIdParams,
        body: ZResetPasswordRequest,
        response: { 200: ZUser, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => resetPassword(db, signedIn(request), request.params.id, request.body),
  );
};

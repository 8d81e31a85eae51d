import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZOk } from "../../../../schemas/common";
import { ZChangePasswordRequest, ZLoginRequest, ZSessionResponse } from "../../../../schemas/platform/auth";
import {
  ZPasswordResetRequest,
  ZPhoneCodeResponse,
  ZResetCodeRequest,
} from "../../../../schemas/platform/phone-codes";
import { anonymousContext, signedIn } from "../../../context";
import { clearSessionCookies, setSessionCookies } from "../../../plugins/auth";
import { errors } from "../../../route-docs";
import { smsProviderFor } from "../../../sms";
import type { AreaDeps } from "../../deps";
import { requestResetCode, resetPassword } from "./reset";
import { changePassword, login, logout } from "./service";
import { csrfTokenFor, currentUserView } from "./sessions";

export const authRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const settings = {
    secret: config.sessionSecret,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    cookieSecure: config.cookieSecure,
  };
  const sms = smsProviderFor(config, app.log);

  app.post(
    "/login",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        operationId: "login",
        summary: "Sign in with account name or mobile number",
        body: ZLoginRequest,
        response: { 200: ZSessionResponse, ...errors(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { session, user } = await login(db, settings, anonymousContext(request), request.body);
      const csrfToken = setSessionCookies(reply, session, settings);
      return { user, csrfToken };
    },
  );

  app.post(
    "/logout",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["auth"],
        operationId: "logout",
        summary: "Sign out",
        response: { 200: ZOk, ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      await logout(db, signedIn(request));
      clearSessionCookies(reply, settings.cookieSecure);
      return { ok: true as const };
    },
  );

  app.get(
    "/me",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["auth"],
        operationId: "currentUser",
        summary: "The signed-in user",
        response: { 200: ZSessionResponse, ...errors(401) },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return {
        user: await currentUserView(db, ctx.actor.userId),
        csrfToken: csrfTokenFor(ctx.actor.sessionId, settings.secret),
      };
    },
  );

  app.post(
    "/password",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["auth"],
        operationId: "changePassword",
        summary: "Change one's own password (ends the account's other sessions)",
        body: ZChangePasswordRequest,
        response: { 200: ZOk, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      await changePassword(db, signedIn(request), request.body);
      return { ok: true as const };
    },
  );

  app.post(
    "/reset/codes",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        operationId: "requestPasswordResetCode",
        summary:
          "Forgot password: text a code to the account's mobile (the same answer whether or not the account exists)",
        body: ZResetCodeRequest,
        response: { 200: ZPhoneCodeResponse, ...errors(400, 429) },
      },
    },
    async (request) =>
      requestResetCode(db, sms, app.log, config.sessionSecret, anonymousContext(request), request.body),
  );

  app.post(
    "/reset",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        operationId: "resetPassword",
        summary: "Forgot password: set a new one with the texted code (ends every session of the account)",
        body: ZPasswordResetRequest,
        response: { 200: ZOk, ...errors(400, 403, 429) },
      },
    },
    async (request) => {
      await resetPassword(db, config.sessionSecret, anonymousContext(request), request.body);
      return { ok: true as const };
    },
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZSessionResponse } from "../../../../schemas/platform/auth";
import { ZPhoneCodeResponse } from "../../../../schemas/platform/phone-codes";
import {
  ZPhoneCodeRequest,
  ZRegistrationBases,
  ZRegistrationRequest,
} from "../../../../schemas/recruitment/registration";
import { anonymousContext } from "../../../context";
import { setSessionCookies } from "../../../plugins/auth";
import { errors } from "../../../route-docs";
import { smsProviderFor } from "../../../sms";
import type { AreaDeps } from "../../deps";
import { requestPhoneCode } from "./codes";
import { register, registrationBases } from "./register";

const tags = ["registration"];

/** Public: applicants register here before they have an account. */
export const registrationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const sms = smsProviderFor(config, app.log);
  const settings = {
    secret: config.sessionSecret,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    cookieSecure: config.cookieSecure,
  };

  app.get(
    "/bases",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "registrationBases",
        summary: "The bases an applicant may register with",
        response: { 200: ZRegistrationBases },
      },
    },
    async () => registrationBases(db),
  );

  app.post(
    "/codes",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "requestPhoneCode",
        summary: "Send a one-time code to a mobile number (rate-limited; 409 when it has an account)",
        body: ZPhoneCodeRequest,
        response: { 200: ZPhoneCodeResponse, ...errors(400, 409, 429, 503) },
      },
    },
    async (request) =>
      requestPhoneCode(db, sms, config.sessionSecret, anonymousContext(request), request.body.mobile),
  );

  app.post(
    "",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "register",
        summary:
          "Register an applicant account with a confirmed mobile, for a new or existing organization; signs in",
        body: ZRegistrationRequest,
        response: { 201: ZSessionResponse, ...errors(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { session, user } = await register(db, settings, anonymousContext(request), request.body);
      const csrfToken = setSessionCookies(reply, session, settings);
      return reply.status(201).send({ user, csrfToken });
    },
  );
};

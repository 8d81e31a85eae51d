/**
 * Individuals (个人用户) under /api/people: the staff's list, its .xlsx, adding a person, a
 * person's page (staff, or the person), staff editing, disabling and enabling one, the
 * individual's own profile; and registering as an
 * individual under /api/registration/individual (public). Routes are thin: parse, call one service.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import { ZSessionResponse } from "../../../../schemas/platform/auth";
import { ZVersionBody } from "../../../../schemas/platform/users";
import {
  ZIndividualRegistrationRequest,
  ZOwnProfile,
  ZOwnProfileUpdate,
  ZPersonCreate,
  ZPersonDetail,
  ZPersonFilter,
  ZPersonPage,
  ZPersonQuery,
  ZPersonUpdate,
} from "../../../../schemas/services/people";
import { anonymousContext, signedIn } from "../../../context";
import { setSessionCookies } from "../../../plugins/auth";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { disablePerson, enablePerson } from "./account";
import { addPerson } from "./add";
import { personDetail } from "./detail";
import { updatePerson } from "./edit";
import { exportPeople } from "./export";
import { listPeople } from "./list";
import { ownProfile, updateOwnProfile } from "./profile";
import { registerIndividual } from "./register";

const tags = ["people"];

export const peopleRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listPeople",
        summary: "The base's individuals with their training totals, filtered, sorted, paged (staff)",
        querystring: ZPersonQuery,
        response: { 200: ZPersonPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listPeople(db, signedIn(request), request.query),
  );

  app.get(
    "/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportPeople",
        summary: "The filtered list of individuals as .xlsx (all pages; mobiles masked; staff)",
        querystring: ZPersonFilter,
        response: {
          200: {
            description: "人员名单 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const file = await exportPeople(db, signedIn(request), request.query);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, "people.xlsx"))
        .send(file.buffer);
    },
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "addPerson",
        summary: "Add an individual who signs in by mobile (first password, or set by phone code; staff)",
        body: ZPersonCreate,
        response: { 201: ZPersonDetail, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addPerson(db, signedIn(request), request.body)),
  );

  app.get(
    "/me",
    {
      schema: {
        tags,
        operationId: "getOwnPersonProfile",
        summary: "The individual's own profile (个人信息)",
        response: { 200: ZOwnProfile, ...errors(401, 403) },
      },
    },
    async (request) => ownProfile(db, signedIn(request)),
  );

  app.put(
    "/me",
    {
      schema: {
        tags,
        operationId: "updateOwnPersonProfile",
        summary: "Edit one's own name, email, work unit and title (409 when stale)",
        body: ZOwnProfileUpdate,
        response: { 200: ZOwnProfile, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => updateOwnProfile(db, signedIn(request), request.body),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getPerson",
        summary:
          "A person: profile, training enrolments, attendance, hours, series progress (staff, or self)",
        params: ZIdParams,
        response: { 200: ZPersonDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => personDetail(db, signedIn(request), request.params.id),
  );

  app.put(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updatePerson",
        summary:
          "Edit a person's name, mobile (their sign-in), email, work unit and title (staff; 409 when stale)",
        params: ZIdParams,
        body: ZPersonUpdate,
        response: { 200: ZPersonDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updatePerson(db, signedIn(request), request.params.id, request.body),
  );

  const actions = [
    ["disable", "disablePerson", "Disable a person's account and end its sessions (staff)", disablePerson],
    ["enable", "enablePerson", "Re-enable a person's disabled account (staff)", enablePerson],
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
          response: { 200: ZPersonDetail, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => run(db, signedIn(request), request.params.id, request.body.version),
    );
  }
};

/** Public: a person without an organization registers with a confirmed phone and is signed in. */
export const individualRegistrationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const settings = {
    secret: config.sessionSecret,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    cookieSecure: config.cookieSecure,
  };
  app.post(
    "",
    {
      config: { public: true },
      schema: {
        tags: ["registration"],
        operationId: "registerIndividual",
        summary: "Register an individual account (no organization) with a confirmed mobile; signs in",
        body: ZIndividualRegistrationRequest,
        response: { 201: ZSessionResponse, ...errors(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { session, user } = await registerIndividual(
        db,
        settings,
        anonymousContext(request),
        request.body,
      );
      const csrfToken = setSessionCookies(reply, session, settings);
      return reply.status(201).send({ user, csrfToken });
    },
  );
};

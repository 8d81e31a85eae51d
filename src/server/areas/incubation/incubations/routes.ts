/**
 * Stage 4's incubations (under /api/incubations): the list, its export and bulk actions, the
 * staff's to-do, one incubation, a direct enrolment, a status change and an edit; and an
 * organization's incubations (under /api/organizations).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZEnrolBody,
  ZIncubation,
  ZIncubationBulk,
  ZIncubationBulkResult,
  ZIncubationEdit,
  ZIncubationPage,
  ZIncubationQuery,
  ZIncubationWaiting,
  ZOrganizationIncubations,
  ZTransitionBody,
} from "../../../../schemas/incubation/incubations";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment } from "../../platform/organizations/spreadsheet";
import { bulkIncubations } from "./bulk";
import { exportIncubations } from "./export";
import { listIncubations } from "./list";
import { incubationsOfOrganization, incubationView } from "./view";
import { incubationWaiting } from "./waiting";
import { editIncubation, enrolDirect, transitionIncubation } from "./write";

const tags = ["incubations"];
const one = { params: ZIdParams, response: { 200: ZIncubation, ...errors(400, 401, 403, 404, 409) } };

export const incubationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, shared }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listIncubations",
        summary:
          "Incubations (staff: the base's; a member: its own; an expert: those it assesses), filtered by cohort, track, residency, status, responsible, name and what is due",
        querystring: ZIncubationQuery,
        response: { 200: ZIncubationPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listIncubations(db, signedIn(request), request.query),
  );

  app.get(
    "/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportIncubations",
        summary: "The filtered incubations list as .xlsx (staff)",
        querystring: ZIncubationQuery.omit({ page: true, pageSize: true }),
        response: {
          200: {
            description: "孵化名单 .xlsx",
            content: {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: z.any().meta({ type: "string", format: "binary" }),
              },
            },
          },
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const file = await exportIncubations(db, signedIn(request), request.query);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", attachment(file.filename, "incubations.xlsx"))
        .send(file.buffer);
    },
  );

  app.get(
    "/waiting",
    {
      schema: {
        tags,
        operationId: "incubationWaiting",
        summary: "The staff home's to-do: baselines overdue, exits due within the window",
        response: { 200: ZIncubationWaiting, ...errors(401, 403) },
      },
    },
    async (request) => incubationWaiting(db, signedIn(request), shared),
  );

  app.post(
    "/bulk",
    {
      schema: {
        tags,
        operationId: "bulkIncubations",
        summary: "Assign the person responsible or move to a cohort, several at once; each item's outcome",
        body: ZIncubationBulk,
        response: { 200: ZIncubationBulkResult, ...errors(400, 401, 403) },
      },
    },
    async (request) => bulkIncubations(db, signedIn(request), request.body),
  );

  app.post(
    "/",
    {
      schema: {
        tags,
        operationId: "enrolIncubation",
        summary: "Enrol an organization of the base directly (not from an admission), with a reason",
        body: ZEnrolBody,
        response: { 201: ZIncubation, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const id = await enrolDirect(db, ctx, request.body);
      return reply.code(201).send(await incubationView(db, ctx, id));
    },
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getIncubation",
        summary:
          "One incubation: organization, cohort, dates, status, responsible, history (and staff's actions)",
        params: ZIdParams,
        response: { 200: ZIncubation, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => incubationView(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/transition",
    {
      schema: {
        tags,
        operationId: "transitionIncubation",
        summary:
          "Suspend, resume, extend (new planned end), start the exit review, graduate or terminate; with the version (409 when not allowed or stale)",
        body: ZTransitionBody,
        ...one,
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await transitionIncubation(db, ctx, request.params.id, request.body);
      return incubationView(db, ctx, request.params.id);
    },
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags,
        operationId: "editIncubation",
        summary:
          "Change the cohort, start day (the planned end follows unless extended), responsible, residency, desk",
        body: ZIncubationEdit,
        ...one,
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await editIncubation(db, ctx, request.params.id, request.body);
      return incubationView(db, ctx, request.params.id);
    },
  );
};

export const organizationIncubationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/:id/incubations",
    {
      schema: {
        tags,
        operationId: "listOrganizationIncubations",
        summary: "An organization's incubations, newest first (its page; a member's home)",
        params: ZIdParams,
        response: { 200: ZOrganizationIncubations, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => incubationsOfOrganization(db, signedIn(request), request.params.id),
  );
};

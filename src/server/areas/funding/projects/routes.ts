/**
 * Projects (项目) under /api/projects: the list (scoped: staff the base's, a member its
 * organization's, a partner user those its funds granted), one project with its framework,
 * indicators, grants and replication sites, and the staff's writes.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZIndicatorList,
  ZIndicatorQuery,
  ZProjectEventBody,
  ZProjectInput,
  ZProjectPage,
  ZProjectQuery,
  ZProjectUpdate,
  ZProjectView,
} from "../../../../schemas/funding/projects";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { listProjects } from "./list";
import { loadProject } from "./load";
import { getProject, indicatorsOf } from "./view";
import { createProject, projectEvent, updateProject } from "./write";

const tags = ["funding"];

export const projectRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listProjects",
        summary:
          "Projects, newest first: staff the base's, a member its organization's, a partner user those with a grant from its funds; filters status, track, field, programme, incubation, words",
        querystring: ZProjectQuery,
        response: { 200: ZProjectPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listProjects(db, signedIn(request), request.query),
  );
  app.post(
    "/",
    {
      schema: {
        tags,
        operationId: "createProject",
        summary:
          "A new project for an open incubation (staff): project or combined track (combined names its flagship programme), or an organization track's seed fund project",
        body: ZProjectInput,
        response: { 201: ZProjectView, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createProject(db, signedIn(request), request.body)),
  );
  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getProject",
        summary:
          "One project: the logical framework, its indicators, its grants in summary, its replication sites and what the reader may do",
        params: ZIdParams,
        response: { 200: ZProjectView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getProject(db, signedIn(request), request.params.id),
  );
  app.put(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updateProject",
        summary:
          "Edit a project with its version (staff): the framework and its indicators in one save; an indicator left out is removed and keeps its reported values; 409 when stale, closed or cancelled",
        params: ZIdParams,
        body: ZProjectUpdate,
        response: { 200: ZProjectView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateProject(db, signedIn(request), request.params.id, request.body),
  );
  for (const event of ["close", "cancel"] as const) {
    app.post(
      `/:id/${event}`,
      {
        schema: {
          tags,
          operationId: event === "close" ? "closeProject" : "cancelProject",
          summary:
            event === "close"
              ? "Close (结项) an active project with its version (staff); 409 when stale or not active"
              : "Cancel a draft project with its version (staff); 409 when stale or no longer a draft",
          params: ZIdParams,
          body: ZProjectEventBody,
          response: { 200: ZProjectView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => projectEvent(db, signedIn(request), request.params.id, event, request.body),
    );
  }
  app.get(
    "/:id/indicators",
    {
      schema: {
        tags,
        operationId: "listProjectIndicators",
        summary:
          "The project's indicators in order (whoever may read the project); removed ones too with removed=true",
        params: ZIdParams,
        querystring: ZIndicatorQuery,
        response: { 200: ZIndicatorList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await loadProject(db, signedIn(request), request.params.id, "funding.read");
      return { items: await indicatorsOf(db, request.params.id, request.query.removed === "true") };
    },
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZAuditActions, ZAuditPage, ZAuditQuery } from "../../../../schemas/platform/audit";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { listAudit, listAuditActions } from "./service";

/** Read-only by design: there is no route that edits or deletes an audit entry. */
export const auditRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags: ["audit"],
        operationId: "listAudit",
        summary: "The base's audit log, newest first, filtered by actor, action, record and time",
        description:
          '`action` matches exactly, or every action under a prefix ending in "." (e.g. `organization.`).',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listAudit(db, signedIn(request), request.query),
  );

  app.get(
    "/actions",
    {
      schema: {
        tags: ["audit"],
        operationId: "listAuditActions",
        summary: "The action names in the base's log (for a filter)",
        response: { 200: ZAuditActions, ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listAuditActions(db, signedIn(request)) }),
  );
};

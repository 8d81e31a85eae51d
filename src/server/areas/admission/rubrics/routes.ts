/** Staff's routes under /api/rubrics: each track's rubric with its versions, and the edit. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZRubric, ZRubricEdit, ZRubricList, ZRubricTrackParams } from "../../../../schemas/admission/rubrics";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { editRubric, listRubrics } from "./service";

const tags = ["rubrics"];

export const rubricRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listRubrics",
        summary: "Each track's current rubric (评审指标) and its older versions, newest first",
        response: { 200: ZRubricList, ...errors(401, 403) },
      },
    },
    async (request) => listRubrics(db, signedIn(request)),
  );

  app.put(
    "/:track",
    {
      schema: {
        tags,
        operationId: "editRubric",
        summary:
          "Edit a track's current rubric: in place while no round opened with it, else as the next version (version or 409)",
        params: ZRubricTrackParams,
        body: ZRubricEdit,
        response: { 200: ZRubric, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => editRubric(db, signedIn(request), request.params.track, request.body),
  );
};

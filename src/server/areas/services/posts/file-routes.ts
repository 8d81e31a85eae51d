/**
 * A post's attachments over HTTP: staff upload under /api/posts/:id/files (the save then names
 * them); the portal's anonymous reader downloads those of a published public post under
 * /api/portal/posts/:id/files/:fileId. Signed-in readers use /api/files/:id, asked of the post.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import { uploadForm, ZUploadedFile } from "../../../../schemas/platform/files";
import { ZPortalPostFileParams } from "../../../../schemas/services/posts";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "../../platform/files/receive";
import { sendFile } from "../../platform/files/send";
import { checkPostEditable, checkPostFileRole, portalPostFile, uploadPostFile } from "./attachments";

export const postFileRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);
  app.post(
    "/:id/files",
    {
      schema: {
        tags: ["posts"],
        operationId: "uploadPostFile",
        summary:
          "Upload an attachment to a post being written (staff; multipart: `file`); the post's save then names it in `fileIds`",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: uploadForm({}),
        response: { 201: ZUploadedFile, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      checkPostFileRole(ctx);
      const id = request.params.id;
      const upload = await receiveUpload(request, storage, () => checkPostEditable(db, ctx, id));
      return reply.status(201).send(await uploadPostFile(db, ctx, storage, id, upload));
    },
  );
};

export const portalPostFileRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);
  app.get(
    "/:id/files/:fileId",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        operationId: "downloadPortalPostFile",
        summary:
          "Download an attachment of a published public post (no sign-in); any other post's file is 404",
        security: [],
        params: ZPortalPostFileParams,
        response: {
          200: {
            description: "The file's bytes, typed as sniffed at upload",
            content: {
              "application/octet-stream": { schema: z.any().meta({ type: "string", format: "binary" }) },
            },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) =>
      sendFile(reply, storage, await portalPostFile(db, request.params.id, request.params.fileId), false),
  );
};

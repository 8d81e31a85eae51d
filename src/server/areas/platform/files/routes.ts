import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uploadForm, ZFileParams, ZFileQuery, ZUploadedFile } from "../../../../schemas/platform/files";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "./receive";
import { sendFile } from "./send";
import { checkAttachmentFields, checkAttachmentRole, fileForDownload, uploadAttachment } from "./service";

const tags = ["files"];

export const fileRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "uploadFile",
        summary: "Upload a message attachment (multipart: field `applicationId`, then `file`)",
        consumes: ["multipart/form-data"],
        body: uploadForm({ applicationId: "The application whose thread the file is for" }),
        response: { 201: ZUploadedFile, ...errors(400, 401, 403, 404, 413, 429) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      checkAttachmentRole(ctx);
      const upload = await receiveUpload(request, storage, (fields) =>
        checkAttachmentFields(db, ctx, fields),
      );
      const file = await uploadAttachment(db, ctx, storage, upload.fields.applicationId as string, upload);
      return reply.status(201).send(file);
    },
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "downloadFile",
        summary:
          "Download a file under its original name (only for those who may read the record it belongs to); `inline=1` shows a PDF or an image in the browser",
        params: ZFileParams,
        querystring: ZFileQuery,
        response: {
          200: {
            description: "The file's bytes, typed as sniffed at upload",
            content: {
              "application/octet-stream": { schema: z.any().meta({ type: "string", format: "binary" }) },
            },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await fileForDownload(db, signedIn(request), request.params.id);
      return sendFile(reply, storage, file, request.query.inline === "1");
    },
  );
};

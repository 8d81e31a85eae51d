/**
 * The service desk under /api/services: the catalogue, requests (ask, queue, detail, the steps,
 * assign, thread), records (unasked, for a group, rating), the handler picker, the to-do, the
 * export. Thin: each route parses with the contract and calls one service.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RequestEvent } from "../../../../domain/services/request";
import { ZIdParams } from "../../../../schemas/common";
import { uploadForm, ZUploadedFile } from "../../../../schemas/platform/files";
import {
  ZCatalogueEntry,
  ZCatalogueInput,
  ZCatalogueQuery,
  ZCatalogueUpdate,
  ZCatalogueView,
} from "../../../../schemas/services/catalogue";
import {
  ZBulkRecorded,
  ZHandlerOptionsView,
  ZMessageCreate,
  ZMessageEntry,
  ZRatingInput,
  ZRecordBulkCreate,
  ZRecordCreate,
  ZRecordEntry,
  ZRecordPage,
  ZRecordQuery,
  ZRequestAssign,
  ZRequestClose,
  ZRequestCreate,
  ZRequestPage,
  ZRequestQuery,
  ZRequestSchedule,
  ZRequestStep,
  ZRequestView,
  ZServiceWaitingView,
} from "../../../../schemas/services/requests";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "../../platform/files/receive";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { createCatalogueEntry, listCatalogue, updateCatalogueEntry } from "../catalogue/service";
import { listRecords } from "../records/list";
import { rateRecord } from "../records/rate";
import { recordService, recordServiceForGroup } from "../records/unasked";
import { askForService } from "./ask";
import { assignHandler, handlerOptions } from "./assign";
import { checkRequestFileRole, checkRequestOpenForFiles, uploadRequestFile } from "./attachments";
import { exportRequests } from "./export";
import { changeRequestStatus } from "./lifecycle";
import { listRequests } from "./list";
import { postMessage } from "./messages";
import { requestView } from "./view";
import { serviceWaiting } from "./waiting";

const tags = ["services"];
const ZStepDone = z.object({ version: z.number().int(), status: z.string() });
const ZCreated = z.object({ id: z.uuid(), version: z.number().int().optional() });

const SIMPLE_STEPS: {
  event: Extract<RequestEvent, "accept" | "decline" | "cancel">;
  operationId: string;
  summary: string;
}[] = [
  {
    event: "accept",
    operationId: "acceptServiceRequest",
    summary: "Accept a request (staff); without a handler, the one accepting handles it",
  },
  {
    event: "decline",
    operationId: "declineServiceRequest",
    summary: "Decline a request with a reason (staff); the organization is told",
  },
  {
    event: "cancel",
    operationId: "cancelServiceRequest",
    summary: "Cancel a request (the organization), before it is done",
  },
];

export const serviceRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.get(
    "/catalogue",
    {
      schema: {
        tags,
        operationId: "listServiceCatalogue",
        summary:
          "The service catalogue (服务目录) by 4Z category; for a member, whether its organization may ask for each",
        querystring: ZCatalogueQuery,
        response: { 200: ZCatalogueView, ...errors(400, 401, 403) },
      },
    },
    async (request) => listCatalogue(db, signedIn(request), request.query),
  );

  app.post(
    "/catalogue",
    {
      schema: {
        tags,
        operationId: "createCatalogueService",
        summary: "Add a service to the catalogue (staff)",
        body: ZCatalogueInput,
        response: { 201: ZCatalogueEntry, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCatalogueEntry(db, signedIn(request), request.body)),
  );

  app.put(
    "/catalogue/:id",
    {
      schema: {
        tags,
        operationId: "updateCatalogueService",
        summary: "Edit or archive a catalogue service (staff), at the version read",
        params: ZIdParams,
        body: ZCatalogueUpdate,
        response: { 200: ZCatalogueEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateCatalogueEntry(db, signedIn(request), request.params.id, request.body),
  );

  app.get(
    "/requests",
    {
      schema: {
        tags,
        operationId: "listServiceRequests",
        summary:
          "Service requests: the base's (staff), the organization's (a member), those assigned to the mentor or to the partner; overdue first",
        querystring: ZRequestQuery,
        response: { 200: ZRequestPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listRequests(db, signedIn(request), request.query),
  );

  app.get(
    "/requests/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportServiceRequests",
        summary: "The filtered queue as .xlsx (staff; up to 20,000 requests)",
        querystring: ZRequestQuery,
        response: {
          200: {
            description: "服务申请 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const file = await exportRequests(db, signedIn(request), request.query);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, "service-requests.xlsx"))
        .send(file.buffer);
    },
  );

  app.post(
    "/requests",
    {
      schema: {
        tags,
        operationId: "askForService",
        summary:
          "Ask for a service (a member): from the catalogue or in your own words, optionally for a need or plan goal",
        body: ZRequestCreate,
        response: { 201: ZCreated, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await askForService(db, signedIn(request), request.body)),
  );

  app.get(
    "/requests/:id",
    {
      schema: {
        tags,
        operationId: "getServiceRequest",
        summary: "A request with its history, thread, service record and what the reader may do",
        params: ZIdParams,
        response: { 200: ZRequestView, ...errors(401, 403, 404) },
      },
    },
    async (request) => requestView(db, signedIn(request), request.params.id),
  );

  for (const step of SIMPLE_STEPS) {
    app.post(
      `/requests/:id/${step.event}`,
      {
        schema: {
          tags,
          operationId: step.operationId,
          summary: step.summary,
          params: ZIdParams,
          body: ZRequestStep,
          response: { 200: ZStepDone, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        changeRequestStatus(db, signedIn(request), request.params.id, {
          event: step.event,
          input: request.body,
        }),
    );
  }

  app.post(
    "/requests/:id/schedule",
    {
      schema: {
        tags,
        operationId: "scheduleServiceRequest",
        summary: "Set or move the appointment (staff or the handler): time, place or online",
        params: ZIdParams,
        body: ZRequestSchedule,
        response: { 200: ZStepDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changeRequestStatus(db, signedIn(request), request.params.id, {
        event: "schedule",
        input: request.body,
      }),
  );

  app.post(
    "/requests/:id/close",
    {
      schema: {
        tags,
        operationId: "closeServiceRequest",
        summary:
          "Close a request with its service record (staff or the handler): the ledger and the growth file take it",
        params: ZIdParams,
        body: ZRequestClose,
        response: { 200: ZStepDone, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changeRequestStatus(db, signedIn(request), request.params.id, { event: "close", input: request.body }),
  );

  app.post(
    "/requests/:id/assign",
    {
      schema: {
        tags,
        operationId: "assignServiceHandler",
        summary: "Assign the handler (staff): a staff user, a mentor or a partner",
        params: ZIdParams,
        body: ZRequestAssign,
        response: { 200: z.object({ version: z.number().int() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => assignHandler(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/requests/:id/messages",
    {
      schema: {
        tags,
        operationId: "postServiceMessage",
        summary:
          "Write in the request's thread (the organization, staff or the handler); the other side is told",
        params: ZIdParams,
        body: ZMessageCreate,
        response: { 201: ZMessageEntry, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postMessage(db, signedIn(request), request.params.id, request.body)),
  );

  app.post(
    "/requests/:id/files",
    {
      schema: {
        tags,
        operationId: "uploadServiceRequestFile",
        summary:
          "Attach a file to an open request (multipart: `file`): the organization its papers, the handler what it closes with; the record then names it by id",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: uploadForm({}),
        response: { 201: ZUploadedFile, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      checkRequestFileRole(ctx);
      const id = request.params.id;
      const upload = await receiveUpload(request, storage, () => checkRequestOpenForFiles(db, ctx, id));
      return reply.status(201).send(await uploadRequestFile(db, ctx, storage, id, upload));
    },
  );

  app.get(
    "/handlers",
    {
      schema: {
        tags,
        operationId: "listServiceHandlers",
        summary:
          "Who a request may be assigned to: the base's staff and mentors, its active partners (staff)",
        response: { 200: ZHandlerOptionsView, ...errors(401, 403) },
      },
    },
    async (request) => handlerOptions(db, signedIn(request)),
  );

  app.get(
    "/waiting",
    {
      schema: {
        tags,
        operationId: "serviceWaiting",
        summary:
          "The home's to-do: overdue and unassigned requests (staff), or the open requests assigned to the mentor or partner",
        response: { 200: ZServiceWaitingView, ...errors(401, 403) },
      },
    },
    async (request) => serviceWaiting(db, signedIn(request)),
  );

  app.get(
    "/records",
    {
      schema: {
        tags,
        operationId: "listServiceRecords",
        summary: "Service records (服务记录), newest first, scoped as the requests are",
        querystring: ZRecordQuery,
        response: { 200: ZRecordPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listRecords(db, signedIn(request), request.query),
  );

  app.post(
    "/records",
    {
      schema: {
        tags,
        operationId: "recordService",
        summary: "Record a service given unasked to one organization (staff): a call, a visit",
        body: ZRecordCreate,
        response: { 201: ZCreated, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordService(db, signedIn(request), request.body)),
  );

  app.post(
    "/records/bulk",
    {
      schema: {
        tags,
        operationId: "recordServiceForGroup",
        summary: "Record one service given to a group (staff): one record per organization, all or nothing",
        body: ZRecordBulkCreate,
        response: { 201: ZBulkRecorded, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordServiceForGroup(db, signedIn(request), request.body)),
  );

  app.put(
    "/records/:id/rating",
    {
      schema: {
        tags,
        operationId: "rateService",
        summary:
          "Rate a service 1-5 with a comment (a member of the organization served; changeable for 30 days)",
        params: ZIdParams,
        body: ZRatingInput,
        response: { 200: ZRecordEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => rateRecord(db, signedIn(request), request.params.id, request.body),
  );
};

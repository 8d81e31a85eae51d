/**
 * Staff's routes for the base's capacity instruments (组织能力考核评价体系): /api/instruments,
 * their versions (/api/instrument-versions: one draft to edit, published ones frozen) and the
 * version each track uses (/api/instrument-tracks).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams, ZOk } from "../../../../schemas/common";
import {
  ZActiveInstrument,
  ZActiveSet,
  ZActiveTrackParams,
  ZInstrument,
  ZInstrumentCreate,
  ZInstrumentDraftSave,
  ZInstrumentList,
  ZInstrumentPublish,
  ZInstrumentVersion,
} from "../../../../schemas/incubation/instruments";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import {
  createInstrument,
  deleteDraft,
  getInstrumentVersion,
  listInstruments,
  publishVersion,
  saveDraft,
  setActiveVersion,
  startDraft,
} from "./service";

const tags = ["instruments"];

export const instrumentRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/instruments",
    {
      schema: {
        tags,
        operationId: "listInstruments",
        summary: "The base's instruments with their versions (newest first) and each track's active version",
        response: { 200: ZInstrumentList, ...errors(401, 403) },
      },
    },
    async (request) => listInstruments(db, signedIn(request)),
  );

  app.post(
    "/instruments",
    {
      schema: {
        tags,
        operationId: "createInstrument",
        summary: "A new instrument with its first draft: a copy of a version, or a one-dimension skeleton",
        body: ZInstrumentCreate,
        response: { 201: ZInstrument, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createInstrument(db, signedIn(request), request.body);
    },
  );

  app.post(
    "/instruments/:id/draft",
    {
      schema: {
        tags,
        operationId: "startInstrumentDraft",
        summary:
          "Start editing an instrument: its one draft, or a new one copied from the latest published version (number + 1)",
        params: ZIdParams,
        response: { 200: ZInstrumentVersion, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => startDraft(db, signedIn(request), request.params.id),
  );

  app.get(
    "/instrument-versions/:id",
    {
      schema: {
        tags,
        operationId: "getInstrumentVersion",
        summary: "One version with its content (dimensions, indicators, weights, level descriptions)",
        params: ZIdParams,
        response: { 200: ZInstrumentVersion, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getInstrumentVersion(db, signedIn(request), request.params.id),
  );

  app.put(
    "/instrument-versions/:id",
    {
      schema: {
        tags,
        operationId: "saveInstrumentDraft",
        summary:
          "Save a draft's content and change note (version or 409; 400 names every problem's field; a published version is 409)",
        params: ZIdParams,
        body: ZInstrumentDraftSave,
        response: { 200: ZInstrumentVersion, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => saveDraft(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/instrument-versions/:id/publish",
    {
      schema: {
        tags,
        operationId: "publishInstrumentVersion",
        summary: "Publish a draft that passes every check: from then on it is frozen",
        params: ZIdParams,
        body: ZInstrumentPublish,
        response: { 200: ZInstrumentVersion, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => publishVersion(db, signedIn(request), request.params.id, request.body),
  );

  app.delete(
    "/instrument-versions/:id",
    {
      schema: {
        tags,
        operationId: "deleteInstrumentDraft",
        summary: "Delete a draft (a published version cannot be deleted: 409)",
        params: ZIdParams,
        response: { 200: ZOk, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => deleteDraft(db, signedIn(request), request.params.id),
  );

  app.put(
    "/instrument-tracks/:track",
    {
      schema: {
        tags,
        operationId: "setActiveInstrument",
        summary: "Make a published version the one a track's new assessments use (a draft is 409)",
        params: ZActiveTrackParams,
        body: ZActiveSet,
        response: { 200: ZActiveInstrument, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => setActiveVersion(db, signedIn(request), request.params.track, request.body.versionId),
  );
};

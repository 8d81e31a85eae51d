/**
 * Information (资讯): staff write, publish and withdraw posts and read their receipts under
 * /api/posts; a signed-in reader's feed under /api/post-feed (opening one records the receipt);
 * the public portal's list and search under /api/portal/posts (no sign-in).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZPortalPostQuery,
  ZPostCreate,
  ZPostFeedPage,
  ZPostFeedQuery,
  ZPostListQuery,
  ZPostPage,
  ZPostPublishRequest,
  ZPostReadingView,
  ZPostReceiptsView,
  ZPostRedraftRequest,
  ZPostTargeting,
  ZPostUpdate,
  ZPostView,
  ZPostWithdraw,
} from "../../../../schemas/services/posts";
import { signedIn } from "../../../context";
import { requireAccess } from "../../../policy";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { listFeed, readPost } from "./feed";
import { changePostStatus, matchingOrganizations } from "./lifecycle";
import { listPosts } from "./list";
import { getPortalPost, listPortalPosts } from "./portal";
import { exportPostReceipts, postReceipts } from "./receipts";
import { createPost, getPost, updatePost } from "./write";

const tags = ["posts"];

export const postRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listPosts",
        summary:
          "The base's posts for staff: by kind, status, audience and a term; targeted ones with receipts counted",
        querystring: ZPostListQuery,
        response: { 200: ZPostPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listPosts(db, signedIn(request), request.query),
  );

  app.post(
    "/",
    {
      schema: {
        tags,
        operationId: "createPost",
        summary: "Write a new post as a draft (staff); the body's HTML is sanitized to an allow-list",
        body: ZPostCreate,
        response: { 201: ZPostView, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await createPost(db, signedIn(request), request.body)),
  );

  app.post(
    "/audience",
    {
      schema: {
        tags,
        operationId: "previewPostAudience",
        summary: "How many organizations a targeting reaches now (staff, while writing)",
        body: ZPostTargeting,
        response: { 200: z.object({ organizations: z.number().int() }), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      requireAccess(ctx.actor, "post.manage", { baseId: ctx.actor.baseId });
      return { organizations: (await matchingOrganizations(db, ctx.actor.baseId, request.body)).length };
    },
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getPost",
        summary: "One post as staff edit it, with what may be done to it now",
        params: ZIdParams,
        response: { 200: ZPostView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getPost(db, signedIn(request), request.params.id),
  );

  app.put(
    "/:id",
    {
      schema: {
        tags,
        operationId: "updatePost",
        summary: "Edit a post at the version read (409 when stale); the audience only while a draft",
        params: ZIdParams,
        body: ZPostUpdate,
        response: { 200: ZPostView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updatePost(db, signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/:id/publish",
    {
      schema: {
        tags,
        operationId: "publishPost",
        summary:
          "Publish a draft now or at a later time; a targeted post's organizations are matched now; the bell and email go out once it is visible, never twice",
        params: ZIdParams,
        body: ZPostPublishRequest,
        response: { 200: ZPostView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changePostStatus(db, signedIn(request), request.params.id, { event: "publish", input: request.body }),
  );

  app.post(
    "/:id/withdraw",
    {
      schema: {
        tags,
        operationId: "withdrawPost",
        summary: "Withdraw a published (or scheduled) post, with the reason; readers no longer find it",
        params: ZIdParams,
        body: ZPostWithdraw,
        response: { 200: ZPostView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changePostStatus(db, signedIn(request), request.params.id, { event: "withdraw", input: request.body }),
  );

  app.post(
    "/:id/redraft",
    {
      schema: {
        tags,
        operationId: "redraftPost",
        summary: "Take a withdrawn post back to a draft to fix and publish it again",
        params: ZIdParams,
        body: ZPostRedraftRequest,
        response: { 200: ZPostView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changePostStatus(db, signedIn(request), request.params.id, { event: "redraft", input: request.body }),
  );

  app.get(
    "/:id/receipts",
    {
      schema: {
        tags,
        operationId: "getPostReceipts",
        summary: "Read receipts: per organization reached, read or not, who first and when",
        params: ZIdParams,
        response: { 200: ZPostReceiptsView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => postReceipts(db, signedIn(request), request.params.id),
  );

  app.get(
    "/:id/receipts/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportPostReceipts",
        summary: "The read receipts as .xlsx (audited)",
        params: ZIdParams,
        response: {
          200: {
            description: "阅读回执 .xlsx",
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await exportPostReceipts(db, signedIn(request), request.params.id);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, `post-receipts-${request.params.id}.xlsx`))
        .send(file.buffer);
    },
  );
};

/** The signed-in reader's feed. */
export const postFeedRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      schema: {
        tags,
        operationId: "listPostFeed",
        summary:
          "The posts published for the reader: public, for signed-in users, and those targeted at their organization; unread marked and counted",
        querystring: ZPostFeedQuery,
        response: { 200: ZPostFeedPage, ...errors(400, 401) },
      },
    },
    async (request) => listFeed(db, signedIn(request), request.query),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "readPost",
        summary:
          "Open a post meant for the reader and record the read receipt (404 for a post not meant for them)",
        params: ZIdParams,
        response: { 200: ZPostReadingView, ...errors(400, 401, 404) },
      },
    },
    async (request) => readPost(db, signedIn(request), request.params.id),
  );
};

/** The public portal's posts (no sign-in). */
export const portalPostRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        operationId: "listPortalPosts",
        summary: "Public posts, newest first, by kind, searched by a term (two Chinese characters work)",
        security: [],
        querystring: ZPortalPostQuery,
        response: { 200: ZPostFeedPage, ...errors(400) },
      },
    },
    async (request) => listPortalPosts(db, request.query),
  );

  app.get(
    "/:id",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        operationId: "getPortalPost",
        summary: "One public post",
        security: [],
        params: ZIdParams,
        response: { 200: ZPostReadingView, ...errors(400, 404) },
      },
    },
    async (request) => getPortalPost(db, request.params.id),
  );
};

import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZCandidateCheck,
  ZCandidateConflicts,
  ZConflict,
  ZConflictInput,
  ZConflictParams,
  ZExpertDetail,
  ZExpertPage,
  ZExpertProfile,
  ZExpertProfileUpdate,
  ZExpertQuery,
  ZInvitation,
  ZInvitationCreate,
  ZInvitationPage,
  ZInvitationQuery,
  ZInvitationResend,
  ZInvitationSent,
  ZJoinInvitation,
  ZJoinQuery,
  ZJoinRequest,
  ZJoinResponse,
  ZOrganizationChoices,
  ZOrganizationSearch,
  ZOwnConflicts,
  ZSignInLinkCreate,
  ZSignInLinkRedeem,
  ZSignInLinkResult,
  ZSignInLinkSent,
} from "../../../../schemas/admission/experts";
import { ZIdParams, ZOk } from "../../../../schemas/common";
import { anonymousContext, signedIn } from "../../../context";
import { setSessionCookies } from "../../../plugins/auth";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { inviteExpert, listInvitations, resendInvitation, revokeInvitation } from "./invitations";
import { acceptInvitation, readInvitation } from "./join";
import {
  declareConflict,
  ownConflicts,
  ownProfile,
  searchOrganizations,
  updateOwnProfile,
  withdrawConflict,
} from "./profile";
import { redeemSignInLink, sendSignInLink } from "./sign-in-links";
import { checkCandidate, expertDetail, listExperts, recordConflict } from "./staff";

const tags = ["experts"];
// request.protocol and request.host follow X-Forwarded-* only when TRUST_PROXY trusts the hop.
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Staff's experts and the expert's own profile, under /api/experts. */
export const expertRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listExperts",
        summary:
          "The base's experts: keyword (name, email, affiliation, exact mobile), field, status (mobiles masked)",
        querystring: ZExpertQuery,
        response: { 200: ZExpertPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listExperts(db, signedIn(request), request.query),
  );

  app.post(
    "/conflict-check",
    {
      schema: {
        tags,
        operationId: "checkExpertCandidate",
        summary:
          "Before inviting: the organizations of the base a person with this mobile or email would conflict with, and why",
        body: ZCandidateCheck,
        response: { 200: ZCandidateConflicts, ...errors(400, 401, 403) },
      },
    },
    async (request) => checkCandidate(db, signedIn(request), request.body),
  );

  app.get(
    "/me/profile",
    {
      schema: {
        tags,
        operationId: "getOwnExpertProfile",
        summary: "The signed-in expert's profile (version 0: never saved)",
        response: { 200: ZExpertProfile, ...errors(401, 403) },
      },
    },
    async (request) => ownProfile(db, signedIn(request)),
  );

  app.put(
    "/me/profile",
    {
      schema: {
        tags,
        operationId: "updateOwnExpertProfile",
        summary: "Save the expert's fields of expertise, affiliation, title and bio (version 0 creates it)",
        body: ZExpertProfileUpdate,
        response: { 200: ZExpertProfile, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => updateOwnProfile(db, signedIn(request), request.body),
  );

  app.get(
    "/me/conflicts",
    {
      schema: {
        tags,
        operationId: "listOwnConflicts",
        summary: "The expert's conflicts of interest: declared, recorded by staff, and detected",
        response: { 200: ZOwnConflicts, ...errors(401, 403) },
      },
    },
    async (request) => ownConflicts(db, signedIn(request)),
  );

  app.post(
    "/me/conflicts",
    {
      schema: {
        tags,
        operationId: "declareConflict",
        summary: "Declare a conflict of interest with an organization of the base (reason required)",
        body: ZConflictInput,
        response: { 201: ZConflict, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await declareConflict(db, signedIn(request), request.body)),
  );

  app.delete(
    "/me/conflicts/:conflictId",
    {
      schema: {
        tags,
        operationId: "withdrawConflict",
        summary: "Withdraw one of the expert's own declarations (staff records stay)",
        params: ZConflictParams,
        response: { 200: ZOk, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await withdrawConflict(db, signedIn(request), request.params.conflictId);
      return { ok: true as const };
    },
  );

  app.get(
    "/me/organizations",
    {
      schema: {
        tags,
        operationId: "searchOrganizationsForConflict",
        summary: "Organizations of the expert's base by name (id and name only), to declare a conflict",
        querystring: ZOrganizationSearch,
        response: { 200: ZOrganizationChoices, ...errors(400, 401, 403) },
      },
    },
    async (request) => searchOrganizations(db, signedIn(request), request.query.q),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        operationId: "getExpert",
        summary:
          "One expert: profile, invitations, conflicts (declared, staff-recorded, detected with reason)",
        params: ZIdParams,
        response: { 200: ZExpertDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => expertDetail(db, signedIn(request), request.params.id),
  );

  app.post(
    "/:id/conflicts",
    {
      schema: {
        tags,
        operationId: "recordExpertConflict",
        summary:
          "Staff record a conflict of interest between an expert and an organization (reason required)",
        params: ZIdParams,
        body: ZConflictInput,
        response: { 201: ZConflict, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConflict(db, signedIn(request), request.params.id, request.body)),
  );

  app.post(
    "/:id/sign-in-links",
    {
      schema: {
        tags,
        operationId: "sendSignInLink",
        summary:
          "Text and/or email the expert a single-use link that signs them in (72 h unless `hours` says 1-168)",
        params: ZIdParams,
        body: ZSignInLinkCreate,
        response: { 201: ZSignInLinkSent, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sendSignInLink(db, signedIn(request), originOf(request), request.params.id, request.body),
        ),
  );
};

/** Staff's invitations, under /api/expert-invitations. */
export const invitationRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "",
    {
      schema: {
        tags,
        operationId: "listExpertInvitations",
        summary: "The base's expert invitations with status (sent, accepted, revoked, expired) and expiry",
        querystring: ZInvitationQuery,
        response: { 200: ZInvitationPage, ...errors(400, 401, 403) },
      },
    },
    async (request) => listInvitations(db, signedIn(request), request.query),
  );

  app.post(
    "",
    {
      schema: {
        tags,
        operationId: "inviteExpert",
        summary: "Invite an external expert by mobile and/or email: the link goes by SMS and/or email",
        body: ZInvitationCreate,
        response: { 201: ZInvitationSent, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteExpert(db, signedIn(request), originOf(request), request.body)),
  );

  app.post(
    "/:id/resend",
    {
      schema: {
        tags,
        operationId: "resendExpertInvitation",
        summary: "Send an open invitation again with a new link (the old link stops working)",
        params: ZIdParams,
        body: ZInvitationResend,
        response: { 200: ZInvitationSent, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      resendInvitation(db, signedIn(request), originOf(request), request.params.id, request.body.days),
  );

  app.post(
    "/:id/revoke",
    {
      schema: {
        tags,
        operationId: "revokeExpertInvitation",
        summary: "Withdraw an open invitation (its link stops working)",
        params: ZIdParams,
        response: { 200: ZInvitation, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => revokeInvitation(db, signedIn(request), request.params.id),
  );
};

/** The public side: joining by an invitation link, redeeming a sign-in link. */
export const expertPublicRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const settings = {
    secret: config.sessionSecret,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    cookieSecure: config.cookieSecure,
  };

  app.get(
    "/expert-join",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "readExpertInvitation",
        summary:
          "An invitation by its link's token: the base, who invited, until when (expired, withdrawn or used: 409)",
        querystring: ZJoinQuery,
        response: { 200: ZJoinInvitation, ...errors(400, 404, 409, 429) },
      },
    },
    async (request) => readInvitation(db, anonymousContext(request), request.actor, request.query.token),
  );

  app.post(
    "/expert-join",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "acceptExpertInvitation",
        summary:
          "Accept an invitation: a new expert account with a password, or the expert role for the invitee's existing account; signs in",
        body: ZJoinRequest,
        response: { 200: ZJoinResponse, ...errors(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(
        db,
        settings,
        anonymousContext(request),
        request.actor,
        request.body,
      );
      const csrfToken = setSessionCookies(reply, result.session, settings);
      return { user: result.user, csrfToken, target: result.target, linked: result.linked };
    },
  );

  app.post(
    "/sign-in-links/redeem",
    {
      config: { public: true },
      schema: {
        tags,
        operationId: "redeemSignInLink",
        summary: "Sign in with a sign-in link's token (single use; used, expired or unknown: a clear 4xx)",
        body: ZSignInLinkRedeem,
        response: { 200: ZSignInLinkResult, ...errors(400, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await redeemSignInLink(db, settings, anonymousContext(request), request.body.token);
      const csrfToken = setSessionCookies(reply, result.session, settings);
      return { user: result.user, csrfToken, target: result.target };
    },
  );
};

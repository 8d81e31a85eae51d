/**
 * The mentor programme (导师计划) under /api: the mentor directory and profiles, matching and
 * mentorships (staff), sessions (the mentor logs, the organization answers), and the homes' lists.
 * Routes naming an incubation go through its loader: another base's, another organization's or
 * another mentor's is 404.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZMatchView,
  ZMentorEntry,
  ZMentorHomeView,
  ZMentoringWaitingView,
  ZMentorList,
  ZMentorProfileInput,
  ZMentorshipCreate,
  ZMentorshipEnd,
  ZMentorshipEntry,
  ZMentorshipList,
  ZSessionAnswer,
  ZSessionCreate,
  ZSessionEntry,
  ZSessionList,
} from "../../../../schemas/services/mentoring";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import type { AreaDeps } from "../../deps";
import { mentorHome, mentoringWaiting } from "./home";
import { matchMentors } from "./match";
import { assignMentor, endMentorship, listMentorships } from "./mentorships";
import { getMentor, listMentors, ownProfile, saveProfile } from "./profiles";
import { answerSession, listSessions, logSession, sessionsToAnswer } from "./sessions";

const tags = ["mentoring"];

export const mentoringRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/mentors",
    {
      schema: {
        tags,
        operationId: "listMentors",
        summary:
          "The base's mentors (导师库) with their profiles, current load, sessions and average rating (staff)",
        response: { 200: ZMentorList, ...errors(401, 403) },
      },
    },
    async (request) => listMentors(db, signedIn(request)),
  );

  app.get(
    "/mentors/me",
    {
      schema: {
        tags,
        operationId: "getOwnMentorProfile",
        summary: "The signed-in mentor's own profile",
        response: { 200: ZMentorEntry, ...errors(401, 403) },
      },
    },
    async (request) => ownProfile(db, signedIn(request)),
  );

  app.put(
    "/mentors/me",
    {
      schema: {
        tags,
        operationId: "saveOwnMentorProfile",
        summary: "The mentor edits their own profile, at the version read (0 before the first save)",
        body: ZMentorProfileInput,
        response: { 200: ZMentorEntry, ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => saveProfile(db, signedIn(request), "self", request.body),
  );

  app.get(
    "/mentors/:id",
    {
      schema: {
        tags,
        operationId: "getMentor",
        summary: "One mentor's profile (staff)",
        params: ZIdParams,
        response: { 200: ZMentorEntry, ...errors(401, 403, 404) },
      },
    },
    async (request) => getMentor(db, signedIn(request), request.params.id),
  );

  app.put(
    "/mentors/:id",
    {
      schema: {
        tags,
        operationId: "saveMentor",
        summary: "Staff edit a mentor's profile (fields, skills, capacity, active), at the version read",
        params: ZIdParams,
        body: ZMentorProfileInput,
        response: { 200: ZMentorEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => saveProfile(db, signedIn(request), request.params.id, request.body),
  );

  app.get(
    "/mentoring/home",
    {
      schema: {
        tags,
        operationId: "getMentorHome",
        summary:
          "The mentor's home: the organizations it mentors (last session, session due, open and overdue action items) and the action items coming due",
        response: { 200: ZMentorHomeView, ...errors(401, 403) },
      },
    },
    async (request) => mentorHome(db, signedIn(request)),
  );

  app.get(
    "/mentoring/waiting",
    {
      schema: {
        tags,
        operationId: "getMentoringWaiting",
        summary:
          "To-do counts: staff, open incubations without a mentor and sessions disputed lately; a member, sessions to confirm",
        response: { 200: ZMentoringWaitingView, ...errors(401) },
      },
    },
    async (request) => mentoringWaiting(db, signedIn(request)),
  );

  app.get(
    "/mentoring/to-answer",
    {
      schema: {
        tags,
        operationId: "listSessionsToAnswer",
        summary: "A member's sessions to confirm and rate: its organization's logged sessions",
        response: { 200: ZSessionList, ...errors(401, 403) },
      },
    },
    async (request) => sessionsToAnswer(db, signedIn(request)),
  );

  app.get(
    "/incubations/:id/mentor-matches",
    {
      schema: {
        tags,
        operationId: "matchMentors",
        summary:
          "Mentors ranked for the incubation by fit (fields, needs, weak baseline dimensions), with the conflicted, full and inactive left out and why (staff)",
        params: ZIdParams,
        response: { 200: ZMatchView, ...errors(401, 403, 404) },
      },
    },
    async (request) => matchMentors(db, signedIn(request), request.params.id),
  );

  app.get(
    "/incubations/:id/mentorships",
    {
      schema: {
        tags,
        operationId: "listMentorships",
        summary: "The incubation's mentorships (导师结对), current and past",
        params: ZIdParams,
        response: { 200: ZMentorshipList, ...errors(401, 403, 404) },
      },
    },
    async (request) => listMentorships(db, signedIn(request), request.params.id),
  );

  app.post(
    "/incubations/:id/mentorships",
    {
      schema: {
        tags,
        operationId: "assignMentor",
        summary:
          "Pair a mentor with the incubation from a start to an end day (staff); a conflicted, full or inactive mentor is refused",
        params: ZIdParams,
        body: ZMentorshipCreate,
        response: { 201: ZMentorshipEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assignMentor(db, signedIn(request), request.params.id, request.body)),
  );

  app.post(
    "/mentorships/:id/end",
    {
      schema: {
        tags,
        operationId: "endMentorship",
        summary: "End a mentorship early with a reason (staff), at the version read",
        params: ZIdParams,
        body: ZMentorshipEnd,
        response: { 200: ZMentorshipEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => endMentorship(db, signedIn(request), request.params.id, request.body),
  );

  app.get(
    "/incubations/:id/mentoring-sessions",
    {
      schema: {
        tags,
        operationId: "listMentoringSessions",
        summary: "The incubation's mentoring sessions (辅导记录), newest first, with their action items",
        params: ZIdParams,
        response: { 200: ZSessionList, ...errors(401, 403, 404) },
      },
    },
    async (request) => listSessions(db, signedIn(request), request.params.id),
  );

  app.post(
    "/incubations/:id/mentoring-sessions",
    {
      schema: {
        tags,
        operationId: "logMentoringSession",
        summary:
          "The mentor logs a session: day, minutes, topics, advice, action items (which join the plan); written to the service ledger",
        params: ZIdParams,
        body: ZSessionCreate,
        response: { 201: ZSessionEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logSession(db, signedIn(request), request.params.id, request.body)),
  );

  app.post(
    "/mentoring-sessions/:id/answer",
    {
      schema: {
        tags,
        operationId: "answerMentoringSession",
        summary:
          "The mentored organization confirms the session took place and rates it, or says it did not (withdrawn from the ledger, staff told)",
        params: ZIdParams,
        body: ZSessionAnswer,
        response: { 200: ZSessionEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => answerSession(db, signedIn(request), request.params.id, request.body),
  );
};

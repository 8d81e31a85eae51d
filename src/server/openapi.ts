/**
 * The OpenAPI document (GET /api/openapi.json), built by @fastify/swagger from the routes' Zod
 * schemas. OpenAPI 3.1, because its schemas are JSON Schema 2020-12: Zod 4's `.nullable()` is
 * `anyOf [..., {type: null}]` there, which 3.0 cannot say without `nullable` tricks that
 * linters refuse. `npm run lint:api` holds the document to Redocly's recommended rules.
 */
import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { declareCommonResponses } from "./route-docs";
import { API_VERSION } from "./version";

/** Every tag a route may use, in the order of the incubation cycle, each with what it covers. */
const TAGS = [
  { name: "system", description: "Liveness and the engine in use" },
  { name: "auth", description: "Sign-in, sign-out, the signed-in user, password change" },
  { name: "users", description: "Accounts and roles (administrators)" },
  { name: "organizations", description: "The registry of social organizations: list, edit, import, export" },
  { name: "audit", description: "The append-only audit log (administrators)" },
  { name: "reference", description: "Towns, communities, hub organizations and the home page's figures" },
  { name: "calls", description: "Recruitment calls (staff): write, publish with revisions, close" },
  { name: "portal", description: "The public portal: published calls, no sign-in" },
  { name: "registration", description: "Applicant registration with a phone code, no sign-in" },
  {
    name: "applications",
    description: "The applicant's side: drafts, documents, submit, withdraw, submissions",
  },
  {
    name: "intake",
    description:
      "材料审核, the staff's side of applications: queue, a verdict per item, decisions, extensions, messages, screening file",
  },
  {
    name: "experts",
    description:
      "External experts (stage 3): invitations, joining by link, sign-in links, profiles, conflicts of interest",
  },
  { name: "meeting", description: "The review meeting: a round's ranking per track, its .xlsx, the notes" },
  { name: "decisions", description: "Admission decisions, reconsidering, places, the complete file (.zip)" },
  {
    name: "notices",
    description: "The public notice (公示): publish, objections, close (decisions final, letters)",
  },
  {
    name: "inspections",
    description:
      "Stage 2 (考察筛选): plan inspections, record and sign off the finding, correct it, screen out",
  },
  {
    name: "incubations",
    description:
      "Stage 4 (孵化服务): incubations from a confirmed place or a direct enrolment, their lifecycle, cohorts, settings",
  },
  {
    name: "assessments",
    description:
      "Stage 4 (能力评估): the baseline pre-test and later phases, self and assessor; scores, submit, correct, compare, a cohort's distribution",
  },
  { name: "files", description: "Message attachments and downloads of any stored file" },
  { name: "notifications", description: "The bell: a user's notices and their read state" },
  {
    name: "figures",
    description:
      "Recruitment and incubation figures for the homes of viewers and liaisons: counts only, scoped by the policy",
  },
  {
    name: "instruments",
    description:
      "组织能力考核评价体系: capacity instruments in versions (one draft, frozen on publishing), a track's active version",
  },
  {
    name: "service figures",
    description:
      "服务数据: the service ledger counted per base, town or organization (4Z category x month, kind, hours, satisfaction, virtual share), .xlsx",
  },
  {
    name: "partners",
    description:
      "合作伙伴: the base's enterprises, foundations and hubs, their users; a partner user reads its own",
  },
  {
    name: "funding",
    description:
      "资金管理: funding settings, flagship programmes (十大工程), funds, projects with their logical framework and indicators, grants, spending, reports; money in integer fen",
  },
  {
    name: "growth file",
    description:
      "组织成长档案: an organization's timeline of everything the platform knows, by area and period, .xlsx",
  },
  {
    name: "rubrics",
    description: "评审指标: each track's rubric, versioned; a version a round opened with is frozen",
  },
  {
    name: "rounds",
    description:
      "评审轮次 (staff): settings, subjects, experts, automatic and hand assignment, open and close",
  },
  {
    name: "reviews",
    description:
      "The expert's scoring: assignments, one application's dossier and rubric, drafts, submit; staff reopen",
  },
  {
    name: "plans",
    description:
      "Stage 4 (孵化计划): an incubation's needs (4Z), its plan (draft, propose, agree, revise) and the actions' progress",
  },
  {
    name: "services",
    description:
      "服务申请与服务记录 (4Z): the catalogue, requests through their lifecycle, the thread, records alone or for a group, ratings",
  },
  {
    name: "trainings",
    description:
      "培训与能力建设: trainings and series, enrolment with a waitlist, the rotating QR check-in, attendance, feedback, certificates",
  },
  {
    name: "people",
    description:
      "人员: individuals without an organization (registered by phone or added by staff), their trainings, hours and series progress",
  },
  {
    name: "mentoring",
    description:
      "导师计划: mentor profiles, the ranked matching, pairings, sessions whose action items join the plan",
  },
  {
    name: "posts",
    description:
      "资讯: notices and policy posts, targeted to organizations with read receipts; public ones on the portal",
  },
];

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  declareCommonResponses(app);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Hatchery 社会组织孵化基地综合服务平台 API",
        version: API_VERSION,
        description:
          "The JSON API of the platform, served with the web app from one origin. Errors are " +
          "`{ code, message, field?, details? }` with the message in the request's language " +
          "(Accept-Language: zh-CN first, English).",
      },
      // Relative: the API is on the origin that serves this document, whatever its host name.
      servers: [{ url: "/", description: "This server" }],
      tags: TAGS,
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "hatchery_session" },
          csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
  });
}

/**
 * jsonSchemaTransformObject emits each schema registered with an id (ErrorResponse) twice, as
 * read (ErrorResponseInput) and as written; keep only those the document refers to.
 */
function withoutUnusedSchemas<T extends object>(document: T): T {
  const { components, paths } = document as { components?: { schemas?: object }; paths?: object };
  const schemas = components?.schemas as Record<string, unknown> | undefined;
  if (!schemas) return document;
  const text = JSON.stringify(paths);
  for (const name of Object.keys(schemas)) {
    if (!text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  }
  return document;
}

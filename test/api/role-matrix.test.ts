/**
 * The role × route matrix: every route of the app, called by every role and by an anonymous
 * client, must answer as the table below says. The table is written out by hand from the product's
 * rules (not computed from src/domain/access.ts), so a policy change shows up here as a diff.
 * The route list comes from the app itself (OpenAPI document and Fastify's route table): a new
 * route without a row fails this file. The last column, the individual (个人用户), is a demo
 * trainee of the base: a person with no organization, who takes part in trainings on its own.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applications,
  calls,
  expertProfiles,
  notificationSettings,
  organizations,
  personProfiles,
  users,
} from "../../src/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../src/db/seed/changping";
import { defaultCallRules, make } from "../factories";
import { type Client, startTestApp, type TestApp } from "../support/app";
import { type DecisionIds, decisionFixtures } from "./admission/role-matrix-decisions";
import { type ExpertIds, expertFixtures } from "./admission/role-matrix-experts";
import { type InspectionIds, inspectionFixtures } from "./admission/role-matrix-inspections";
import { type RoundIds, roundFixtures } from "./admission/role-matrix-rounds";
import { type GrantIds, grantBody, grantFixtures } from "./funding/role-matrix-grants";
import {
  type FundingProjectIds,
  fundingProjectFixtures,
  fundVersion,
  projectBody,
  projectVersion,
} from "./funding/role-matrix-projects";
import { type ReportIds, reportFixtures } from "./funding/role-matrix-reports";
import { type ResultsIds, resultsFixtures } from "./funding/role-matrix-results";
import { type SpendingIds, spendingFixtures } from "./funding/role-matrix-spending";
import { type AssessmentIds, assessmentFixtures } from "./incubation/assessments-role-matrix";
import { type PlanIds, planFixtures } from "./incubation/plan-matrix";
import { type IncubationIds, incubationFixtures } from "./incubation/role-matrix-incubations";
import { type InstrumentIds, instrumentFixtures } from "./incubation/role-matrix-instruments";
import { multipartBody, PNG } from "./recruitment/applications-support";
import { type RecruitmentIds, recruitmentFixtures } from "./recruitment/role-matrix-recruitment";
import { peopleMobile } from "./services/people-support";
import { type PartnerIds, partnerFixtures, partnerVersion } from "./services/role-matrix-partners";
import { type PeopleIds, peopleFixtures, personAccountVersion } from "./services/role-matrix-people";
import { type PostIds, postBody, postFixtures } from "./services/role-matrix-posts";
import { type ServiceIds, serviceFixtures } from "./services/role-matrix-services";
import { type TrainingIds, trainingBody, trainingFixtures } from "./services/role-matrix-trainings";

const ACTORS = [
  "anonymous",
  "admin",
  "staff",
  "expert",
  "mentor",
  "member",
  "viewer",
  "liaison",
  "partner",
  "individual",
] as const;
type Actor = (typeof ACTORS)[number];
type Ids = { org: string; ownOrg: string; user: string } & RecruitmentIds &
  ExpertIds &
  RoundIds &
  DecisionIds &
  InspectionIds &
  IncubationIds &
  PlanIds &
  InstrumentIds &
  AssessmentIds &
  PartnerIds &
  TrainingIds &
  ServiceIds &
  PostIds &
  PeopleIds &
  GrantIds &
  ResultsIds &
  SpendingIds &
  ReportIds &
  FundingProjectIds;

interface Case {
  /** Route parameters for `{id}`: another organization of the base, the member's own one, a user. */
  id?: keyof Ids;
  /** The whole path, when the route has more parameters than `{id}` or needs a query string. */
  url?: (ids: Ids) => string;
  /** The body to send; built just before the request so that versions are current. */
  body?: (actor: Actor) => Promise<unknown> | unknown;
  /** Use a session of its own (signing in or out must not disturb the shared clients). */
  fresh?: boolean;
  /** Send a real upload (multipart, a PNG) instead of `body`: the policy runs before the file is read. */
  upload?: boolean;
  /** Expected status for: anonymous admin staff expert mentor member viewer liaison partner individual. */
  expect: number[];
  note?: string;
}

let t: TestApp;
let ids: Ids;
const clients = {} as Record<Actor, Client>;
let serial = 0;

const orgVersionBody = async (id: keyof Ids) => {
  const [row] = await t.db.select().from(organizations).where(eq(organizations.id, ids[id]));
  return { name: row?.name, registrationStatus: row?.registrationStatus, version: row?.version };
};
const userVersion = async () =>
  (await t.db.select({ v: users.version }).from(users).where(eq(users.id, ids.user)))[0]?.v;
/** The actor's own notification settings version (0 before the first save). */
const settingsVersion = async (actor: Actor) => {
  const [row] = await t.db
    .select({ v: notificationSettings.version })
    .from(notificationSettings)
    .innerJoin(users, eq(users.id, notificationSettings.userId))
    .where(eq(users.username, usernameOf(actor)));
  return row?.v ?? 0;
};
/** The individual (个人用户) is a demo trainee of the base: a person without an organization. */
const INDIVIDUAL = "trainee1";
const usernameOf = (actor: Actor) =>
  actor === "anonymous" ? "staff" : actor === "individual" ? INDIVIDUAL : actor;
// Each asks for its own account's number, so the per-mobile limit of code requests is not the answer.
const mobileOf = (actor: Actor) =>
  actor === "individual"
    ? individualMobile
    : DEMO_ACCOUNTS.find((a) => a.username === usernameOf(actor))?.mobile;
let individualMobile: string | null = null;
const callVersion = async (id: keyof Ids) =>
  (await t.db.select({ v: calls.version }).from(calls).where(eq(calls.id, ids[id])))[0]?.v;
const callBody = async (id: keyof Ids) => {
  const [row] = await t.db.select().from(calls).where(eq(calls.id, ids[id]));
  return { title: row?.title, description: row?.description, rules: row?.rules, version: row?.version };
};
const applicationVersion = async (id: keyof Ids) =>
  (await t.db.select({ v: applications.version }).from(applications).where(eq(applications.id, ids[id])))[0]
    ?.v;
const NOWHERE = "00000000-0000-4000-8000-000000000000";
/** A spending item naming a receipt nobody uploaded (the member's answer is 400). */
const spendingBody = (budgetLineId: string) => ({
  budgetLineId,
  spentOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
  amountFen: 100,
  description: "矩阵测试",
  payee: "矩阵测试",
  fileIds: [NOWHERE],
});
const expertProfileVersion = async () =>
  (
    await t.db
      .select({ v: expertProfiles.version })
      .from(expertProfiles)
      .innerJoin(users, eq(users.id, expertProfiles.userId))
      .where(eq(users.username, "expert"))
  )[0]?.v ?? 0;
/** The individual's own profile version (个人信息). */
const personVersion = async () =>
  (
    await t.db
      .select({ v: personProfiles.version })
      .from(personProfiles)
      .innerJoin(users, eq(users.id, personProfiles.userId))
      .where(eq(users.username, INDIVIDUAL))
  )[0]?.v ?? 0;
const FUTURE = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

// biome-ignore format: the matrix reads as a table
const MATRIX: Record<string, Case[]> = {
  //                                                   anon admin staff expert mentor member viewer liaison partner individual
  // An expert reads an application (and its files) only through an assignment (stage 3): else 404.
  "GET /api/health":                              [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/auth/login":                         [{ fresh: true, body: (a) => ({ username: usernameOf(a), password: DEMO_PASSWORD }),
                                                     expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/auth/logout":                        [{ fresh: true, expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/auth/me":                             [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/auth/reset/codes":                   [{ note: "an account name nobody has: the same 200 as a real one", body: (a) => ({ account: `matrix-nobody-${a}` }),
                                                     expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/auth/reset":                         [{ body: () => ({}), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400] }],
  "POST /api/auth/password":                      [{ note: "wrong current password: 400 proves the route let the user in",
                                                     body: () => ({ currentPassword: "Not-the-password-1", newPassword: "Never-applied-2026" }),
                                                     expect: [401, 400, 400, 400, 400, 400, 400, 400, 400, 400] }],

  "GET /api/organizations":                       [{ expect: [401, 200, 200, 403, 403, 200, 200, 200, 403, 403] }],
  "POST /api/organizations":                      [{ body: () => ({ name: `矩阵测试公益服务社${++serial}`, registrationStatus: "unregistered" }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/organizations/export.xlsx":           [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/organizations/import-template.xlsx":  [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/organizations/import":               [{ note: "no file: 400 proves the policy passed", body: () => ({}),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/organizations/{id}":                  [{ id: "org",    note: "both outside the liaison's town (its own town's: organizations.test.ts)",
                                                     expect: [401, 200, 200, 403, 403, 404, 200, 404, 403, 403] },
                                                   { id: "ownOrg", expect: [401, 200, 200, 403, 403, 200, 200, 404, 403, 403] }],
  "PATCH /api/organizations/{id}":                [{ id: "org",    body: () => orgVersionBody("org"),
                                                     expect: [401, 200, 200, 403, 403, 404, 403, 403, 403, 403] },
                                                   { id: "ownOrg", body: () => orgVersionBody("ownOrg"),
                                                     expect: [401, 200, 200, 403, 403, 200, 403, 403, 403, 403] }],
  "GET /api/organizations/{id}/contact":          [{ id: "org",    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] },
                                                   { id: "ownOrg", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],

  "GET /api/users":                               [{ expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/users":                              [{ body: () => ({ username: `matrix${++serial}`, displayName: "矩阵测试", roles: ["staff"], password: "Matrix-pass-2026" }),
                                                     expect: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/users/me/notification-settings":     [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "PUT /api/users/me/notification-settings":     [{ note: "each actor's own settings, at its own version",
                                                     body: async (a) => ({ email: false, sms: false, language: "zh-CN", version: await settingsVersion(a) }),
                                                     expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/users/{id}":                          [{ id: "user", expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/users/{id}":                        [{ id: "user", body: async () => ({ displayName: "矩阵测试对象", roles: ["mentor"], version: await userVersion() }),
                                                     expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/users/{id}/disable":                 [{ id: "user", body: async () => ({ version: await userVersion() }),
                                                     expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/users/{id}/enable":                  [{ id: "user", body: async () => ({ version: await userVersion() }),
                                                     expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/users/{id}/unlock":                  [{ id: "user", body: async () => ({ version: await userVersion() }),
                                                     expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/users/{id}/reset-password":          [{ id: "user", body: async () => ({ version: await userVersion(), newPassword: "Reset-by-admin-2026" }),
                                                     expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],

  "GET /api/audit":                               [{ expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/audit/actions":                       [{ expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] }],

  "GET /api/towns":                               [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/hub-organizations":                   [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/stats/home":                          [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/stats/recruitment":                   [{ note: "counts for the base and its public partners; the liaison's are its town's",
                                                     expect: [401, 200, 200, 403, 403, 403, 200, 200, 403, 403] }],
  "GET /api/stats/incubation":                    [{ note: "the same audience and scope as the recruitment figures",
                                                     expect: [401, 200, 200, 403, 403, 403, 200, 200, 403, 403] }],

  // Stage 1: calls (staff), the public portal, applicant registration, notifications.
  "GET /api/calls":                               [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/calls":                              [{ body: () => ({ title: `矩阵测试招募${++serial}`, description: "", rules: defaultCallRules() }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/calls/{id}":                          [{ id: "call", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/calls/{id}":                        [{ id: "draftCall", body: async () => ({ ...(await callBody("draftCall")), title: `矩阵测试草稿${++serial}` }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/calls/{id}/publish":                 [{ id: "pastCall", note: "closes in the past: 400 proves the policy passed",
                                                     body: async () => ({ version: await callVersion("pastCall") }),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/calls/{id}/close":                   [{ id: "draftCall", note: "a draft cannot be closed: 409 proves the policy passed",
                                                     body: async () => ({ version: await callVersion("draftCall") }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/portal/calls":                        [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/portal/calls/{id}":                   [{ id: "call", expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
                                                   { id: "draftCall", expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] }],
  "GET /api/registration/bases":                  [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/registration/codes":                 [{ note: "a mobile that has an account: 409", body: (a) => ({ mobile: mobileOf(a) }),
                                                     expect: [409, 409, 409, 409, 409, 409, 409, 409, 409, 409] }],
  "POST /api/registration":                       [{ body: () => ({}), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400] }],
  "POST /api/registration/individual":            [{ note: "no code: 400 (public)", body: () => ({}), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400] }],
  "GET /api/notifications":                       [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/notifications/unread-count":          [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/notifications/read-all":             [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/notifications/{id}/read":            [{ id: "missing", note: "nobody's notification: 404 once signed in",
                                                     expect: [401, 404, 404, 404, 404, 404, 404, 404, 404, 404] }],

  // Applications: "own" is the demo member's organization's, "other" another organization's.
  "GET /api/applications/mine":                   [{ expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403] }],
  "POST /api/applications":                       [{ body: () => ({ callId: ids.applyCall, track: "org" }),
                                                     expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403] }],
  "GET /api/applications/{id}":                   [{ id: "ownSubmitted", expect: [401, 200, 200, 404, 403, 200, 403, 403, 403, 403] },
                                                   { id: "otherSubmitted", expect: [401, 200, 200, 404, 403, 404, 403, 403, 403, 403] },
                                                   { id: "reviewedApp", note: "the expert reviews it in an open round",
                                                     expect: [401, 200, 200, 200, 403, 404, 403, 403, 403, 403] },
                                                   { id: "unreviewedApp", expect: [401, 200, 200, 404, 403, 404, 403, 403, 403, 403] }],
  "PATCH /api/applications/{id}":                 [{ id: "ownDraft", body: async () => ({ version: await applicationVersion("ownDraft"), answers: { motivation: "矩阵测试" } }),
                                                     expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403] },
                                                   { id: "otherDraft", body: async () => ({ version: await applicationVersion("otherDraft") }),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/submit":           [{ id: "ownDraft", note: "no Idempotency-Key: 400 proves the policy passed", body: () => ({ version: 1 }),
                                                     expect: [401, 403, 403, 403, 403, 400, 403, 403, 403, 403] },
                                                   { id: "otherDraft", body: () => ({ version: 1 }),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/withdraw":         [{ id: "withdrawable", body: async () => ({ version: await applicationVersion("withdrawable") }),
                                                     expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403] },
                                                   { id: "otherDraft", body: async () => ({ version: await applicationVersion("otherDraft") }),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/documents":        [{ id: "ownDraft", note: "no file: 400 proves the policy passed", body: () => ({}),
                                                     expect: [401, 403, 403, 403, 403, 400, 403, 403, 403, 403] },
                                                   { id: "otherDraft", body: () => ({}),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/documents/{documentId}/replacement": [
                                                   { url: (i) => `/api/applications/${i.ownDraft}/documents/${i.ownDocument}/replacement`,
                                                     note: "no file: 400 proves the policy passed", body: () => ({}),
                                                     expect: [401, 403, 403, 403, 403, 400, 403, 403, 403, 403] },
                                                   { url: (i) => `/api/applications/${i.otherDraft}/documents/${i.otherDocument}/replacement`,
                                                     body: () => ({}),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "DELETE /api/applications/{id}/documents/{documentId}": [
                                                   { url: (i) => `/api/applications/${i.ownDraft}/documents/${i.ownSpareDocument}`,
                                                     expect: [401, 403, 403, 403, 403, 204, 403, 403, 403, 403] },
                                                   { url: (i) => `/api/applications/${i.otherDraft}/documents/${i.otherDocument}`,
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "GET /api/applications/{id}/submissions/{number}": [
                                                   { url: (i) => `/api/applications/${i.ownSubmitted}/submissions/1`,
                                                     expect: [401, 200, 200, 404, 403, 200, 403, 403, 403, 403] },
                                                   { url: (i) => `/api/applications/${i.otherSubmitted}/submissions/1`,
                                                     expect: [401, 200, 200, 404, 403, 404, 403, 403, 403, 403] }],
  "GET /api/applications/{id}/compare":           [{ url: (i) => `/api/applications/${i.ownSubmitted}/compare?from=1&to=1`,
                                                     expect: [401, 200, 200, 404, 403, 200, 403, 403, 403, 403] },
                                                   { url: (i) => `/api/applications/${i.otherSubmitted}/compare?from=1&to=1`,
                                                     expect: [401, 200, 200, 404, 403, 404, 403, 403, 403, 403] }],
  "POST /api/files":                              [{ note: "no file: 400 proves the policy passed", body: () => ({}),
                                                     expect: [401, 400, 400, 403, 403, 400, 403, 403, 403, 403] }],
  // Every role may read some files now (a post's attachments, 资讯; a service request's, for its
  // handlers): a file not theirs is 404.
  "GET /api/files/{id}":                          [{ id: "ownFile", expect: [401, 200, 200, 404, 404, 200, 404, 404, 404, 404] },
                                                   { id: "otherFile", expect: [401, 200, 200, 404, 404, 404, 404, 404, 404, 404] },
                                                   { id: "postForOwnFile", expect: [401, 200, 200, 404, 404, 200, 404, 404, 404, 404] }],

  // The staff's side of applications: queue, decisions, intake verdicts, thread, export.
  "GET /api/applications":                        [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/applications/export.xlsx":            [{ url: (i) => `/api/applications/export.xlsx?callId=${i.call}`,
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/applications/waiting":                [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/bulk":                  [{ note: "an unknown id: 200 with a per-id answer", body: () => ({ ids: [ids.missing], action: "accept" }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/accept":           [{ id: "otherSubmitted", note: "a stale version: 409 proves the policy passed", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/return":           [{ id: "otherSubmitted", body: () => ({ version: 999, reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/ineligible":       [{ id: "otherSubmitted", body: () => ({ version: 999, reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/extend":           [{ id: "otherDraft", body: () => ({ version: 999, until: FUTURE(), reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/applications/{id}/intake":           [{ url: (i) => `/api/applications/${i.otherSubmitted}/intake`,
                                                     body: () => ({ items: [{ requirementKey: "plan", status: "ok" }, { requirementKey: "certificate", status: "ok" }] }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] },
                                                   { url: (i) => `/api/applications/${i.ownSubmitted}/intake`,
                                                     note: "the member's own application: still staff's; no such item there, so 400 proves the policy passed",
                                                     body: () => ({ items: [{ requirementKey: "plan", status: "ok" }] }),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/applications/{id}/intake/{requirementKey}": [
                                                   { url: (i) => `/api/applications/${i.otherSubmitted}/intake/plan`, body: () => ({ status: "ok" }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/applications/{id}/messages":          [{ id: "ownSubmitted", expect: [401, 200, 200, 403, 403, 200, 403, 403, 403, 403] },
                                                   { id: "otherSubmitted", expect: [401, 200, 200, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/messages":         [{ id: "ownSubmitted", body: () => ({ body: "矩阵测试消息", fileIds: [] }),
                                                     expect: [401, 201, 201, 403, 403, 201, 403, 403, 403, 403] },
                                                   { id: "otherSubmitted", body: () => ({ body: "矩阵测试消息", fileIds: [] }),
                                                     expect: [401, 201, 201, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/messages/read":    [{ id: "ownSubmitted", expect: [401, 200, 200, 403, 403, 200, 403, 403, 403, 403] },
                                                   { id: "otherSubmitted", expect: [401, 200, 200, 403, 403, 404, 403, 403, 403, 403] }],
  // Experts (stage 3): staff's experts and invitations, the expert's own profile and conflicts,
  // and the public join and sign-in-link routes. A random conflict or organization id is 404 to
  // whoever the policy lets in; the revoked invitation is 409 to staff.
  "GET /api/experts":                             [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/experts/conflict-check":             [{ body: () => ({ mobile: "17788889999" }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/experts/{id}":                        [{ id: "expert", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/experts/{id}/conflicts":             [{ id: "expert", body: () => ({ organizationId: NOWHERE, reason: "矩阵" }),
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/experts/{id}/sign-in-links":         [{ id: "expert", body: () => ({ channels: { sms: true, email: false } }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/experts/me/profile":                  [{ expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/experts/me/profile":                  [{ body: async () => ({ fields: ["health"], version: await expertProfileVersion() }),
                                                     expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403] }],
  "GET /api/experts/me/conflicts":                [{ expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403] }],
  "POST /api/experts/me/conflicts":               [{ body: () => ({ organizationId: NOWHERE, reason: "矩阵" }),
                                                     expect: [401, 403, 403, 404, 403, 403, 403, 403, 403, 403] }],
  "DELETE /api/experts/me/conflicts/{conflictId}": [{ url: () => `/api/experts/me/conflicts/${NOWHERE}`,
                                                     expect: [401, 403, 403, 404, 403, 403, 403, 403, 403, 403] }],
  "GET /api/experts/me/organizations":            [{ url: () => "/api/experts/me/organizations?q=%E4%B8%AD%E5%BF%83",
                                                     expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403] }],
  "GET /api/expert-invitations":                  [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/expert-invitations":                 [{ body: () => ({ name: "矩阵专家", email: `matrix${++serial}@example.org` }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/expert-invitations/{id}/resend":     [{ id: "revokedInvitation", body: () => ({}),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/expert-invitations/{id}/revoke":     [{ id: "revokedInvitation", expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/expert-join":                         [{ note: "public: a live invitation's page answers everyone",
                                                     url: (ids) => `/api/expert-join?token=${ids.invitationToken}`,
                                                     expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/expert-join":                        [{ note: "public; no token: 400 for everyone", body: () => ({}),
                                                     expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400] }],
  "POST /api/sign-in-links/redeem":               [{ note: "public; no token: 400 for everyone", body: () => ({}),
                                                     expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400] }],

  // Stage 3 rounds: rubrics, review rounds (staff) and the experts' reviews.
  "GET /api/rubrics":                             [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/rubrics/{track}":                     [{ url: () => "/api/rubrics/org", note: "a stale version: 409 proves the policy passed",
                                                     body: () => ({ version: 999, title: "矩阵", criteria: [{ key: "a", name: { zhCN: "甲", en: "" }, description: { zhCN: "甲", en: "" }, weight: 1, min: 0, max: 1, levels: [{ min: 0, max: 1, meaning: { zhCN: "甲", en: "" } }] }] }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/rounds":                              [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds":                             [{ body: () => ({ callId: ids.roundCall, title: `矩阵测试轮次${++serial}`, reviewsPerSubject: 2, deadline: FUTURE() }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/rounds/{id}":                         [{ id: "draftRound", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/rounds/{id}":                       [{ id: "draftRound", body: () => ({ version: 999, title: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/open":                   [{ id: "draftRound", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/close":                  [{ id: "draftRound", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/reopen":                 [{ id: "draftRound", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/rounds/{id}/candidates":              [{ id: "draftRound", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/subjects":               [{ id: "draftRound", note: "not inspected: 409 proves the policy passed", body: () => ({ applicationIds: [ids.uninspected] }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "DELETE /api/rounds/{id}/subjects/{subjectId}": [{ url: (i) => `/api/rounds/${i.draftRound}/subjects/${i.missing}`,
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/experts":                [{ id: "draftRound", note: "not an expert: 400 proves the policy passed", body: () => ({ expertIds: [ids.notExpert] }),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "DELETE /api/rounds/{id}/experts/{expertId}":   [{ url: (i) => `/api/rounds/${i.draftRound}/experts/${i.missing}`,
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/experts/{expertId}/drop-out": [
                                                   { url: (i) => `/api/rounds/${i.draftRound}/experts/${i.missing}/drop-out`,
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/rounds/{id}/assignment":              [{ id: "draftRound", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/assignment/auto":        [{ id: "draftRound", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/assignment/pairs":       [{ id: "draftRound", note: "an application not in the round: 404", body: () => ({ subjectId: ids.missing, expertId: ids.notExpert }),
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/assignment/pairs/remove": [{ id: "draftRound", body: () => ({ subjectId: ids.missing, expertId: ids.notExpert }),
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/reviews":                             [{ expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403] }],
  "GET /api/reviews/{id}":                        [{ id: "ownReview", expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403] },
                                                   { id: "otherReview", expect: [401, 403, 403, 404, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/reviews/{id}":                      [{ id: "ownReview", note: "a stale version: 409 proves the policy passed", body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 409, 403, 403, 403, 403, 403, 403] },
                                                   { id: "otherReview", body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 404, 403, 403, 403, 403, 403, 403] }],
  "POST /api/reviews/{id}/submit":                [{ id: "ownReview", body: () => ({ version: 999 }), expect: [401, 403, 403, 409, 403, 403, 403, 403, 403, 403] },
                                                   { id: "otherReview", body: () => ({ version: 999 }), expect: [401, 403, 403, 404, 403, 403, 403, 403, 403, 403] }],
  "POST /api/reviews/{id}/reopen":                [{ id: "ownReview", note: "not submitted: 409 proves the policy passed", body: () => ({ version: 999, reason: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],

  // Stage 3 decisions: the review meeting, admission decisions, places, the public notice.
  // "roundOwnApplication" is the demo member's application in review, "roundOtherApplication" another's.
  "GET /api/rounds/{id}/ranking":                 [{ id: "round", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/rounds/{id}/ranking.xlsx":            [{ id: "round", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/rounds/{id}/notes":                   [{ id: "round", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/rounds/{id}/notes":                  [{ id: "round", body: () => ({ body: "矩阵测试记录" }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/applications/{id}/decision":          [{ id: "roundOwnApplication", expect: [401, 200, 200, 404, 403, 200, 403, 403, 403, 403] },
                                                   { id: "roundOtherApplication", expect: [401, 200, 200, 404, 403, 404, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/decision":         [{ id: "roundOtherApplication", note: "a stale version: 409 proves the policy passed",
                                                     body: () => ({ decision: "rejected", reason: "矩阵测试", version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/reconsider":       [{ id: "roundOtherApplication", note: "in review, nothing to reconsider: 409",
                                                     body: () => ({ reason: "矩阵测试", version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/lapse":            [{ id: "roundOtherApplication", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/offer":            [{ id: "roundOtherApplication", note: "not waitlisted: 409",
                                                     body: () => ({ reason: "矩阵测试", confirmBy: FUTURE().slice(0, 10), version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/place":            [{ id: "roundOwnApplication", note: "no final admission yet: 409 proves the policy passed",
                                                     body: () => ({ answer: "confirm", version: 999 }),
                                                     expect: [401, 403, 403, 403, 403, 409, 403, 403, 403, 403] },
                                                   { id: "roundOtherApplication", body: () => ({ answer: "confirm", version: 999 }),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "GET /api/applications/{id}/file.zip":          [{ id: "roundOwnApplication", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/organizations/{id}/placements":       [{ id: "org",    expect: [401, 200, 200, 403, 403, 404, 200, 404, 403, 403] },
                                                   { id: "ownOrg", expect: [401, 200, 200, 403, 403, 200, 200, 404, 403, 403] }],
  // Stage 4: an organization's growth file is the base's and the organization's own; an expert or a
  // mentor without a relation to its incubation finds none.
  "GET /api/organizations/{id}/growth":           [{ id: "org",    expect: [401, 200, 200, 404, 404, 404, 403, 403, 403, 403] },
                                                   { id: "ownOrg", expect: [401, 200, 200, 404, 404, 200, 403, 403, 403, 403] }],
  "GET /api/organizations/{id}/growth/export.xlsx": [{ id: "org",  expect: [401, 200, 200, 404, 404, 404, 403, 403, 403, 403] },
                                                   { id: "ownOrg", expect: [401, 200, 200, 404, 404, 200, 403, 403, 403, 403] }],
  // Issue 12: the service figures (the figures' audience; an organization's as its growth file) and partners.
  "GET /api/stats/services":                      [{ expect: [401, 200, 200, 403, 403, 403, 200, 200, 403, 403] }],
  "GET /api/stats/services/export.xlsx":          [{ expect: [401, 200, 200, 403, 403, 403, 200, 200, 403, 403] }],
  "GET /api/organizations/{id}/services/figures": [{ id: "org",    expect: [401, 200, 200, 404, 404, 404, 403, 403, 403, 403] },
                                                   { id: "ownOrg", expect: [401, 200, 200, 404, 404, 200, 403, 403, 403, 403] }],
  "GET /api/organizations/{id}/services/figures/export.xlsx": [{ id: "org", expect: [401, 200, 200, 404, 404, 404, 403, 403, 403, 403] },
                                                   { id: "ownOrg", expect: [401, 200, 200, 404, 404, 200, 403, 403, 403, 403] }],
  // Issue 13: a project's results (the organization, the granting partner, the incubation's mentors, staff) and the money figures.
  "GET /api/projects/{id}/results":               [{ id: "resultsProject",   note: "granted from the partner's fund; the demo mentor mentors the member's incubation",
                                                     expect: [401, 200, 200, 403, 200, 200, 403, 403, 200, 403] },
                                                   { id: "resultsOtherProject", expect: [401, 200, 200, 403, 404, 404, 403, 403, 404, 403] }],
  "GET /api/funding/figures":                     [{ expect: [401, 200, 200, 403, 403, 403, 200, 403, 403, 403] }],
  "GET /api/funding/figures.xlsx":                [{ expect: [401, 200, 200, 403, 403, 403, 200, 403, 403, 403] }],
  "GET /api/partners":                            [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/partners":                           [{ body: () => ({ name: `矩阵测试伙伴${++serial}`, kind: "hub" }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  // A partner user reads its own partner; another partner does not exist for it.
  "GET /api/partners/{id}":                       [{ id: "ownPartner",   expect: [401, 200, 200, 403, 403, 403, 403, 403, 200, 403] },
                                                   { id: "otherPartner", expect: [401, 200, 200, 403, 403, 403, 403, 403, 404, 403] }],
  "GET /api/partners/{id}/contact":               [{ id: "otherPartner", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/partners/{id}":                     [{ id: "otherPartner", body: async () => ({ name: "矩阵测试合作伙伴", kind: "enterprise", version: await partnerVersion(t, ids.otherPartner) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/partners/{id}/archive":              [{ id: "otherPartner", body: async () => ({ version: await partnerVersion(t, ids.otherPartner) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/partners/{id}/restore":              [{ id: "otherPartner", body: async () => ({ version: await partnerVersion(t, ids.otherPartner) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  // Issue 13: funding settings, flagship programmes and funds are the staff's; a partner user reads
  // its own partner's funds. Projects: staff the base's, a member its organization's, a partner
  // user those its funds granted (another project does not exist for it).
  "GET /api/funding/settings":                    [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/funding/settings":                    [{ body: async () => ({ ...((await clients.staff.get("/api/funding/settings")).json() as object), saved: undefined }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/funding/programmes":                  [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/funding/programmes":                 [{ body: () => ({ name: `矩阵工程${++serial}` }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/funding/programmes/{id}":             [{ id: "programme", body: () => ({ name: "矩阵测试工程" }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/funding/programmes/{id}/retire":     [{ id: "programme", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/funds":                               [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 200, 403] }],
  "POST /api/funds":                              [{ body: () => ({ kind: "seed_fund", name: `矩阵资金${++serial}`, capacityFen: 100 }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/funds/{id}":                          [{ id: "seedFund",    expect: [401, 200, 200, 403, 403, 403, 403, 403, 404, 403] },
                                                   { id: "partnerFund", expect: [401, 200, 200, 403, 403, 403, 403, 403, 200, 403] }],
  "PUT /api/funds/{id}":                          [{ id: "seedFund", body: async () => ({ name: `矩阵种子基金${++serial}`, capacityFen: 100_000_000, version: await fundVersion(t, ids.seedFund) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/funds/{id}/close":                   [{ id: "seedFund", note: "the admin closes it; then staff find it closed (409)",
                                                     body: async () => ({ version: await fundVersion(t, ids.seedFund) }),
                                                     expect: [401, 200, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/projects":                            [{ expect: [401, 200, 200, 403, 403, 200, 403, 403, 200, 403] }],
  "POST /api/projects":                           [{ body: () => ({ ...projectBody(`矩阵项目${++serial}`), incubationId: ids.otherIncubation }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/projects/{id}":                       [{ id: "ownProject",   expect: [401, 200, 200, 403, 404, 200, 403, 403, 404, 403] },
                                                   { id: "otherProject", expect: [401, 200, 200, 403, 404, 404, 403, 403, 200, 403] }],
  "PUT /api/projects/{id}":                       [{ id: "ownProject", body: async () => ({ ...projectBody("矩阵改名"), version: await projectVersion(t, ids.ownProject) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/projects/{id}/close":                [{ id: "draftProject", note: "a draft cannot be closed: 409 proves the policy passed",
                                                     body: async () => ({ version: await projectVersion(t, ids.draftProject) }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/projects/{id}/cancel":               [{ id: "draftProject", note: "the admin cancels it; then staff find it cancelled (409)",
                                                     body: async () => ({ version: await projectVersion(t, ids.draftProject) }),
                                                     expect: [401, 200, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/projects/{id}/indicators":            [{ id: "ownProject",   expect: [401, 200, 200, 403, 404, 200, 403, 403, 404, 403] }],
  "GET /api/projects/{id}/replication-sites":     [{ id: "ownProject",   expect: [401, 200, 200, 403, 404, 200, 403, 403, 404, 403] },
                                                   { id: "otherProject", expect: [401, 200, 200, 403, 404, 404, 403, 403, 200, 403] }],
  "POST /api/projects/{id}/replication-sites":    [{ id: "ownProject", body: () => ({ town: "矩阵街道", community: `矩阵社区${++serial}`, year: 2028, fundedBy: "" }),
                                                     expect: [401, 201, 201, 403, 403, 201, 403, 403, 403, 403] }],
  "DELETE /api/projects/{id}/replication-sites/{siteId}": [{ url: (i) => `/api/projects/${i.ownProject}/replication-sites/${i.site}`,
                                                     note: "the admin removes it; then staff find nothing (404)",
                                                     expect: [401, 200, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/notices":                             [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/notices":                            [{ note: "the round has nothing admitted: 409 proves the policy passed",
                                                     body: () => ({ roundId: ids.round, title: "矩阵测试公示", startsAt: new Date().toISOString(), workingDays: 5 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/notices/waiting":                     [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/notices/{id}":                        [{ id: "notice", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/notices/{id}/objections":            [{ id: "notice", body: () => ({ objector: "矩阵测试", body: "异议", receivedOn: "2026-12-01" }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/notices/{id}/objections/{objectionId}/answer": [
                                                   { url: (i) => `/api/notices/${i.notice}/objections/${i.objection}/answer`,
                                                     body: () => ({ answer: "矩阵测试答复", version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/notices/{id}/close":                 [{ id: "notice", note: "a stale version: 409",
                                                     body: () => ({ confirmBy: FUTURE().slice(0, 10), version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/portal/notices":                      [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/portal/notices/{id}":                 [{ id: "notice", expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],

  // Inspections (stage 2, 考察): staff plan; staff and the named inspector (an expert) read and
  // record; an expert not named on one finds nothing (404). A stale version (999) answers 409
  // once the policy let the actor through.
  "GET /api/inspections":                         [{ expect: [401, 200, 200, 200, 403, 403, 403, 403, 403, 403] }],
  "POST /api/inspections":                        [{ note: "a submitted application: 409 proves the policy passed",
                                                     body: () => ({ applicationId: ids.submittedApplication, scheduledAt: FUTURE(), mode: "online", inspectorIds: [ids.expertId] }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/inspections/inspectors":              [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/inspections/{id}":                    [{ id: "expertInspection", expect: [401, 200, 200, 200, 403, 403, 403, 403, 403, 403] },
                                                   { id: "staffInspection", expect: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/inspections/{id}/plan":             [{ id: "expertInspection", body: () => ({ version: 999, scheduledAt: FUTURE(), mode: "online", inspectorIds: [ids.expertId] }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/inspections/{id}/cancel":            [{ id: "expertInspection", body: () => ({ version: 999, reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/inspections/{id}/finding":          [{ id: "expertInspection", body: () => ({ version: 999, finding: {} }),
                                                     expect: [401, 409, 409, 409, 403, 403, 403, 403, 403, 403] },
                                                   { id: "staffInspection", body: () => ({ version: 999, finding: {} }),
                                                     expect: [401, 409, 409, 404, 403, 403, 403, 403, 403, 403] }],
  "POST /api/inspections/{id}/sign-off":          [{ id: "expertInspection", note: "planned, nothing recorded: 409",
                                                     body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 409, 403, 403, 403, 403, 403, 403] },
                                                   { id: "staffInspection", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 404, 403, 403, 403, 403, 403, 403] }],
  "POST /api/inspections/{id}/corrections":       [{ id: "expertInspection", note: "not signed off: 409",
                                                     body: () => ({ reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 409, 403, 403, 403, 403, 403, 403] },
                                                   { id: "staffInspection", body: () => ({ reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 404, 403, 403, 403, 403, 403, 403] }],
  "POST /api/inspections/{id}/files":            [{ id: "expertInspection", note: "no file: 400 proves the policy passed", body: () => ({}),
                                                     expect: [401, 400, 400, 400, 403, 403, 403, 403, 403, 403] }],
  "GET /api/applications/{id}/inspection":        [{ id: "acceptedApplication", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/applications/{id}/screen-out":       [{ id: "acceptedApplication", body: () => ({ version: 999, reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  // The capacity instrument (stage 4): staff and the administrator only. A stale version (999)
  // or a published (frozen) version answers 409 once the policy let the actor through.
  "GET /api/instruments":                         [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/instruments":                        [{ body: () => ({ name: `矩阵测试体系${++serial}` }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/instruments/{id}/draft":             [{ id: "matrixInstrument", note: "its one draft, found again",
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/instrument-versions/{id}":           [{ id: "instrumentPublished", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/instrument-versions/{id}":           [{ id: "instrumentDraft", body: () => ({ version: 999, changeNote: "", content: { scale: { min: 1, max: 4 }, dimensions: [] } }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "DELETE /api/instrument-versions/{id}":        [{ id: "instrumentPublished", note: "published: frozen, 409",
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/instrument-versions/{id}/publish":  [{ id: "instrumentDraft", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/instrument-tracks/{track}":          [{ url: () => "/api/instrument-tracks/org", body: () => ({ versionId: ids.instrumentPublished }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  // Stage 4 incubations (孵化): staff manage; the organization's members read their own; an expert
  // reads one it is named on as an assessor (none here: 404); a stale version (999) answers 409.
  "GET /api/incubations":                         [{ expect: [401, 200, 200, 200, 200, 200, 403, 403, 403, 403] }],
  "POST /api/incubations":                        [{ note: "the member's organization is incubating already: 409 proves the policy passed",
                                                     body: () => ({ organizationId: ids.ownOrg, track: "org", cohortId: ids.cohort, startOn: "2026-02-01", reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/incubations/export.xlsx":             [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/incubations/waiting":                 [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/incubations/bulk":                   [{ body: () => ({ action: "move", ids: [ids.otherIncubation], cohortId: ids.cohort }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  // The demo expert is named assessor on an assessment of the member's incubation (the assessment fixtures).
  "GET /api/incubations/{id}":                    [{ id: "ownIncubation", expect: [401, 200, 200, 200, 404, 200, 403, 403, 403, 403] },
                                                   { id: "otherIncubation", expect: [401, 200, 200, 404, 404, 404, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/transition":        [{ id: "ownIncubation", body: () => ({ event: "suspend", reason: "矩阵测试", version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/incubations/{id}":                  [{ id: "ownIncubation", body: () => ({ residency: "virtual", version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/organizations/{id}/incubations":      [{ id: "ownOrg", expect: [401, 200, 200, 404, 404, 200, 403, 403, 403, 403] },
                                                   { id: "org",    expect: [401, 200, 200, 404, 404, 404, 403, 403, 403, 403] }],
  "GET /api/cohorts":                             [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/cohorts":                            [{ body: (actor) => ({ name: `矩阵批次-${actor}-${++serial}`, startsOn: "2026-09-01" }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/incubation-settings":                 [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/incubation-settings":                 [{ body: () => ({ termMonths: 12, baselineDueDays: 30, exitDueDays: 30, version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],

  // The incubation plan (stage 4, 孵化计划): staff write; the organization's members read their own,
  // agree and report their own actions; a mentor without the relation finds none (404). The plan
  // is agreed, so a stale version (999) or a step it does not allow answers 409 past the policy.
  // The mentor programme (导师计划): staff manage mentors and pairings; a mentor its own profile and
  // the incubations it mentors (none here: 404); only the organization answers its sessions.
  "GET /api/mentors":                             [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/mentors/me":                          [{ expect: [401, 403, 403, 403, 200, 403, 403, 403, 403, 403] }],
  "PUT /api/mentors/me":                          [{ body: () => ({ fields: [], skills: [], capacity: 2, active: true, version: 999 }),
                                                     expect: [401, 403, 403, 403, 409, 403, 403, 403, 403, 403] }],
  "GET /api/mentors/{id}":                        [{ url: () => `/api/mentors/${NOWHERE}`, expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/mentors/{id}":                        [{ url: () => `/api/mentors/${NOWHERE}`, body: () => ({ fields: [], skills: [], capacity: 2, active: true, version: 999 }),
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/mentoring/home":                      [{ expect: [401, 403, 403, 403, 200, 403, 403, 403, 403, 403] }],
  "GET /api/mentoring/waiting":                   [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/mentoring/to-answer":                 [{ expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403] }],
  "GET /api/incubations/{id}/mentor-matches":     [{ id: "planIncubation", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/incubations/{id}/mentorships":        [{ id: "planIncubation", expect: [401, 200, 200, 403, 404, 200, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/mentorships":       [{ id: "planIncubation", note: "an unknown mentor: 400 past the policy",
                                                     body: () => ({ mentorId: NOWHERE, startsOn: "2026-10-01", endsOn: "2027-01-01" }),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/mentorships/{id}/end":               [{ url: () => `/api/mentorships/${NOWHERE}/end`, body: () => ({ endedOn: "2026-10-01", reason: "矩阵", version: 1 }),
                                                     expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/incubations/{id}/mentoring-sessions": [{ id: "planIncubation", expect: [401, 200, 200, 403, 404, 200, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/mentoring-sessions": [{ id: "planIncubation", body: () => ({ heldOn: "2026-10-01", minutes: 60, topics: ["矩阵"], advice: "矩阵" }),
                                                     expect: [401, 403, 403, 403, 404, 403, 403, 403, 403, 403] }],
  "POST /api/mentoring-sessions/{id}/answer":     [{ url: () => `/api/mentoring-sessions/${NOWHERE}/answer`, body: () => ({ tookPlace: true, rating: 5, version: 1 }),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "GET /api/incubations/{id}/needs":              [{ id: "planIncubation", expect: [401, 200, 200, 403, 404, 200, 403, 403, 403, 403] },
                                                   { id: "otherPlanIncubation", expect: [401, 200, 200, 403, 404, 404, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/needs":             [{ id: "planIncubation", body: () => ({ category: "resources", title: "矩阵测试", source: "other" }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/incubations/{id}/needs/{needId}":   [{ url: (i) => `/api/incubations/${i.planIncubation}/needs/${i.planNeed}`,
                                                     body: () => ({ category: "resources", title: "矩阵测试", source: "other", status: "open", version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/incubations/{id}/plan":               [{ id: "planIncubation", expect: [401, 200, 200, 403, 404, 200, 403, 403, 403, 403] },
                                                   { id: "otherPlanIncubation", expect: [401, 200, 200, 403, 404, 404, 403, 403, 403, 403] }],
  "PUT /api/incubations/{id}/plan":               [{ id: "planIncubation", body: () => ({ version: 999, goals: [] }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/plan/propose":      [{ id: "planIncubation", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/plan/withdraw":     [{ id: "planIncubation", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/plan/agree":        [{ id: "planIncubation", note: "already agreed: 409 past the policy (staff on the organization's behalf)",
                                                     body: () => ({ version: 999, note: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 409, 403, 403, 403, 403] },
                                                   { id: "otherPlanIncubation", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/plan/revise":       [{ id: "planIncubation", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "PATCH /api/incubations/{id}/plan/actions/{actionId}": [
                                                   { url: (i) => `/api/incubations/${i.planIncubation}/plan/actions/${i.planAction}`,
                                                     body: () => ({ version: 999, status: "done" }),
                                                     expect: [401, 409, 409, 403, 403, 409, 403, 403, 403, 403] },
                                                   { url: (i) => `/api/incubations/${i.otherPlanIncubation}/plan/actions/${i.planAction}`,
                                                     note: "another organization's incubation: 404 to its member; no plan there: 404 to staff",
                                                     body: () => ({ version: 999, status: "done" }),
                                                     expect: [401, 404, 404, 403, 403, 404, 403, 403, 403, 403] }],

  // Assessments (stage 4, 能力评估): the self-assessment is the member's, the assessor's is staff's
  // and the named expert's (the demo expert is named on the assessor draft); a member sees the
  // assessor's only once submitted, an expert only the one naming them. A stale version (999)
  // answers 409 once the policy let the actor through; a draft cannot be corrected (409).
  "GET /api/incubations/{id}/assessments":        [{ id: "ownIncubation", expect: [401, 200, 200, 200, 403, 200, 403, 403, 403, 403] }],
  "POST /api/incubations/{id}/assessments":       [{ id: "ownIncubation", note: "the member self-assesses, the others try the assessor's side; an existing one is answered",
                                                     body: (a) => ({ phase: "baseline", side: a === "member" ? "self" : "assessor" }),
                                                     expect: [401, 200, 200, 403, 403, 200, 403, 403, 403, 403] }],
  "GET /api/assessments/compare":                 [{ url: (i) => `/api/assessments/compare?first=${i.selfDraft}&second=${i.assessorDraft}`,
                                                     expect: [401, 200, 200, 404, 403, 404, 403, 403, 403, 403] },
                                                   { url: (i) => `/api/assessments/compare?first=${i.selfSubmitted}&second=${i.assessorSubmitted}`,
                                                     expect: [401, 200, 200, 404, 403, 200, 403, 403, 403, 403] }],
  "GET /api/assessments/{id}":                    [{ id: "selfDraft", expect: [401, 200, 200, 404, 403, 200, 403, 403, 403, 403] },
                                                   { id: "assessorDraft", expect: [401, 200, 200, 200, 403, 404, 403, 403, 403, 403] }],
  "PATCH /api/assessments/{id}":                  [{ id: "selfDraft", body: () => ({ version: 999, scores: [] }),
                                                     expect: [401, 403, 403, 404, 403, 409, 403, 403, 403, 403] },
                                                   { id: "assessorDraft", body: () => ({ version: 999, scores: [] }),
                                                     expect: [401, 409, 409, 409, 403, 404, 403, 403, 403, 403] }],
  "POST /api/assessments/{id}/submit":            [{ id: "selfDraft", body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 404, 403, 409, 403, 403, 403, 403] },
                                                   { id: "assessorDraft", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 409, 403, 404, 403, 403, 403, 403] }],
  "POST /api/assessments/{id}/corrections":       [{ id: "selfDraft", note: "a draft: 409", body: () => ({ reason: "矩阵测试" }),
                                                     expect: [401, 403, 403, 404, 403, 409, 403, 403, 403, 403] },
                                                   { id: "assessorDraft", body: () => ({ reason: "矩阵测试" }),
                                                     expect: [401, 409, 409, 409, 403, 404, 403, 403, 403, 403] }],
  "POST /api/assessments/{id}/evidence":          [{ id: "selfDraft", note: "no file: 400 for every role that fills assessments in",
                                                     body: () => ({}), expect: [401, 400, 400, 400, 403, 400, 403, 403, 403, 403] }],
  "DELETE /api/assessments/{id}/evidence/{fileId}": [{ url: (i) => `/api/assessments/${i.selfDraft}/evidence/${NOWHERE}`, note: "no such file on it: 404 for the member",
                                                     expect: [401, 403, 403, 404, 403, 404, 403, 403, 403, 403] }],
  "GET /api/cohorts/{id}/baseline-distribution":  [{ id: "cohort", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],

  // Trainings (能力建设): staff run them; every signed-in role reads the published ones open to it
  // (a draft is 404 but for staff); people with an organization or on their own (members,
  // individuals, staff) enrol, check in and give feedback. A stale version (999) answers 409 once
  // the policy let the actor through; NOWHERE records are 404 past it.
  "GET /api/trainings":                           [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/trainings":                          [{ body: () => trainingBody(), expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/trainings/mine":                      [{ expect: [401, 200, 200, 403, 403, 200, 403, 403, 403, 200] }],
  "GET /api/trainings/topic-suggestions":         [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/trainings/{id}":                      [{ id: "training", expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
                                                   { id: "trainingDraft", expect: [401, 200, 200, 404, 404, 404, 404, 404, 404, 404] },
                                                   { id: "trainingMembersOnly", note: "left out of their lists, but not hidden: enrolling says plainly it is not for them",
                                                     expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "PATCH /api/trainings/{id}":                    [{ id: "training", body: () => ({ ...trainingBody(), version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/trainings/{id}/publish":             [{ id: "trainingDraft", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/trainings/{id}/cancel":              [{ id: "training", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/trainings/{id}/finish":              [{ id: "training", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/trainings/{id}/enrolments":          [{ id: "training", note: "on one's own (the public may enrol)", body: () => ({}),
                                                     expect: [401, 201, 201, 403, 403, 201, 403, 403, 403, 201] },
                                                   { id: "training", note: "for another organization: not there for a member; staff get 400 (it has no member account to enrol)",
                                                     body: () => ({ organizationId: ids.org }), expect: [401, 400, 400, 403, 403, 404, 403, 403, 403, 404] },
                                                   { id: "trainingMembersOnly", note: "not open to the public: nobody enrols on their own (409)", body: () => ({}),
                                                     expect: [401, 409, 409, 403, 403, 409, 403, 403, 403, 409] }],
  "GET /api/trainings/{id}/enrolment-candidates": [{ id: "training", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] },
                                                   { id: "trainingDraft", note: "a draft: there for staff alone", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "DELETE /api/trainings/{id}/enrolments/{enrolmentId}": [{ url: (i) => `/api/trainings/${i.training}/enrolments/${NOWHERE}`,
                                                     expect: [401, 404, 404, 403, 403, 404, 403, 403, 403, 404] }],
  "PUT /api/trainings/{id}/enrolments/{enrolmentId}/attendance": [{ url: (i) => `/api/trainings/${i.training}/enrolments/${NOWHERE}/attendance`,
                                                     body: () => ({ attended: true, version: 1 }), expect: [401, 404, 404, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/trainings/{id}/check-in-code":        [{ id: "training", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/trainings/{id}/check-in":            [{ id: "training", note: "a code of no window: 400 past the policy",
                                                     body: () => ({ code: "1.aaaaaaaaaaaaaaaaaaaaaa" }), expect: [401, 400, 400, 403, 403, 400, 403, 403, 403, 400] }],
  "POST /api/trainings/{id}/feedback":            [{ id: "training", note: "not attended: 409 past the policy",
                                                     body: () => ({ rating: 5 }), expect: [401, 409, 409, 403, 403, 409, 403, 403, 403, 409] }],
  "GET /api/trainings/{id}/attendance.xlsx":      [{ id: "training", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/training-series":                     [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/training-series":                    [{ body: () => ({ title: `矩阵测试系列${++serial}` }), expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/training-series/{id}":                [{ id: "trainingSeries", expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/training-series/{id}/certificates":  [{ id: "trainingSeries", note: "nobody attended: 400 past the policy", body: () => ({ personId: NOWHERE }),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/training-certificates/{id}":          [{ url: () => `/api/training-certificates/${NOWHERE}`, expect: [401, 404, 404, 403, 403, 404, 403, 403, 403, 404] },
                                                   { id: "memberCertificate", note: "the member's own; another person's for the individual",
                                                     expect: [401, 200, 200, 403, 403, 200, 403, 403, 403, 404] }],
  "GET /api/portal/trainings":                    [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/portal/trainings/{id}":               [{ id: "training", expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
                                                   { id: "trainingMembersOnly", expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] }],
  // The 4Z service desk (服务申请与服务记录): staff run it; a member asks, cancels, writes and
  // rates for its own organization (another's is 404); the handler (the demo mentor is assigned
  // to the member's request) schedules and closes; the demo partner (no partner linked here)
  // finds no request (404). A stale version (999) is 409 once the policy let the actor through.
  "GET /api/services/catalogue":                  [{ expect: [401, 200, 200, 403, 200, 200, 403, 403, 200, 403] }],
  "POST /api/services/catalogue":                 [{ note: "the name is taken: 409", body: () => ({ category: "consulting", name: ids.catalogueName,
                                                       audiences: ["resident"], handlerKind: "staff", responseDays: 3 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/services/catalogue/{id}":             [{ id: "catalogueEntry", body: () => ({ category: "consulting", name: ids.catalogueName,
                                                       audiences: ["resident"], handlerKind: "staff", responseDays: 3, status: "active", version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/services/requests":                   [{ expect: [401, 200, 200, 403, 200, 200, 403, 403, 200, 403] }],
  "GET /api/services/requests/export.xlsx":       [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/services/requests":                  [{ body: () => ({ category: "consulting", title: "矩阵测试", detail: "矩阵测试" }),
                                                     expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403] }],
  "GET /api/services/requests/{id}":              [{ id: "ownRequest", expect: [401, 200, 200, 403, 200, 200, 403, 403, 404, 403] },
                                                   { id: "otherRequest", expect: [401, 200, 200, 403, 404, 404, 403, 403, 404, 403] }],
  "POST /api/services/requests/{id}/accept":      [{ id: "ownRequest", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/services/requests/{id}/decline":     [{ id: "ownRequest", body: () => ({ version: 999, note: "矩阵测试" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/services/requests/{id}/cancel":      [{ id: "ownRequest", body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 403, 403, 409, 403, 403, 403, 403] },
                                                   { id: "otherRequest", body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "POST /api/services/requests/{id}/schedule":    [{ id: "ownRequest", note: "not accepted yet: 409 for staff and the handler",
                                                     body: () => ({ version: 999, scheduledAt: FUTURE() }),
                                                     expect: [401, 409, 409, 403, 409, 403, 403, 403, 404, 403] }],
  "POST /api/services/requests/{id}/close":       [{ id: "ownRequest", body: () => ({ version: 999, title: "矩阵", mode: "phone", deliveredOn: "2026-11-02", minutes: 30 }),
                                                     expect: [401, 409, 409, 403, 409, 403, 403, 403, 404, 403] },
                                                   { id: "otherRequest", body: () => ({ version: 999, title: "矩阵", mode: "phone", deliveredOn: "2026-11-02", minutes: 30 }),
                                                     expect: [401, 409, 409, 403, 404, 403, 403, 403, 404, 403] }],
  "POST /api/services/requests/{id}/assign":      [{ id: "ownRequest", body: () => ({ version: 999, handlerKind: "staff", userId: ids.user }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/services/requests/{id}/messages":    [{ id: "ownRequest", body: () => ({ body: "矩阵测试" }),
                                                     expect: [401, 201, 201, 403, 201, 201, 403, 403, 404, 403] },
                                                   { id: "otherRequest", body: () => ({ body: "矩阵测试" }),
                                                     expect: [401, 201, 201, 403, 404, 404, 403, 403, 404, 403] }],
  "POST /api/services/requests/{id}/files":      [{ id: "ownRequest", note: "a real PNG: the handler (mentor) and the organization attach", upload: true,
                                                     expect: [401, 201, 201, 403, 201, 201, 403, 403, 404, 403] },
                                                   { id: "otherRequest", upload: true,
                                                     expect: [401, 201, 201, 403, 404, 404, 403, 403, 404, 403] }],
  "GET /api/services/handlers":                   [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/services/waiting":                    [{ expect: [401, 200, 200, 403, 200, 200, 403, 403, 200, 403] }],
  "GET /api/services/records":                    [{ expect: [401, 200, 200, 403, 200, 200, 403, 403, 200, 403] }],
  "POST /api/services/records":                   [{ body: () => ({ organizationId: ids.ownOrg, category: "consulting", title: "矩阵", mode: "phone", deliveredOn: "2026-11-02", minutes: 30 }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/services/records/bulk":              [{ note: "an unknown organization: 400, nothing written", body: () => ({ organizationIds: [ids.ownOrg, NOWHERE],
                                                       category: "consulting", title: "矩阵", mode: "phone", deliveredOn: "2026-11-02", minutes: 30 }),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/services/records/{id}/rating":        [{ id: "ownRecord", body: () => ({ rating: 4 }),
                                                     expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403] },
                                                   { id: "otherRecord", body: () => ({ rating: 4 }),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  // Information (资讯): staff write; a reader opens only a published post meant for them (else 404).
  "GET /api/posts":                               [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/posts":                              [{ body: () => postBody(), expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/posts/audience":                     [{ body: () => ({}), expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/posts/{id}":                          [{ id: "postDraft", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "PUT /api/posts/{id}":                          [{ id: "postDraft", body: () => postBody(999), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/posts/{id}/publish":                 [{ id: "postDraft", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/posts/{id}/withdraw":                [{ id: "postForOwn", body: () => ({ version: 999, reason: "矩阵测试" }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/posts/{id}/redraft":                 [{ id: "postDraft", body: () => ({ version: 999 }), expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/posts/{id}/receipts":                 [{ id: "postForOwn", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/posts/{id}/receipts/export.xlsx":     [{ id: "postForOwn", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/post-feed":                           [{ expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/post-feed/{id}":                      [{ id: "postForOwn", expect: [401, 200, 200, 404, 404, 200, 404, 404, 404, 404] },
                                                   { id: "postForOther", expect: [401, 200, 200, 404, 404, 404, 404, 404, 404, 404] },
                                                   { id: "postDraft", expect: [401, 200, 200, 404, 404, 404, 404, 404, 404, 404] },
                                                   { id: "postPublic", expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  // Funding, spending (支出): whoever reads the grant reads its spending (staff; the grantee's
  // members; the fund's partner; the incubation's current mentor: the demo mentor mentors the
  // member's incubation, so it reads the own grant and not the other; the partner reads neither);
  // only the grantee's members report (staff 403); only staff verify and query.
  "POST /api/grants/{id}/receipts":               [{ id: "spendingGrant", upload: true, expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403] },
                                                   { id: "spendingOtherGrant", upload: true, expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "GET /api/grants/{id}/expenses":                [{ id: "spendingGrant", expect: [401, 200, 200, 403, 200, 200, 403, 403, 404, 403] },
                                                   { id: "spendingOtherGrant", expect: [401, 200, 200, 403, 404, 404, 403, 403, 404, 403] }],
  "POST /api/grants/{id}/expenses":               [{ id: "spendingGrant", note: "a receipt that is not the grant's: 400, nothing written", body: () => spendingBody(ids.ownLine),
                                                     expect: [401, 403, 403, 403, 403, 400, 403, 403, 403, 403] },
                                                   { id: "spendingOtherGrant", body: () => spendingBody(ids.ownLine),
                                                     expect: [401, 403, 403, 403, 403, 404, 403, 403, 403, 403] }],
  "GET /api/grants/{id}/expenses/{expenseId}":    [{ url: (i) => `/api/grants/${i.spendingGrant}/expenses/${i.ownExpense}`, expect: [401, 200, 200, 403, 200, 200, 403, 403, 404, 403] },
                                                   { url: (i) => `/api/grants/${i.spendingOtherGrant}/expenses/${i.ownExpense}`, note: "an item through another grant: 404",
                                                     expect: [401, 404, 404, 403, 404, 404, 403, 403, 404, 403] }],
  "PUT /api/grants/{id}/expenses/{expenseId}":    [{ url: (i) => `/api/grants/${i.spendingGrant}/expenses/${i.ownExpense}`, note: "a submitted item is not corrected: 409",
                                                     body: () => ({ ...spendingBody(ids.ownLine), version: 999, answer: "矩阵" }),
                                                     expect: [401, 403, 403, 403, 403, 409, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/expenses/{expenseId}/withdraw": [{ url: (i) => `/api/grants/${i.spendingGrant}/expenses/${i.ownExpense}/withdraw`, body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 403, 403, 409, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/expenses/{expenseId}/verify": [{ url: (i) => `/api/grants/${i.spendingGrant}/expenses/${i.ownExpense}/verify`, body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/expenses/{expenseId}/query": [{ url: (i) => `/api/grants/${i.spendingGrant}/expenses/${i.ownExpense}/query`, body: () => ({ version: 999, question: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/grants/{id}/budget":                  [{ id: "spendingGrant", expect: [401, 200, 200, 403, 200, 200, 403, 403, 404, 403] },
                                                   { id: "spendingOtherGrant", expect: [401, 200, 200, 403, 404, 404, 403, 403, 404, 403] }],
  "PUT /api/grants/{id}/budget/{lineId}/explanation": [{ url: (i) => `/api/grants/${i.spendingGrant}/budget/${i.ownLine}/explanation`, body: () => ({ version: 999, explanation: "矩阵" }),
                                                     expect: [401, 403, 403, 403, 403, 409, 403, 403, 403, 403] }],
  "GET /api/grants/{id}/export.xlsx":             [{ id: "spendingGrant", expect: [401, 200, 200, 403, 200, 200, 403, 403, 404, 403] },
                                                   { id: "spendingOtherGrant", expect: [401, 200, 200, 403, 404, 404, 403, 403, 404, 403] }],
  "GET /api/funding/export.xlsx":                 [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  // People (人员): staff list, export, add and read individuals; an individual reads only itself
  // (another person is 404) and keeps its own 个人信息, which no other role has (403).
  "GET /api/people":                              [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/people/export.xlsx":                  [{ expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/people":                             [{ body: () => ({ displayName: "矩阵测试学员", mobile: peopleMobile() }),
                                                     expect: [401, 201, 201, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/people/me":                           [{ expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200] }],
  "PUT /api/people/me":                           [{ body: async () => ({ displayName: "矩阵测试", version: await personVersion() }),
                                                     expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200] }],
  "GET /api/people/{id}":                         [{ id: "person", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 404] },
                                                   { id: "selfPerson", expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 200] }],
  "PUT /api/people/{id}":                         [{ id: "person", body: async () => ({ displayName: "矩阵测试学员", mobile: peopleMobile(), version: await personAccountVersion(t, ids.person) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/people/{id}/disable":                [{ id: "person", body: async () => ({ version: await personAccountVersion(t, ids.person) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/people/{id}/enable":                 [{ id: "person", body: async () => ({ version: await personAccountVersion(t, ids.person) }),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/portal/posts":                        [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/portal/posts/{id}":                   [{ id: "postPublic", expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
                                                   { id: "postForOwn", expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] }],
  "GET /api/portal/posts/{id}/files/{fileId}":    [{ url: (i) => `/api/portal/posts/${i.postPublic}/files/${i.postPublicFile}`,
                                                     expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
                                                   { url: (i) => `/api/portal/posts/${i.postForOwn}/files/${i.postForOwnFile}`,
                                                     expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] }],
  "POST /api/posts/{id}/files":                   [{ id: "postDraft", note: "no file: 400 proves the policy passed", body: () => ({}),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],

  // Funding: grants. "ownGrant" is the member's organization's, from the demo partner's fund;
  // "otherGrant" another organization's. Steps at a stale version: 409 proves the policy passed.
  "GET /api/grants":                              [{ expect: [401, 200, 200, 403, 403, 200, 403, 403, 200, 403] }],
  "POST /api/grants":                             [{ note: "a project nobody has: 400 proves the policy passed", body: () => grantBody(NOWHERE),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/grants/setup":                        [{ url: (i) => `/api/grants/setup?projectId=${i.ownGrantProject}`,
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/grants/{id}":                         [{ id: "ownGrant", expect: [401, 200, 200, 403, 404, 200, 403, 403, 200, 403] },
                                                   { id: "otherGrant", expect: [401, 200, 200, 403, 404, 404, 403, 403, 404, 403] }],
  "PUT /api/grants/{id}":                         [{ id: "otherGrant", body: () => { const { projectId: _, ...terms } = grantBody(NOWHERE); return { ...terms, version: 999 }; },
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/approve":                [{ id: "ownGrant", body: () => ({ version: 999, reason: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/sign":                   [{ id: "ownGrant", body: () => ({ version: 999, reason: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/suspend":                [{ id: "ownGrant", body: () => ({ version: 999, reason: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/resume":                 [{ id: "ownGrant", body: () => ({ version: 999, reason: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/close":                  [{ id: "ownGrant", body: () => ({ version: 999, reason: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/cancel":                 [{ id: "ownGrant", body: () => ({ version: 999, reason: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/tranches/{trancheId}/prepare": [
                                                   { url: (i) => `/api/grants/${i.ownGrant}/tranches/${i.ownTranche}/prepare`, body: () => ({ version: 999, paymentReference: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/tranches/{trancheId}/withdraw": [
                                                   { url: (i) => `/api/grants/${i.ownGrant}/tranches/${i.ownTranche}/withdraw`, body: () => ({ version: 999, paymentReference: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/tranches/{trancheId}/pay": [
                                                   { url: (i) => `/api/grants/${i.ownGrant}/tranches/${i.ownTranche}/pay`, body: () => ({ version: 999, paymentReference: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/milestones/{milestoneId}": [
                                                   { url: (i) => `/api/grants/${i.ownGrant}/milestones/${i.ownMilestone}`, note: "a proposed grant's milestone: 409",
                                                     body: () => ({ version: 999, status: "met" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  // Funding (issue 13): progress reports. Staff schedule and review; only the grantee's members
  // write and submit; the fund's partner reads; a mentor not paired with the incubation finds nothing.
  "GET /api/grants/{id}/reports":                 [{ id: "reportGrant", expect: [401, 200, 200, 403, 404, 200, 403, 403, 200, 403] }],
  "POST /api/grants/{id}/reports/schedule":       [{ id: "reportGrant", note: "idempotent: staff 200 each time", body: () => ({}),
                                                     expect: [401, 200, 200, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/grants/{id}/reports":                [{ id: "reportGrant", note: "overlaps a scheduled report: 400 proves the policy passed",
                                                     body: () => ({ kind: "periodic", periodStart: "2027-03-01", periodEnd: "2027-03-31", dueOn: "2027-04-10" }),
                                                     expect: [401, 400, 400, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/reports/{id}":                        [{ id: "ownReport", expect: [401, 200, 200, 403, 404, 200, 403, 403, 200, 403] }],
  "PUT /api/reports/{id}":                        [{ id: "ownReport", body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 403, 403, 409, 403, 403, 403, 403] }],
  "DELETE /api/reports/{id}":                     [{ url: (i) => `/api/reports/${i.ownReport}?version=999`,
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/reports/{id}/submit":                [{ id: "ownReport", body: () => ({ version: 999 }),
                                                     expect: [401, 403, 403, 403, 403, 409, 403, 403, 403, 403] }],
  "POST /api/reports/{id}/files":                 [{ id: "ownReport", note: "a real PNG: only the grantee attaches", upload: true,
                                                     expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403] }],
  "POST /api/reports/{id}/accept":                [{ id: "ownReport", note: "still due: 409 for staff", body: () => ({ version: 999 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/reports/{id}/return":                [{ id: "ownReport", body: () => ({ version: 999, note: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/reports/{id}/fail":                  [{ id: "ownReport", body: () => ({ version: 999, note: "矩阵" }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "POST /api/reports/{id}/end-grant":             [{ id: "ownReport", note: "not a failed mid-term: 409 for staff", body: () => ({ version: 999, reason: "矩阵", owedFen: 0 }),
                                                     expect: [401, 409, 409, 403, 403, 403, 403, 403, 403, 403] }],
  "GET /api/funding/waiting":                     [{ expect: [401, 200, 200, 403, 403, 200, 403, 403, 200, 403] }],
};

/**
 * Routes deliberately left out of the OpenAPI document, each with why; they are still called.
 * The backup route exists only on the embedded database and answers to a maintenance token that
 * the server writes under DATA_DIR, never to a session: 403 for every role without it.
 */
// biome-ignore format: the matrix reads as a table
const HIDDEN: Record<string, Case[]> = {
  "GET /api/openapi.json":                        [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "GET /api/ping":                                [{ expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] }],
  "POST /api/system/backup":                      [{ expect: [403, 403, 403, 403, 403, 403, 403, 403, 403, 403] }],
};

beforeAll(async () => {
  t = await startTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), "hatchery-matrix-")) });
  clients.anonymous = t.anonymous();
  for (const actor of ACTORS.slice(1)) clients[actor] = await t.signIn(usernameOf(actor));
  const [individual] = await t.db.select().from(users).where(eq(users.username, INDIVIDUAL));
  individualMobile = individual?.mobile ?? null;
  const [member] = await t.db.select().from(users).where(eq(users.username, "member"));
  const ownOrg = member?.organizationId as string;
  // Another organization, outside the liaison's town (the rows expect a 404 for the liaison),
  // always the same one: without an order the database may hand back any.
  const [liaison] = await t.db.select().from(users).where(eq(users.username, "liaison"));
  const [other] = await t.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.baseId, t.baseId),
        ne(organizations.id, ownOrg),
        sql`${organizations.townId} IS DISTINCT FROM ${liaison?.townId ?? null}`,
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(1);
  const target = await make(t).user({ roles: ["mentor"] });
  const before = {
    org: other?.id as string,
    ownOrg,
    user: target.id,
    ...(await recruitmentFixtures(t, clients.member)),
    ...(await expertFixtures(t, clients.staff)),
    ...(await roundFixtures(t, clients.staff)),
    ...(await decisionFixtures(t, ownOrg)),
    ...(await inspectionFixtures(t)),
    ...(await instrumentFixtures(t, clients.staff)),
    ...(await incubationFixtures(t, ownOrg)),
    ...(await planFixtures(t, clients.staff, clients.member, ownOrg)),
    ...(await assessmentFixtures(t, ownOrg)),
    ...(await partnerFixtures(t)),
    ...(await trainingFixtures(t, clients.staff)),
    ...(await serviceFixtures(t, ownOrg)),
    ...(await postFixtures(t, ownOrg, other?.id as string)),
    ...(await peopleFixtures(clients.staff, individual?.id as string)),
    ...(await grantFixtures(t, ownOrg, other?.id as string)),
    ...(await resultsFixtures(t, ownOrg)),
    ...(await spendingFixtures(t, ownOrg, other?.id as string)),
  };
  ids = { ...before, ...(await fundingProjectFixtures(t, ownOrg, before, before.org)) } as Ids;
  // On the member's open incubation (the plan's): a second open one would change the plan rows.
  Object.assign(ids, await reportFixtures(t, ownOrg, ids.planIncubation));
});
afterAll(() => t.close());

async function statusOf(route: string, c: Case, actor: Actor): Promise<number> {
  const [method, path] = route.split(" ") as [string, string];
  const url = c.url ? c.url(ids) : path.replace("{id}", c.id ? String(ids[c.id]) : "");
  let client = clients[actor];
  if (c.fresh) client = actor === "anonymous" ? t.anonymous() : await t.signIn(usernameOf(actor));
  if (c.upload) {
    return (
      await client.request({ method, url, ...multipartBody({}, { content: PNG, filename: "矩阵.png" }) })
    ).statusCode;
  }
  const body = c.body ? await c.body(actor) : undefined;
  const response = await client.request({ method, url, payload: body });
  return response.statusCode;
}

async function check(route: string, c: Case) {
  const actual: Record<string, number> = {};
  for (const actor of ACTORS) actual[actor] = await statusOf(route, c, actor);
  const expected = Object.fromEntries(ACTORS.map((actor, i) => [actor, c.expect[i]]));
  expect(actual).toEqual(expected);
}

describe("role × route matrix", () => {
  it("has a row for every route of the app, and no row for a route that is gone", async () => {
    const doc = (await t.anonymous().get("/api/openapi.json")).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = apiRoutes(t.app.printRoutes({ commonPrefix: false }));
    const known = new Set([...Object.keys(MATRIX), ...Object.keys(HIDDEN)].map(normalize));
    expect({
      withoutRow: documented.filter((r) => !(r in MATRIX)),
      rowWithoutRoute: Object.keys(MATRIX).filter((r) => !documented.includes(r)),
      // The parser of Fastify's tree must see every documented route, or it would prove nothing.
      unparsed: documented.map(normalize).filter((r) => !registered.includes(r)),
      undocumentedAndUnlisted: registered.filter((r) => !known.has(r)),
    }).toEqual({ withoutRow: [], rowWithoutRoute: [], unparsed: [], undocumentedAndUnlisted: [] });
  });

  for (const [route, cases] of Object.entries(MATRIX)) {
    for (const c of cases) it(`${route}${c.id ? ` (${c.id})` : ""}`, () => check(route, c));
  }

  for (const [route, cases] of Object.entries(HIDDEN)) {
    it(`${route} (hidden from the document)`, async () => {
      const registered = apiRoutes(t.app.printRoutes({ commonPrefix: false }));
      if (route.endsWith("/system/backup") && !registered.includes(normalize(route))) {
        expect(t.database.engine).toBe("postgres"); // only the embedded database has it
        return;
      }
      for (const c of cases) await check(route, c);
    });
  }

  // Last: every route above was called by every role, so this sees each one's answers.
  it("answered only with statuses the OpenAPI document declares for the route", () => {
    expect(t.undeclaredResponses()).toEqual([]);
  });
});

/** "GET /api/users/:id" etc. from Fastify's route tree, HEAD left out, trailing slashes trimmed. */
function apiRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes = new Set<string>();
  for (const line of tree.split("\n")) {
    const match = /^([│├└─\s]*)(\S+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = Math.floor((match[1] ?? "").length / 4);
    stack.length = depth;
    stack.push(match[2] as string);
    const path = stack.join("");
    if (!path.startsWith("/api/")) continue;
    for (const method of (match[3] ?? "").split(",").map((m) => m.trim())) {
      if (method && method !== "HEAD") routes.add(normalize(`${method} ${path}`));
    }
  }
  return [...routes].sort();
}

function normalize(route: string): string {
  return route.replace(/\{(\w+)\}/g, ":$1").replace(/(.)\/$/, "$1");
}

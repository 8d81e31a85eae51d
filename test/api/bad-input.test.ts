/**
 * Hostile text at every text field of the public and applicant routes: arbitrary Unicode (lone
 * surrogates and noncharacters included), control characters, bidi overrides, very long strings,
 * broken percent-encodings and multipart names. Every answer must be 2xx or 400 (never a 500); a
 * 400 must have changed nothing; and text with a refused character must never be accepted.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client";
import { SAFE_LINES } from "../../src/schemas/common";
import { FACTORY_PASSWORD } from "../factories";
import { type Client, startTestApp, type TestApp } from "../support/app";
import { multipartBody, openCall, otherMember, PDF } from "./recruitment/applications-support";
import { codeFor, freshAddress, freshMobile, RecordingSms } from "./recruitment/registration-support";

/** Runs per field; BAD_INPUT_RUNS=200 for a long hunt. Small by default: argon2 and PGlite share two cores. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 8);

/** Any code point, lone surrogates included, weighted towards the ranges the text rule is about. */
const codePoint = fc
  .oneof(
    fc.integer({ min: 0, max: 0x10ffff }),
    fc.integer({ min: 0, max: 0xa0 }),
    fc.integer({ min: 0x2000, max: 0x206f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.integer({ min: 0xfdd0, max: 0xffff }),
  )
  .map((cp) => String.fromCodePoint(cp));
const hostile = fc.oneof(
  fc.string({ unit: codePoint, maxLength: 24 }),
  fc
    .string({
      unit: fc.constantFrom(
        "\u0000",
        "\ud800",
        "\udc00",
        "\u202e",
        "\u2066",
        "\ufffe",
        "\u0085",
        "\u001b",
        "\u007f",
      ),
      maxLength: 4,
    })
    .map((s) => `名称${s}abc`),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.constantFrom("x".repeat(20_000), "中".repeat(5_001), "", "   ", "NaN", "-1", "0000-01-01", "2023-02-30"),
);
/** Raw query values, including percent-encodings that decode to nothing valid. */
const hostileQuery = fc.oneof(
  hostile.map((s) => [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
  fc.constantFrom("%", "%zz", "%C0%80", "%FF", "%00", "%ED%A0%80", "1e20", "-0", "Infinity", "9".repeat(400)),
);

let t: TestApp;
const sms = new RecordingSms();
let member: Client;
let organizationId: string;
let applicationId: string;

/** What a refused request must leave as it was. */
async function state() {
  const result = await t.db.execute(sql`
    select (select count(*) from audit_log) as audit, (select count(*) from users) as users,
      (select count(*) from organizations) as organizations, (select count(*) from files) as files,
      (select count(*) from application_messages) as messages,
      (select count(*) from application_documents) as documents,
      (select version from applications where id = ${applicationId}) as application,
      (select version from organizations where id = ${organizationId}) as organization`);
  return rowsOf<Record<string, unknown>>(result)[0];
}

async function version(url: string): Promise<number> {
  return (await member.get(url)).json().version as number;
}

/** One field of one route: sends `value` in that field, everything else valid. */
interface Target {
  name: string;
  send(value: string): Promise<LightMyRequestResponse>;
  /** Besides 2xx and 400 (a stale version by design, a wrong password). */
  also?: number[];
  /** Text that must be refused when it holds a refused character (not an opaque query value). */
  text?: boolean;
  /** What the server receives: a multipart body is UTF-8 bytes, where a lone surrogate becomes U+FFFD. */
  wire?: (value: string) => string;
}

function bodyTargets(): Target[] {
  const targets: Target[] = [];
  const field = (name: string, send: Target["send"], also?: number[], wire?: Target["wire"]) =>
    targets.push({ name, send, text: true, also, wire });
  const utf8 = (v: string) => Buffer.from(v, "utf8").toString("utf8");
  field("registration code: mobile", (v) => anonymous("POST", "/api/registration/codes", { mobile: v }));
  for (const key of [
    "mobile",
    "code",
    "password",
    "displayName",
    "email",
    "name",
    "foundedOn",
    "contactName",
  ]) {
    field(`register: ${key}`, async (v) => {
      const mobile = freshMobile();
      const body: Record<string, unknown> = {
        mobile,
        code: await codeFor(t, sms, mobile),
        password: "Applicant-2026",
        displayName: "申请人",
        email: "",
        organization: { mode: "new", name: `坏输入测试社${mobile}`, registrationStatus: "unregistered" },
      };
      if (["name", "foundedOn", "contactName"].includes(key))
        (body.organization as Record<string, unknown>)[key] = v;
      else body[key] = v;
      return anonymous("POST", "/api/registration", body);
    });
  }
  for (const key of ["intro", "essay", "count", "day", "one", "many"]) {
    field(`answer: ${key}`, async (v) =>
      member.patch(`/api/applications/${applicationId}`, {
        version: await version(`/api/applications/${applicationId}`),
        answers: { [key]: key === "many" ? [v] : v },
      }),
    );
  }
  field("answer key", async (v) =>
    member.patch(`/api/applications/${applicationId}`, {
      version: await version(`/api/applications/${applicationId}`),
      answers: { [v]: "x" },
    }),
  );
  field("track", async (v) =>
    member.patch(`/api/applications/${applicationId}`, {
      version: await version(`/api/applications/${applicationId}`),
      track: v,
    }),
  );
  // A stale version: valid input gets 409, so the draft is never withdrawn under the test.
  field(
    "withdraw reason",
    async (v) => member.post(`/api/applications/${applicationId}/withdraw`, { version: 1e6, reason: v }),
    [409],
  );
  field("submit version", async (v) =>
    member.post(`/api/applications/${applicationId}/submit`, { version: v }),
  );
  field("message", async (v) => member.post(`/api/applications/${applicationId}/messages`, { body: v }));
  const orgFields = [
    "name",
    "address",
    "leaderName",
    "contactName",
    "description",
    "creditCode",
    "foundedOn",
    "contactPhone",
  ];
  for (const key of orgFields) {
    field(`organization: ${key}`, async (v) => {
      const form = (await member.get(`/api/organizations/${organizationId}`)).json();
      return member.patch(`/api/organizations/${organizationId}`, { ...form, [key]: v });
    });
  }
  // A wrong current password is a 400 too; the new one is always refused by the policy or the rule.
  field("password: current", (v) =>
    member.post("/api/auth/password", { currentPassword: v, newPassword: "short" }),
  );
  field("password: new", (v) =>
    member.post("/api/auth/password", { currentPassword: `${FACTORY_PASSWORD}-wrong`, newPassword: v }),
  );
  field("sign-in", (v) => anonymous("POST", "/api/auth/login", { username: v, password: v }), [401]);
  // Expert links (public): only a well-formed token reaches the lookup (404 for an unknown one).
  field(
    "expert invitation: token",
    (v) => anonymous("POST", "/api/expert-join", { token: v, password: "Expert-pass-2026" }),
    [404],
  );
  field("sign-in link: token", (v) => anonymous("POST", "/api/sign-in-links/redeem", { token: v }), [404]);
  field("upload: file name", (v) => upload({ requirementKey: "certificate" }, v), [], utf8);
  field("upload: requirement key", (v) => upload({ requirementKey: v }, "plan.pdf"), [], utf8);
  field("attachment: application id", (v) => upload({ applicationId: v }, "a.pdf", "/api/files"), [], utf8);
  return targets;
}

function queryTargets(): Target[] {
  return [
    // A path parameter over the router's length limit is 414 URI Too Long, from Fastify itself.
    { name: "portal call id", send: (v) => anonymous("GET", `/api/portal/calls/${v}`), also: [404, 414] },
    {
      name: "expert invitation token",
      send: (v) => anonymous("GET", `/api/expert-join?token=${v}`),
      also: [404],
    },
    { name: "notifications page", send: (v) => member.get(`/api/notifications?page=${v}&unread=${v}`) },
    {
      name: "compare numbers",
      send: (v) => member.get(`/api/applications/${applicationId}/compare?from=${v}&to=1`),
      also: [404],
    },
    {
      name: "organization list filter",
      send: (v) => member.get(`/api/organizations?q=${v}&sort=${v}`),
      also: [],
    },
  ];
}

function anonymous(method: "GET" | "POST", url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    payload: payload as object,
    remoteAddress: freshAddress(),
    headers: { "accept-language": "zh-CN" },
  });
}

function upload(
  fields: Record<string, string>,
  filename: string,
  url = `/api/applications/${applicationId}/documents`,
) {
  const { payload, headers } = multipartBody(fields, { content: PDF, filename });
  return member.request({ method: "POST", url, payload, headers });
}

beforeAll(async () => {
  t = await startTestApp({
    dataDir: mkdtempSync(path.join(tmpdir(), "hatchery-bad-input-")),
    smsProvider: sms,
  });
  const base = { required: false, options: [], help: null, tracks: null };
  const call = await openCall(t, {
    questions: [
      { ...base, key: "intro", label: "简介", type: "text" },
      { ...base, key: "essay", label: "申请动机", type: "long_text" },
      { ...base, key: "count", label: "人数", type: "number", min: 0, max: 1000, integer: true },
      { ...base, key: "day", label: "日期", type: "date" },
      { ...base, key: "one", label: "单选", type: "single_choice", options: ["甲", "乙"] },
      { ...base, key: "many", label: "多选", type: "multiple_choice", options: ["甲", "乙"] },
    ],
  });
  ({ client: member, organizationId } = await otherMember(t));
  const created = await member.post("/api/applications", { callId: call.id, track: "org" });
  expect(created.statusCode).toBe(201);
  applicationId = created.json().id;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

async function check(target: Target, value: string) {
  const before = await state();
  const res = await target.send(value);
  const allowed = [400, ...(target.also ?? [])];
  const ok = res.statusCode >= 200 && res.statusCode < 300;
  expect(
    ok || allowed.includes(res.statusCode),
    `${target.name} ${JSON.stringify(value.slice(0, 60))}: ${res.statusCode} ${res.body.slice(0, 300)}`,
  ).toBe(true);
  if (res.statusCode === 400)
    expect(await state(), `${target.name}: a 400 changed something`).toEqual(before);
  if (ok && target.text) {
    const received = target.wire ? target.wire(value) : value;
    expect(
      SAFE_LINES.test(received.trim()),
      `${target.name} accepted ${JSON.stringify(value.slice(0, 60))}`,
    ).toBe(true);
  }
}

describe("hostile input at the public and applicant routes", () => {
  it("answers every text field with 2xx or 400, and a 400 changes nothing", async () => {
    const targets = bodyTargets();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), hostile, (target, value) => check(target, value)),
      { numRuns: RUNS * targets.length },
    );
  }, 120_000);

  it("answers hostile query strings and path parameters with 2xx, 400 or 404", async () => {
    const targets = queryTargets();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), hostileQuery, (target, value) => check(target, value)),
      { numRuns: RUNS * targets.length },
    );
  }, 60_000);

  it("holds number answers to the call's range, integer rule and the safe range", async () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -2000, max: 2000 }),
      fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.5, 1000, 1001),
    );
    await fc.assert(
      fc.asyncProperty(numbers, async (n) => {
        // Written as JSON text: 1e400 is valid JSON that parses to Infinity on the server.
        const literal = Number.isFinite(n) ? String(n) : n > 0 ? "1e400" : "-1e400";
        const v = await version(`/api/applications/${applicationId}`);
        const res = await member.request({
          method: "PATCH",
          url: `/api/applications/${applicationId}`,
          payload: `{"version":${v},"answers":{"count":${literal}}}`,
          headers: { "content-type": "application/json" },
        });
        const valid = Number.isInteger(n) && n >= 0 && n <= 1000;
        expect(res.statusCode, `${n}: ${res.body.slice(0, 200)}`).toBe(valid ? 200 : 400);
      }),
      { numRuns: RUNS * 5 },
    );
  }, 60_000);
});

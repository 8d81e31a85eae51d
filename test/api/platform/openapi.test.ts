/**
 * The OpenAPI document is the contract a client trusts: these are the properties of it that
 * matter, checked on every `npm test` (`npm run lint:api` holds it to Redocly's rules besides),
 * and a few answers that prove what it declares is what the server does.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../support/app";

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const BODY_LIMIT = 4096;
let t: TestApp;
let doc: Document;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp({ bodyLimitBytes: BODY_LIMIT });
  doc = (await t.anonymous().get("/api/openapi.json")).json();
  admin = await t.signIn("admin");
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, method, op })),
  );
const unsafe = (method: string) => ["post", "put", "patch", "delete"].includes(method);
const statuses = (op: Operation) => Object.keys(op.responses);

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a server, and documents the whole API", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(operations().length).toBeGreaterThan(60);
  });

  it("has no path with a trailing slash", () => {
    expect(Object.keys(doc.paths).filter((p) => p.endsWith("/"))).toEqual([]);
  });

  it("gives every operation a unique operationId, a summary and declared tags", () => {
    const declared = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description]));
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const problems = operations().flatMap(({ route, op }) => [
      ...(op.operationId ? [] : [`${route}: no operationId`]),
      ...(op.summary ? [] : [`${route}: no summary`]),
      ...(op.tags?.length ? [] : [`${route}: no tag`]),
      ...(op.tags ?? []).filter((tag) => !declared.get(tag)).map((tag) => `${route}: tag ${tag} undeclared`),
    ]);
    expect(problems).toEqual([]);
  });

  it("declares the errors every operation can answer, each as the one ErrorResponse", () => {
    expect(doc.components?.schemas).toHaveProperty("ErrorResponse");
    const problems = operations().flatMap(({ route, method, op }) => {
      const has = statuses(op);
      const needed = [
        "default",
        ...(op.security?.length === 0 ? [] : ["401"]),
        ...(unsafe(method) ? ["400", "403", "413"] : []),
        ...(op.parameters?.length || op.requestBody ? ["400"] : []),
      ];
      const missing = needed.filter((s) => !has.includes(s)).map((s) => `${route}: no ${s}`);
      const notError = has
        .filter((s) => s === "default" || Number(s) >= 400)
        .filter(
          (s) =>
            op.responses[s]?.content?.["application/json"]?.schema?.$ref !==
            "#/components/schemas/ErrorResponse",
        )
        .map((s) => `${route}: ${s} is not an ErrorResponse`);
      return [...missing, ...notError];
    });
    expect(problems).toEqual([]);
  });

  it("declares the limits where they apply: uploads, sign-in, phone codes", () => {
    const op = (route: string) => {
      const [method, path] = route.split(" ") as [string, string];
      return statuses(doc.paths[path]?.[method] as Operation);
    };
    expect(op("post /api/files")).toEqual(expect.arrayContaining(["413", "429"]));
    expect(op("post /api/applications/{id}/documents")).toEqual(expect.arrayContaining(["413", "429"]));
    expect(op("post /api/auth/login")).toEqual(expect.arrayContaining(["423", "429"]));
    expect(op("post /api/registration/codes")).toEqual(expect.arrayContaining(["409", "429", "503"]));
    expect(op("post /api/registration")).toEqual(expect.arrayContaining(["409", "429"]));
  });

  it("shows the multipart body of every upload, fields and file", () => {
    const form = (path: string) => {
      const body = doc.paths[path]?.post?.requestBody as {
        content: Record<string, { schema: { required: string[] } }>;
      };
      return body?.content["multipart/form-data"]?.schema.required;
    };
    expect(form("/api/files")).toEqual(["applicationId", "file"]);
    expect(form("/api/applications/{id}/documents")).toEqual(["requirementKey", "file"]);
    expect(form("/api/organizations/import")).toEqual(["file"]);
    expect(form("/api/posts/{id}/files")).toEqual(["file"]);
  });

  it("says which routes need no session", () => {
    const open = operations()
      .filter(({ op }) => op.security?.length === 0)
      .map(({ route }) => route)
      .sort();
    expect(open).toEqual([
      "GET /api/expert-join",
      "GET /api/health",
      "GET /api/portal/calls",
      "GET /api/portal/calls/{id}",
      "GET /api/portal/notices",
      "GET /api/portal/notices/{id}",
      "GET /api/portal/posts",
      "GET /api/portal/posts/{id}",
      "GET /api/portal/posts/{id}/files/{fileId}",
      "GET /api/portal/trainings",
      "GET /api/portal/trainings/{id}",
      "GET /api/registration/bases",
      "POST /api/auth/login",
      "POST /api/auth/reset",
      "POST /api/auth/reset/codes",
      "POST /api/expert-join",
      "POST /api/registration",
      "POST /api/registration/codes",
      "POST /api/registration/individual",
      "POST /api/sign-in-links/redeem",
    ]);
  });
});

describe("what it declares is what the server does", () => {
  it("answers a missing file's download with the JSON 404 it declares, not bytes", async () => {
    const download = doc.paths["/api/files/{id}"]?.get as Operation;
    expect(Object.keys(download.responses["200"]?.content ?? {})).toEqual(["application/octet-stream"]);
    const res = await admin.get(`/api/files/${randomUUID()}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ code: "not_found" });
  });

  it("still answers the old URL with a trailing slash", async () => {
    const clean = await admin.get("/api/users?pageSize=1");
    const slash = await admin.get("/api/users/?pageSize=1");
    expect(clean.statusCode).toBe(200);
    expect(slash.statusCode).toBe(200);
    expect(slash.json()).toEqual(clean.json());
  });

  it("answers a body over the limit with 413 and an unreadable one with 400, as declared", async () => {
    const big = await admin.post("/api/organizations", {
      name: "x".repeat(BODY_LIMIT),
      registrationStatus: "unregistered",
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: "payload_too_large" });
    const broken = await admin.post("/api/notifications/read-all", "{not json", {
      "content-type": "application/json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: "validation_failed" });
    expect(t.undeclaredResponses()).toEqual([]);
  });
});

/**
 * The limits that keep one applicant from hurting the others or the machine: a submitted
 * application keeps its track, the stored bytes of an application have a hard ceiling, and
 * route numbers beyond the database's integers are a 400, not a 500.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, files } from "../../../src/db/schema";
import { UPLOAD_LIMITS } from "../../../src/domain/upload";
import type { TestApp } from "../../support/app";
import {
  multipartBody,
  newCompleteDraft,
  newDraft,
  otherMember,
  PDF,
  startApplicationsApp,
  submit,
  uploadDocument,
} from "./applications-support";

let t: TestApp;
beforeAll(async () => {
  t = await startApplicationsApp();
});
afterAll(() => t.close());

describe("a returned application", () => {
  it("keeps the track it was submitted to (the track's cap counted it there)", async () => {
    const { client, draft } = await newCompleteDraft(t);
    expect((await submit(client, draft.id, draft.version)).statusCode).toBe(200);
    await t.db.update(applications).set({ status: "returned" }).where(eq(applications.id, draft.id));
    const version = (await client.get(`/api/applications/${draft.id}`)).json().version;
    const moved = await client.patch(`/api/applications/${draft.id}`, { version, track: "project" });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({
      field: "track",
      message: expect.stringContaining("不能更换孵化方向"),
    });
    const [row] = await t.db.select().from(applications).where(eq(applications.id, draft.id));
    expect(row?.track).toBe("org");
  });

  it("may still change track while it is a first draft", async () => {
    const { client, draft } = await newDraft(t);
    const moved = await client.patch(`/api/applications/${draft.id}`, {
      version: draft.version,
      track: "space",
    });
    expect(moved.statusCode, moved.body).toBe(200);
  });
});

describe("stored files", () => {
  it("refuse an upload once everything stored for the application reaches the ceiling", async () => {
    const { client, draft } = await newDraft(t);
    // As if the applicant had uploaded and removed in a loop (documents and attachments count
    // together): the rows stay, so do the bytes.
    const [base] = await t.db
      .select({ baseId: applications.baseId })
      .from(applications)
      .where(eq(applications.id, draft.id));
    await t.db.insert(files).values(
      Array.from({ length: UPLOAD_LIMITS.storedFilesPerApplication }, (_, i) => ({
        baseId: base?.baseId as string,
        ownerType: (i % 2 ? "application_thread" : "application_document") as "application_thread",
        ownerId: draft.id,
        sha256: "0".repeat(63) + (i % 10),
        size: 1000,
        mime: "application/pdf",
        originalName: `old-${i}.pdf`,
      })),
    );
    const refused = await uploadDocument(client, draft.id, "plan", PDF, "plan.pdf");
    expect(refused.statusCode).toBe(413);
    expect(refused.json().code).toBe("application_files_full");
    const stored = await t.db.select().from(files).where(eq(files.ownerId, draft.id));
    expect(stored).toHaveLength(UPLOAD_LIMITS.storedFilesPerApplication);
  });
});

describe("uploads refused before their bytes are read", () => {
  // Over the per-file limit: read first, it would be refused as too large (413) instead.
  const oversized = Buffer.concat([PDF, Buffer.alloc(UPLOAD_LIMITS.fileBytes + 1024)]);

  it("a document for a submitted application is 409 without reading the file", async () => {
    const { client, draft } = await newCompleteDraft(t);
    expect((await submit(client, draft.id, draft.version)).statusCode).toBe(200);
    const refused = await uploadDocument(client, draft.id, "plan", oversized, "plan.pdf");
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "illegal_transition",
      details: { currentStatus: "submitted" },
    });
  });

  it("an attachment for another organization's application is 404 without reading the file", async () => {
    const { draft } = await newDraft(t);
    const { client: stranger } = await otherMember(t);
    const { payload, headers } = multipartBody(
      { applicationId: draft.id },
      { content: oversized, filename: "x.pdf", contentType: "application/pdf" },
    );
    const refused = await stranger.request({ method: "POST", url: "/api/files", payload, headers });
    expect(refused.statusCode, refused.body).toBe(404);
    const stored = await t.db.select().from(files).where(eq(files.ownerId, draft.id));
    expect(stored).toHaveLength(0);
  });
});

describe("route numbers", () => {
  it("answer 400 for a submission number beyond the database's integers", async () => {
    const { client, draft } = await newDraft(t);
    const big = await client.get(`/api/applications/${draft.id}/submissions/99999999999`);
    expect(big.statusCode).toBe(400);
    const compare = await client.get(`/api/applications/${draft.id}/compare?from=1&to=99999999999`);
    expect(compare.statusCode).toBe(400);
  });
});

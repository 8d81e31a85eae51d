/**
 * Files belong to a record (owner kind + id): each kind's read and attach rules, other bases and
 * other organizations told 404, the inline view, and every demo file downloadable by those who
 * may read its owner.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, bases, files, grants } from "../../../src/db/schema";
import { allDemoDocumentBlobs } from "../../../src/db/seed/application-documents";
import { demoReceiptBlob } from "../../../src/db/seed/funding-grant-writer";
import { localFileStorage } from "../../../src/server/storage";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import {
  memberOrganizationId,
  multipartBody,
  openCall,
  otherMember,
  PDF,
  PNG,
  startApplicationsApp,
  uploadDocument,
} from "../recruitment/applications-support";

let t: TestApp;
let owner: Client;
let stranger: Client;
let staff: Client;
let foreignStaff: Client;
let applicationId: string;

beforeAll(async () => {
  t = await startApplicationsApp();
  const call = await openCall(t);
  owner = (await otherMember(t)).client;
  stranger = (await otherMember(t)).client;
  staff = await t.signIn("staff");
  const [other] = await t.db
    .insert(bases)
    .values({ code: "elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const foreign = await make({ db: t.db, baseId: other?.id as string }).user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
  applicationId = (await owner.post("/api/applications", { callId: call.id, track: "org" })).json().id;
});
afterAll(() => t.close());

function attach(client: Client, forApplication: string, content: Buffer, filename: string) {
  const body = multipartBody({ applicationId: forApplication }, { content, filename });
  return client.request({ method: "POST", url: "/api/files", ...body });
}

async function ownerOf(fileId: string) {
  const [row] = await t.db.select().from(files).where(eq(files.id, fileId));
  return row && { ownerType: row.ownerType, ownerId: row.ownerId };
}

describe("an application's document", () => {
  it("is owned by the application; its organization and the base's staff read it, nobody else", async () => {
    const up = await uploadDocument(owner, applicationId, "plan", PDF, "计划书.pdf");
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().file.id as string;
    expect(await ownerOf(fileId)).toEqual({ ownerType: "application_document", ownerId: applicationId });
    expect((await owner.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await stranger.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await foreignStaff.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    // An expert reads an application's files only through an assignment (stage 3): none here.
    expect((await (await t.signIn("expert")).get(`/api/files/${fileId}`)).statusCode).toBe(404);
  });

  it("is attached only by the organization's member (staff check, they do not apply)", async () => {
    expect((await uploadDocument(staff, applicationId, "plan", PDF, "x.pdf")).statusCode).toBe(403);
    expect((await uploadDocument(stranger, applicationId, "plan", PDF, "x.pdf")).statusCode).toBe(404);
    expect((await uploadDocument(foreignStaff, applicationId, "plan", PDF, "x.pdf")).statusCode).toBe(403);
  });
});

describe("a message attachment", () => {
  it("is owned by the application's thread; both sides attach, other organizations and bases get 404", async () => {
    const mine = await attach(owner, applicationId, PNG, "截图.png");
    expect(mine.statusCode, mine.body).toBe(201);
    expect(await ownerOf(mine.json().id)).toEqual({
      ownerType: "application_thread",
      ownerId: applicationId,
    });
    const theirs = await attach(staff, applicationId, PDF, "说明.pdf");
    expect(theirs.statusCode, theirs.body).toBe(201);
    for (const id of [mine.json().id, theirs.json().id]) {
      expect((await owner.get(`/api/files/${id}`)).statusCode).toBe(200);
      expect((await staff.get(`/api/files/${id}`)).statusCode).toBe(200);
      expect((await stranger.get(`/api/files/${id}`)).statusCode).toBe(404);
      expect((await foreignStaff.get(`/api/files/${id}`)).statusCode).toBe(404);
    }
    expect((await attach(stranger, applicationId, PDF, "x.pdf")).statusCode).toBe(404);
    expect((await attach(foreignStaff, applicationId, PDF, "x.pdf")).statusCode).toBe(404);
  });

  it("a message carries only its own thread's files: a document of the same application is refused", async () => {
    const doc = (await uploadDocument(owner, applicationId, "certificate", PDF, "证书.pdf")).json();
    const sent = await owner.post(`/api/applications/${applicationId}/messages`, {
      body: "证书见附件",
      fileIds: [doc.file.id],
    });
    expect(sent.statusCode, sent.body).toBe(400);
    expect(sent.json()).toMatchObject({ field: "fileIds.0" });
  });
});

describe("the inline view", () => {
  it("shows a PDF or an image inline, sandboxed and unsniffed; other types stay downloads", async () => {
    const pdf = (await uploadDocument(owner, applicationId, "plan", PDF, "计划书.pdf")).json().file.id;
    const inline = await staff.get(`/api/files/${pdf}?inline=1`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers["content-disposition"]).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent("计划书.pdf")}`,
    );
    expect(inline.headers["content-type"]).toBe("application/pdf");
    expect(inline.headers["x-content-type-options"]).toBe("nosniff");
    expect(inline.headers["content-security-policy"]).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'self'",
    );
    const png = (await attach(owner, applicationId, PNG, "图.png")).json().id;
    expect((await owner.get(`/api/files/${png}?inline=1`)).headers["content-disposition"]).toMatch(
      /^inline;/,
    );

    const { compoundFile } = await import("../../support/cfb");
    const word = (
      await uploadDocument(owner, applicationId, "plan", compoundFile(["WordDocument"]), "旧版.doc")
    ).json().file.id;
    const download = await staff.get(`/api/files/${word}?inline=1`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers["content-security-policy"]).not.toContain("sandbox");
  });

  it("checks access the same way and names a bad flag", async () => {
    const pdf = (await uploadDocument(owner, applicationId, "plan", PDF, "a.pdf")).json().file.id;
    expect((await stranger.get(`/api/files/${pdf}?inline=1`)).statusCode).toBe(404);
    expect((await foreignStaff.get(`/api/files/${pdf}?inline=1`)).statusCode).toBe(404);
    const bad = await staff.get(`/api/files/${pdf}?inline=yes`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("inline");
  });

  it("is framed by the app: the page's policy allows this site's frames and no plugins", async () => {
    const page = await t.anonymous().get("/api/health");
    const csp = page.headers["content-security-policy"] as string;
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe("the demo data's files", () => {
  it("every one has an owner and downloads for the base's staff; the member's own for the member only", async () => {
    const storage = localFileStorage(t.config.dataDir);
    for (const blob of [...allDemoDocumentBlobs(), demoReceiptBlob()]) await storage.putBytes(blob.bytes);
    const demo = await t.db
      .select({ id: files.id, ownerType: files.ownerType, organizationId: applications.organizationId })
      .from(files)
      .innerJoin(applications, eq(applications.id, files.ownerId))
      .where(eq(files.baseId, t.baseId));
    const all = await t.db.select({ id: files.id }).from(files);
    expect(demo.length).toBeGreaterThan(20);
    const memberOrg = await memberOrganizationId(t);
    const member = await t.signIn("member");
    const own = demo.filter((f) => f.organizationId === memberOrg);
    expect(own.length).toBeGreaterThan(0);
    for (const file of demo) {
      const res = await staff.get(`/api/files/${file.id}`);
      expect(res.statusCode, file.id).toBe(200);
      expect(res.rawPayload.length).toBeGreaterThan(0);
    }
    for (const file of demo.slice(0, 40)) {
      const expected = file.organizationId === memberOrg ? 200 : 404;
      expect((await member.get(`/api/files/${file.id}`)).statusCode).toBe(expected);
    }
    for (const file of own) expect((await member.get(`/api/files/${file.id}`)).statusCode).toBe(200);
    // The spending items' receipts: the grant's, read as the grant is.
    const receipts = await t.db
      .select({ id: files.id, organizationId: grants.organizationId })
      .from(files)
      .innerJoin(grants, eq(grants.id, files.ownerId))
      .where(and(eq(files.baseId, t.baseId), eq(files.ownerType, "grant_receipt")));
    expect(receipts.length).toBeGreaterThan(0);
    for (const file of receipts) {
      expect((await staff.get(`/api/files/${file.id}`)).statusCode, file.id).toBe(200);
      const expected = file.organizationId === memberOrg ? 200 : 404;
      expect((await member.get(`/api/files/${file.id}`)).statusCode, file.id).toBe(expected);
    }
    expect(receipts.some((f) => f.organizationId === memberOrg)).toBe(true);
    // Every file row found its owner (none lost to the joins).
    expect(all.length).toBe(demo.length + receipts.length);
  });
});

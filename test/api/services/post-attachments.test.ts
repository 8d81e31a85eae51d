/**
 * A post's attachments: staff upload to a post they may edit and its save names them; a reader
 * downloads what the post carries as it reads the post; the portal's anonymous reader only an
 * attachment of a published public post. A members-only, targeted, withdrawn post's file, or a
 * file uploaded and left out, is 404 to whoever may not see it; bad file ids are a 400.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bases, posts } from "../../../src/db/schema";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { startTestApp } from "../../support/app";
import { incubationOf } from "../incubation/plan-support";
import { multipartBody, PDF, PNG } from "../recruitment/applications-support";
import { memberOrganizationId } from "../recruitment/intake-support";

let t: TestApp;
let staff: Client;
let member: Client;
let otherMember: Client;
let anonymous: Client;
let foreignStaff: Client;
let cohortId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  member = await t.signIn("member");
  anonymous = t.anonymous();
  cohortId = (await incubationOf(t, await memberOrganizationId(t))).cohortId;
  const other = await make(t).organization();
  const stranger = await make(t).user({ roles: ["org_member"], organizationId: other.id });
  otherMember = await t.signIn(stranger.username, FACTORY_PASSWORD);
  const [elsewhere] = await t.db
    .insert(bases)
    .values({ code: "post-files-elsewhere", name: "另一基地", district: "别处" })
    .returning();
  const foreign = await make({ db: t.db, baseId: elsewhere?.id as string }).user({ roles: ["staff"] });
  foreignStaff = await t.signIn(foreign.username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

interface Post {
  id: string;
  version: number;
  attachments: { id: string; originalName: string }[];
}

function body(values: Record<string, unknown> = {}) {
  return {
    kind: "funding",
    visibility: "public",
    title: "2026年社区公益创投项目申报指南",
    summary: "申报书模板见附件",
    bodyHtml: "<p>请下载附件中的申报书模板，按要求填写。</p>",
    ...values,
  };
}

async function draft(values: Record<string, unknown> = {}): Promise<Post> {
  const res = await staff.post("/api/posts", body(values));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function upload(client: Client, postId: string, content: Buffer, filename: string) {
  const { payload, headers } = multipartBody({}, { content, filename });
  return client.request({ method: "POST", url: `/api/posts/${postId}/files`, payload, headers });
}

async function uploaded(postId: string, content = PDF, filename = "申报书模板.pdf"): Promise<string> {
  const res = await upload(staff, postId, content, filename);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function save(post: Post, fileIds: string[], values: Record<string, unknown> = {}) {
  return staff.put(`/api/posts/${post.id}`, { ...body(values), fileIds, version: post.version });
}

/** A post with `fileIds` attached, published now. */
async function publishedWith(values: Record<string, unknown>, count = 1) {
  const post = await draft(values);
  const fileIds: string[] = [];
  for (let i = 0; i < count; i++) fileIds.push(await uploaded(post.id));
  const saved = await save(post, fileIds, values);
  expect(saved.statusCode, saved.body).toBe(200);
  const live = await staff.post(`/api/posts/${post.id}/publish`, { version: saved.json().version });
  expect(live.statusCode, live.body).toBe(200);
  return { post: live.json() as Post, fileIds };
}

const portalFile = (postId: string, fileId: string) => `/api/portal/posts/${postId}/files/${fileId}`;

describe("attaching", () => {
  it("lets staff upload to a post of their base; anyone else is refused", async () => {
    const post = await draft();
    expect((await upload(member, post.id, PDF, "a.pdf")).statusCode).toBe(403);
    expect((await upload(anonymous, post.id, PDF, "a.pdf")).statusCode).toBe(401);
    expect((await upload(foreignStaff, post.id, PDF, "a.pdf")).statusCode).toBe(404);
    const res = await upload(staff, post.id, PNG, "海报.png");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ originalName: "海报.png", mime: "image/png" });
  });

  it("keeps the files the save names, in its order; another post's file is a 400 and nothing changes", async () => {
    const post = await draft();
    const first = await uploaded(post.id, PDF, "一.pdf");
    const second = await uploaded(post.id, PNG, "二.png");
    const elsewhere = await uploaded((await draft()).id);
    const refused = await save(post, [first, elsewhere]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe("fileIds");
    const [row] = await t.db.select().from(posts).where(eq(posts.id, post.id));
    expect(row).toMatchObject({ version: post.version, fileIds: [] });
    expect((await save(post, [first, first])).json().field).toBe("fileIds");
    // A new post has no files yet: naming any is refused.
    const early = await staff.post("/api/posts", { ...body(), fileIds: [first] });
    expect(early.statusCode).toBe(400);
    expect(early.json().field).toBe("fileIds");
    const ok = await save(post, [second, first]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().attachments.map((a: { originalName: string }) => a.originalName)).toEqual([
      "二.png",
      "一.pdf",
    ]);
  });
});

describe("downloading", () => {
  it("gives a public post's attachments to anyone on the portal, and to readers signed in", async () => {
    const { post, fileIds } = await publishedWith({ visibility: "public" });
    const [fileId] = fileIds as [string];
    const read = await anonymous.get(`/api/portal/posts/${post.id}`);
    expect(read.json().attachments).toEqual([
      { id: fileId, originalName: "申报书模板.pdf", size: PDF.length, mime: "application/pdf" },
    ]);
    const file = await anonymous.get(portalFile(post.id, fileId));
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers["content-disposition"]).toContain("attachment");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect((await member.get(`/api/post-feed/${post.id}`)).json().attachments).toHaveLength(1);
    expect((await member.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    // A file id of another post through this post's route: absent.
    const other = await publishedWith({ visibility: "public" });
    expect((await anonymous.get(portalFile(post.id, other.fileIds[0] as string))).statusCode).toBe(404);
  });

  it("keeps a members-only or targeted post's files from the portal and from others", async () => {
    const members = await publishedWith({ visibility: "members" });
    const membersFile = members.fileIds[0] as string;
    expect((await anonymous.get(portalFile(members.post.id, membersFile))).statusCode).toBe(404);
    expect((await member.get(`/api/files/${membersFile}`)).statusCode).toBe(200);

    const targeted = await publishedWith({ visibility: "members", targeting: { cohortIds: [cohortId] } });
    const targetedFile = targeted.fileIds[0] as string;
    expect((await anonymous.get(portalFile(targeted.post.id, targetedFile))).statusCode).toBe(404);
    expect((await otherMember.get(`/api/files/${targetedFile}`)).statusCode).toBe(404);
    expect((await member.get(`/api/files/${targetedFile}`)).statusCode).toBe(200);
  });

  it("hides a file left out of the post, and a withdrawn post's, from all but staff", async () => {
    const { post, fileIds } = await publishedWith({ visibility: "public" }, 2);
    const [kept, dropped] = fileIds as [string, string];
    const saved = await save(post, [kept]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await anonymous.get(portalFile(post.id, dropped))).statusCode).toBe(404);
    expect((await member.get(`/api/files/${dropped}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/files/${dropped}`)).statusCode).toBe(200);

    const withdrawn = await staff.post(`/api/posts/${post.id}/withdraw`, {
      version: saved.json().version,
      reason: "内容需更新",
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await anonymous.get(portalFile(post.id, kept))).statusCode).toBe(404);
    expect((await member.get(`/api/files/${kept}`)).statusCode).toBe(404);
  });

  it("answers a bad id with 400, and every status it answers is declared", async () => {
    expect((await anonymous.get("/api/portal/posts/x/files/y")).statusCode).toBe(400);
    expect(t.undeclaredResponses()).toEqual([]);
  });
});

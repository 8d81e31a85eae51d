/**
 * The records the role × route matrix needs for posts (资讯): a draft, a public post, and two
 * targeted posts, one reaching the member's organization and one reaching another organization
 * only (the member gets 404 for it); the public one and the member's carry an attachment each.
 */
import { eq } from "drizzle-orm";
import { postRecipients, posts } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";
import { multipartBody, PDF } from "../recruitment/applications-support";

export interface PostIds {
  postDraft: string;
  postPublic: string;
  postForOwn: string;
  postForOther: string;
  postPublicFile: string;
  postForOwnFile: string;
}

export async function postFixtures(t: TestApp, ownOrg: string, otherOrg: string): Promise<PostIds> {
  const base = {
    baseId: t.baseId,
    kind: "notice" as const,
    bodyHtml: "<p>矩阵测试正文</p>",
    bodyText: "矩阵测试正文",
  };
  const publishedAt = new Date(Date.now() - 60_000);
  const rows = await t.db
    .insert(posts)
    .values([
      { ...base, title: "矩阵测试草稿" },
      { ...base, title: "矩阵测试公开资讯", status: "published", visibility: "public", publishedAt },
      {
        ...base,
        title: "矩阵测试定向本组织",
        status: "published",
        targetResidencies: ["resident"],
        publishedAt,
      },
      {
        ...base,
        title: "矩阵测试定向他组织",
        status: "published",
        targetResidencies: ["virtual"],
        publishedAt,
      },
    ])
    .returning({ id: posts.id });
  const [draft, open, own, other] = rows.map((r) => r.id) as [string, string, string, string];
  await t.db.insert(postRecipients).values([
    { postId: own, organizationId: ownOrg, baseId: t.baseId },
    { postId: other, organizationId: otherOrg, baseId: t.baseId },
  ]);
  const staff = await t.signIn("staff");
  const attach = async (postId: string) => {
    const { payload, headers } = multipartBody({}, { content: PDF, filename: "矩阵测试附件.pdf" });
    const res = await staff.request({ method: "POST", url: `/api/posts/${postId}/files`, payload, headers });
    if (res.statusCode !== 201) throw new Error(`post file: ${res.statusCode} ${res.body}`);
    const fileId = res.json().id as string;
    await t.db
      .update(posts)
      .set({ fileIds: [fileId] })
      .where(eq(posts.id, postId));
    return fileId;
  };
  return {
    postDraft: draft,
    postPublic: open,
    postForOwn: own,
    postForOther: other,
    postPublicFile: await attach(open),
    postForOwnFile: await attach(own),
  };
}

/** A valid post to write (the matrix's POST and PUT rows). */
export const postBody = (version?: number) => ({
  kind: "notice",
  visibility: "members",
  title: "矩阵测试资讯",
  bodyHtml: "<p>矩阵测试</p>",
  ...(version === undefined ? {} : { version }),
});

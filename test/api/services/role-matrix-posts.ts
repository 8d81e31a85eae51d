/**
 * The records the role × route matrix needs for posts (资讯): a draft, a public post, and two
 * targeted posts, one reaching the member's organization and one reaching another organization
 * only (the member gets 404 for it).
 */
import { postRecipients, posts } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";

export interface PostIds {
  postDraft: string;
  postPublic: string;
  postForOwn: string;
  postForOther: string;
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
  return { postDraft: draft, postPublic: open, postForOwn: own, postForOther: other };
}

/** A valid post to write (the matrix's POST and PUT rows). */
export const postBody = (version?: number) => ({
  kind: "notice",
  visibility: "members",
  title: "矩阵测试资讯",
  bodyHtml: "<p>矩阵测试</p>",
  ...(version === undefined ? {} : { version }),
});

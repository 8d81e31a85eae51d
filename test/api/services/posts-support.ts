/** Posts made directly in the database for the list tests (N+1): many rows, few statements. */
import { postReads, postRecipients, posts } from "../../../src/db/schema";
import { make } from "../../factories";
import type { TestApp } from "../../support/app";

type PostValues = Partial<typeof posts.$inferInsert>;

/** `n` published posts (public unless told), each a minute older than the last. */
export async function growPosts(t: TestApp, n: number, values: PostValues = {}): Promise<string[]> {
  const now = Date.now();
  const rows = await t.db
    .insert(posts)
    .values(
      Array.from({ length: n }, (_, i) => ({
        baseId: t.baseId,
        kind: "policy" as const,
        status: "published" as const,
        visibility: "public" as const,
        title: `N+1 测试资讯${i}`,
        bodyHtml: "<p>测试正文</p>",
        bodyText: "测试正文",
        publishedAt: new Date(now - (i + 1) * 60_000),
        ...values,
      })),
    )
    .returning({ id: posts.id });
  return rows.map((r) => r.id);
}

/** A targeted post reaching `n` new organizations, half of which have read it. */
export async function targetedPostWithReceipts(t: TestApp, n: number, postId?: string): Promise<string> {
  const [id] = postId
    ? [postId]
    : await growPosts(t, 1, { visibility: "members", targetResidencies: ["resident"] });
  for (let i = 0; i < n; i++) {
    const organization = await make(t).organization({ residency: "resident" });
    await t.db
      .insert(postRecipients)
      .values({ postId: id as string, organizationId: organization.id, baseId: t.baseId });
    if (i % 2 === 0) {
      const reader = await make(t).user({ roles: ["org_member"], organizationId: organization.id });
      await t.db.insert(postReads).values({
        postId: id as string,
        userId: reader.id,
        organizationId: organization.id,
        baseId: t.baseId,
      });
    }
  }
  return id as string;
}

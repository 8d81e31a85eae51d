import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, notifications, users } from "../../../src/db/schema";
import { notify } from "../../../src/server/notify";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { checkAll } from "../recruitment/intake-support";

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

/** An organization with one member account (with an email), signed in. */
async function memberOfNewOrganization() {
  const org = await make(t).organization();
  const user = await make(t).user({
    roles: ["org_member"],
    organizationId: org.id,
    email: `m${Math.floor(Math.random() * 1e9)}@example.cn`,
  });
  return { org, user, client: await t.signIn(user.username, FACTORY_PASSWORD) };
}

async function noticeTo(userIds: string[], params: Record<string, string | number | null> = {}) {
  await t.db.transaction((tx) =>
    notify(tx, {
      baseId: t.baseId,
      recipients: { kind: "users", userIds },
      kind: "application_message",
      params: { applicationId: "00000000-0000-4000-8000-000000000000", preview: "请补充登记证书", ...params },
      link: "/my-applications/00000000-0000-4000-8000-000000000000",
    }),
  );
}

describe("one's own notifications", () => {
  it("lists only one's own, unread first, with counts, and marks them read", async () => {
    const a = await memberOfNewOrganization();
    const b = await memberOfNewOrganization();
    await noticeTo([a.user.id], { preview: "第一条" });
    await noticeTo([a.user.id, b.user.id], { preview: "第二条" });
    await noticeTo([a.user.id], { preview: "第三条" });

    expect((await a.client.get("/api/notifications/unread-count")).json()).toEqual({ unread: 3 });
    expect((await b.client.get("/api/notifications/unread-count")).json()).toEqual({ unread: 1 });
    const list = (await a.client.get("/api/notifications?pageSize=2")).json();
    expect(list).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(list.items.map((n: { params: { preview: string } }) => n.params.preview)).toEqual([
      "第三条",
      "第二条",
    ]);

    const first = list.items[1];
    const read = await a.client.post(`/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    // Reading it again changes nothing.
    expect((await a.client.post(`/api/notifications/${first.id}/read`)).json().readAt).toBe(
      read.json().readAt,
    );

    const all = (await a.client.get("/api/notifications")).json();
    expect(all.items.map((n: { params: { preview: string } }) => n.params.preview)).toEqual([
      "第三条",
      "第一条",
      "第二条",
    ]);
    const unread = (await a.client.get("/api/notifications?unread=true")).json();
    expect(unread).toMatchObject({ total: 2, unread: 2 });

    // Someone else's notification does not exist for them.
    expect((await b.client.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await staff.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);

    expect((await a.client.post("/api/notifications/read-all")).json()).toEqual({ updated: 2 });
    expect((await a.client.get("/api/notifications/unread-count")).json()).toEqual({ unread: 0 });
    expect((await b.client.get("/api/notifications/unread-count")).json()).toEqual({ unread: 1 });
  });

  it("is open to every signed-in role and to nobody else", async () => {
    for (const name of ["admin", "staff", "expert", "mentor", "member", "viewer", "liaison", "partner"]) {
      const client = await t.signIn(name);
      expect((await client.get("/api/notifications/unread-count")).statusCode, name).toBe(200);
      expect((await client.get("/api/notifications")).statusCode, name).toBe(200);
      expect((await client.post("/api/notifications/read-all")).statusCode, name).toBe(200);
    }
    const anonymous = t.anonymous();
    expect((await anonymous.get("/api/notifications")).statusCode).toBe(401);
    expect((await anonymous.get("/api/notifications/unread-count")).statusCode).toBe(401);
  });

  it("refuses a malformed id with 400", async () => {
    expect((await staff.post("/api/notifications/not-an-id/read")).statusCode).toBe(400);
  });
});

describe("notices of application changes", () => {
  it("tells the organization's members (bell and email) when staff accept its application", async () => {
    const { org, user, client } = await memberOfNewOrganization();
    const call = await make(t).call();
    const application = await make(t).application({
      callId: call.id,
      organizationId: org.id,
      status: "submitted",
    });
    await checkAll(t, application);
    const res = await staff.post(`/api/applications/${application.id}/accept`, {
      version: application.version,
    });
    expect(res.statusCode, res.body).toBe(200);

    const list = (await client.get("/api/notifications")).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: "application_status",
      params: { applicationId: application.id, status: "accepted", callTitle: call.title },
      link: `/my-applications/${application.id}`,
      readAt: null,
    });
    const [email] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, user.email as string));
    expect(email).toMatchObject({ status: "pending", attempts: 0 });
    expect(email?.subject).toBe("【社会组织孵化基地】申请状态：已受理（进入初筛）");
    expect(email?.body).toContain(`${user.displayName}，您好`);
    expect(email?.body).toContain(`“${call.title}”申请状态已变为“已受理（进入初筛）”`);
    expect(email?.body).toContain("Accepted for screening");

    // The staff member who acted hears nothing of their own act.
    const [staffUser] = await t.db.select().from(users).where(eq(users.username, "staff"));
    const own = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, staffUser?.id as string));
    expect(own.filter((n) => n.params.applicationId === application.id)).toHaveLength(0);
  });
});

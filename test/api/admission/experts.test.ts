/**
 * Experts (stage 3): invitations by SMS and email, joining by the link (new account or an
 * existing one), sign-in links, the expert's profile and declared conflicts, the staff's view
 * with every detected kind, the candidate check, and what another base sees (nothing).
 */
import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bases,
  emailOutbox,
  expertInvitations,
  expertProfiles,
  inspectionInspectors,
  inspections,
  signInLinks,
  smsOutbox,
  users,
} from "../../../src/db/schema";
import { type ConflictFinding, findConflicts } from "../../../src/server/areas/admission/experts/conflicts";
import { FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let staff: Client;
let serial = 0;
/** A mobile nobody in the demo data has. */
const freshMobile = () => `1770000${String(1000 + ++serial).padStart(4, "0")}`;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

async function smsTo(mobile: string) {
  return t.db.select().from(smsOutbox).where(eq(smsOutbox.mobile, mobile)).orderBy(desc(smsOutbox.createdAt));
}
const tokenIn = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)?.[1] as string;

async function invite(body: Record<string, unknown> = {}) {
  const mobile = freshMobile();
  const res = await staff.post("/api/expert-invitations", {
    name: "王评审",
    mobile,
    fields: ["elderly"],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const [sms] = await smsTo((body.mobile as string | undefined) ?? mobile);
  return { res, mobile, id: res.json().invitation.id as string, token: sms ? tokenIn(sms.body) : "" };
}

describe("invitations", () => {
  it("queues a text and an email carrying the join link; keeps only the token's hash", async () => {
    const email = `expert${++serial}@example.org`;
    const { res, mobile, id, token } = await invite({ email, message: "欢迎加入评审专家库" });
    const body = res.json();
    expect(body).toMatchObject({ sentBySms: true, sentByEmail: true });
    expect(body.invitation).toMatchObject({ status: "sent", name: "王评审", fields: ["elderly"] });
    expect(body.invitation.mobile).toMatch(/^177\*{4}\d{4}$/);
    const days = (Date.parse(body.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const [sms] = await smsTo(mobile);
    expect(sms?.body).toContain("/experts/join?token=");
    expect(token).toHaveLength(43);
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mail?.body).toContain(`/experts/join?token=${token}`);
    expect(mail?.body).toContain("欢迎加入评审专家库");
    const [row] = await t.db.select().from(expertInvitations).where(eq(expertInvitations.id, id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(token);
    const listed = (await staff.get("/api/expert-invitations?status=sent&pageSize=200")).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it("refuses an invitation with neither mobile nor email, and bad input, changing nothing", async () => {
    const before = await t.db.select().from(expertInvitations);
    const none = await staff.post("/api/expert-invitations", { name: "无联系方式" });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ field: "mobile", message: "手机号和邮箱至少填写一项" });
    for (const bad of [
      { name: "", mobile: freshMobile() },
      { name: "X", mobile: "12345" },
      { name: "X", email: "not-an-email" },
      { name: "X", mobile: freshMobile(), fields: ["no_such_field"] },
      { name: "X", mobile: freshMobile(), days: 1e20 },
      { name: "a\u202Eb", mobile: freshMobile() },
    ]) {
      expect((await staff.post("/api/expert-invitations", bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect(await t.db.select().from(expertInvitations)).toHaveLength(before.length);
  });

  it("resend gives a new link and kills the old one; revoke kills the link", async () => {
    const { id, mobile, token } = await invite();
    const resent = await staff.post(`/api/expert-invitations/${id}/resend`, {});
    expect(resent.statusCode).toBe(200);
    const [latest] = await smsTo(mobile);
    const newToken = tokenIn(latest?.body ?? "");
    expect(newToken).not.toBe(token);
    const anon = t.anonymous();
    const old = await anon.get(`/api/expert-join?token=${token}`);
    expect(old.statusCode).toBe(404);
    expect(old.json().code).toBe("invitation_not_found");
    expect((await anon.get(`/api/expert-join?token=${newToken}`)).statusCode).toBe(200);

    expect((await staff.post(`/api/expert-invitations/${id}/revoke`)).json().status).toBe("revoked");
    const revoked = await anon.get(`/api/expert-join?token=${newToken}`);
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json()).toMatchObject({ code: "invitation_revoked", message: "该邀请已被基地撤回" });
    expect((await staff.post(`/api/expert-invitations/${id}/resend`, {})).statusCode).toBe(409);
    expect((await staff.post(`/api/expert-invitations/${id}/revoke`)).statusCode).toBe(409);
  });
});

describe("joining", () => {
  it("shows the invitation, then creates an expert account with a profile, signed in, single use", async () => {
    const { token, mobile, id } = await invite({ fields: ["elderly", "disability"] });
    const anon = t.anonymous();
    const shown = await anon.get(`/api/expert-join?token=${token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      name: "王评审",
      existingAccount: false,
      fields: ["elderly", "disability"],
    });
    expect(shown.json().baseName).toContain("孵化基地");
    expect(shown.json().inviterName).toBeTruthy();

    const weak = await anon.post("/api/expert-join", { token, displayName: "王评审", password: "short1" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe("password_policy");
    expect((await anon.post("/api/expert-join", { token, displayName: "王评审" })).json().field).toBe(
      "password",
    );

    const joined = await anon.post("/api/expert-join", {
      token,
      displayName: "王立评审",
      password: "Expert-pass-2026",
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ linked: false, target: "/reviews" });
    expect(joined.json().user).toMatchObject({ displayName: "王立评审", roles: ["expert"] });
    // Signed in: the cookie the answer set works.
    expect((await anon.get("/api/auth/me")).statusCode).toBe(200);
    expect((await anon.get("/api/experts/me/profile")).json()).toMatchObject({
      fields: ["elderly", "disability"],
      version: 1,
    });
    const [user] = await t.db.select().from(users).where(eq(users.mobile, mobile));
    expect(user?.roles).toEqual(["expert"]);
    const [inv] = await t.db.select().from(expertInvitations).where(eq(expertInvitations.id, id));
    expect(inv).toMatchObject({ status: "accepted", userId: user?.id });

    const again = await t.anonymous().post("/api/expert-join", { token, password: "Expert-pass-2026" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("invitation_used");
    expect((await t.anonymous().get(`/api/expert-join?token=${token}`)).json().code).toBe("invitation_used");
    // The staff list now says accepted.
    const listed = (await staff.get("/api/expert-invitations?status=accepted&pageSize=200")).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it("refuses an expired invitation with its own message", async () => {
    const { token, id } = await invite();
    await t.db
      .update(expertInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(expertInvitations.id, id));
    const res = await t.anonymous().post("/api/expert-join", { token, password: "Expert-pass-2026" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "invitation_expired",
      message: "邀请链接已过期，请联系基地工作人员重新发送",
    });
    const listed = (await staff.get("/api/expert-invitations?status=expired&pageSize=200")).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await t.anonymous().get("/api/expert-join?token=x")).statusCode).toBe(400);
  });

  it("links the existing account with the invitation's mobile after its password", async () => {
    const mobile = freshMobile();
    const mentor = await make(t).user({ roles: ["mentor"], mobile });
    const { token } = await invite({ mobile });
    const anon = t.anonymous();
    expect((await anon.get(`/api/expert-join?token=${token}`)).json().existingAccount).toBe(true);
    const wrong = await anon.post("/api/expert-join", { token, password: "Not-the-pass-1" });
    expect(wrong.statusCode).toBe(401);
    const ok = await anon.post("/api/expert-join", { token, password: FACTORY_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ linked: true });
    const [after] = await t.db.select().from(users).where(eq(users.id, mentor.id));
    expect(after?.roles).toEqual(["mentor", "expert"]);
    expect(await t.db.select().from(users).where(eq(users.mobile, mobile))).toHaveLength(1);
  });

  it("gives the expert role to the signed-in account", async () => {
    const partnerUser = await make(t).user({ roles: ["partner"] });
    const me = await t.signIn(partnerUser.username, FACTORY_PASSWORD);
    const { token } = await invite();
    const res = await me.post("/api/expert-join", { token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().linked).toBe(true);
    const [row] = await t.db.select().from(users).where(eq(users.id, partnerUser.id));
    expect(row?.roles).toEqual(["partner", "expert"]);
    expect(
      await t.db.select().from(expertProfiles).where(eq(expertProfiles.userId, partnerUser.id)),
    ).toHaveLength(1);
  });

  it("refuses a person whose account is in another base, clearly", async () => {
    const [other] = await t.db
      .insert(bases)
      .values({ code: `miyun${++serial}`, name: "密云区社会组织孵化基地", district: "北京市密云区" })
      .returning();
    const mobile = freshMobile();
    await make({ db: t.db, baseId: other?.id as string }).user({ roles: ["expert"], mobile });
    const { token } = await invite({ mobile });
    expect((await t.anonymous().get(`/api/expert-join?token=${token}`)).json().existingAccount).toBe(false);
    const res = await t.anonymous().post("/api/expert-join", { token, password: FACTORY_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("invitation_other_base");
    expect(res.json().message).toContain("另一个孵化基地");
  });
});

/** An expert account of the base (with mobile and email), made through an invitation. */
async function newExpert(email: string | null = null) {
  const { token, mobile } = await invite(email ? { email } : {});
  const client = t.anonymous();
  const res = await client.post("/api/expert-join", {
    token,
    displayName: "评审专家",
    password: "Expert-pass-2026",
  });
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().user.id as string, mobile, client: await t.signIn(mobile, "Expert-pass-2026") };
}

describe("sign-in links", () => {
  it("texts a link that signs the expert in once, then refuses it", async () => {
    const expert = await newExpert();
    const sent = await staff.post(`/api/experts/${expert.id}/sign-in-links`, {
      hours: 72,
      channels: { sms: true, email: false },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ sentBySms: true, sentByEmail: false });
    const hours = (Date.parse(sent.json().expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    const [sms] = await smsTo(expert.mobile);
    expect(sms?.body).toContain("/experts/sign-in?token=");
    const token = tokenIn(sms?.body ?? "");
    const browser = t.anonymous();
    const redeemed = await browser.post("/api/sign-in-links/redeem", { token });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    expect(redeemed.json()).toMatchObject({ target: "/reviews", user: { id: expert.id } });
    expect((await browser.get("/api/experts/me/profile")).statusCode).toBe(200);
    const second = await t.anonymous().post("/api/sign-in-links/redeem", { token });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe("sign_in_link_used");
  });

  it("refuses an expired link, an unknown one, and a disabled account", async () => {
    const expert = await newExpert(`e${++serial}@example.net`);
    const send = async () => {
      await staff.post(`/api/experts/${expert.id}/sign-in-links`, { channels: { sms: false, email: true } });
      const [mail] = await t.db
        .select()
        .from(emailOutbox)
        .where(like(emailOutbox.body, "%/experts/sign-in?token=%"))
        .orderBy(desc(emailOutbox.createdAt))
        .limit(1);
      return tokenIn(mail?.body ?? "");
    };
    const expiring = await send();
    await t.db
      .update(signInLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(signInLinks.userId, expert.id)));
    const expired = await t.anonymous().post("/api/sign-in-links/redeem", { token: expiring });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().code).toBe("sign_in_link_expired");
    const unknown = await t.anonymous().post("/api/sign-in-links/redeem", { token: "A".repeat(43) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("sign_in_link_invalid");

    const fresh = await send();
    await t.db.update(users).set({ status: "disabled" }).where(eq(users.id, expert.id));
    const disabled = await t.anonymous().post("/api/sign-in-links/redeem", { token: fresh });
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().code).toBe("account_disabled");
    await t.db.update(users).set({ status: "active" }).where(eq(users.id, expert.id));
    // Still unused: it works once the account is active again.
    expect((await t.anonymous().post("/api/sign-in-links/redeem", { token: fresh })).statusCode).toBe(200);
  });

  it("refuses bad lifetimes and a channel the expert has no address for", async () => {
    const expert = await newExpert();
    for (const body of [
      { hours: 0 },
      { hours: 169 },
      { hours: 1.5 },
      { channels: { sms: false, email: false } },
    ]) {
      expect((await staff.post(`/api/experts/${expert.id}/sign-in-links`, body)).statusCode).toBe(400);
    }
    const noEmail = await staff.post(`/api/experts/${expert.id}/sign-in-links`, {
      channels: { sms: false, email: true },
    });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().field).toBe("channels.email");
  });
});

describe("profile and conflicts", () => {
  it("saves the profile with versions (stale: 409)", async () => {
    const expert = await newExpert();
    const first = await expert.client.get("/api/experts/me/profile");
    const v = first.json().version;
    const saved = await expert.client.put("/api/experts/me/profile", {
      fields: ["education", "education"],
      affiliation: "北京师范大学",
      title: "副教授",
      bio: "长期从事社会工作研究。",
      version: v,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      fields: ["education"],
      affiliation: "北京师范大学",
      version: v + 1,
    });
    const stale = await expert.client.put("/api/experts/me/profile", { fields: [], version: v });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.currentVersion).toBe(v + 1);
    expect((await staff.get("/api/experts/me/profile")).statusCode).toBe(403);
  });

  it("declares, lists and withdraws own conflicts; staff record theirs; reason required", async () => {
    const expert = await newExpert();
    const org = await make(t).organization({ name: `朝阳助老服务中心${++serial}`, contactPhone: null });
    const found = (
      await expert.client.get(`/api/experts/me/organizations?q=${encodeURIComponent("助老服务中心")}`)
    ).json();
    expect(found.items.map((o: { id: string }) => o.id)).toContain(org.id);
    expect(
      (await expert.client.post("/api/experts/me/conflicts", { organizationId: org.id, reason: "" }))
        .statusCode,
    ).toBe(400);
    const declared = await expert.client.post("/api/experts/me/conflicts", {
      organizationId: org.id,
      reason: "曾任该机构理事",
    });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({ kind: "declared", organizationName: org.name });
    const twice = await expert.client.post("/api/experts/me/conflicts", {
      organizationId: org.id,
      reason: "再次",
    });
    expect(twice.statusCode).toBe(409);

    const other = await make(t).organization({ contactPhone: null });
    const recorded = await staff.post(`/api/experts/${expert.id}/conflicts`, {
      organizationId: other.id,
      reason: "亲属任职",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const mine = (await expert.client.get("/api/experts/me/conflicts")).json().items;
    expect(mine.map((c: { kind: string }) => c.kind).sort()).toEqual(["declared", "staff"]);
    // The staff's record is not the expert's to withdraw.
    expect((await expert.client.delete(`/api/experts/me/conflicts/${recorded.json().id}`)).statusCode).toBe(
      404,
    );
    expect((await expert.client.delete(`/api/experts/me/conflicts/${declared.json().id}`)).statusCode).toBe(
      200,
    );
    const left = (await expert.client.get("/api/experts/me/conflicts")).json().items;
    expect(left.map((c: { kind: string }) => c.kind)).toEqual(["staff"]);
  });

  it("detects member, linked, phone, email domain and inspector conflicts, with reasons", async () => {
    const hub = await make(t).organization({ name: `枢纽组织${++serial}`, contactPhone: null });
    const spoke = await make(t).organization({
      name: `枢纽下属组织${serial}`,
      hubOrganizationId: hub.id,
      contactPhone: null,
    });
    const expertMobile = freshMobile();
    // The expert works at the hub: member of the hub, linked to its spoke.
    const expert = await make(t).user({
      roles: ["expert"],
      organizationId: hub.id,
      mobile: expertMobile,
      email: "li@helping-hands.org.cn",
    });
    const phoneOrg = await make(t).organization({ contactPhone: expertMobile });
    const memberPhoneOrg = await make(t).organization({ contactPhone: null });
    await make(t).user({
      roles: ["org_member"],
      organizationId: memberPhoneOrg.id,
      mobile: null,
      email: "x@qq.com",
    });
    const domainOrg = await make(t).organization({ contactPhone: null });
    await make(t).user({
      roles: ["org_member"],
      organizationId: domainOrg.id,
      email: "wang@HELPING-HANDS.org.cn",
    });
    // A shared public webmail domain is no tie.
    const webmailOrg = await make(t).organization({ contactPhone: null });
    await make(t).user({ roles: ["org_member"], organizationId: webmailOrg.id, email: "someone@163.com" });
    const inspectedOrg = await make(t).organization({ contactPhone: null });
    const call = await make(t).call();
    const app = await make(t).application({
      callId: call.id,
      organizationId: inspectedOrg.id,
      status: "in_inspection",
    });
    const [insp] = await t.db
      .insert(inspections)
      .values({
        baseId: t.baseId,
        applicationId: app.id,
        organizationId: inspectedOrg.id,
        mode: "on_site",
        scheduledAt: new Date(),
      })
      .returning();
    await t.db
      .insert(inspectionInspectors)
      .values({ inspectionId: insp?.id as string, userId: expert.id, baseId: t.baseId });

    const detail = await staff.get(`/api/experts/${expert.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const kinds = (detail.json().conflicts as { organizationId: string; kind: string; reason: string }[]).map(
      (c) => `${c.organizationId}:${c.kind}:${c.reason}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        `${hub.id}:member:member`,
        `${spoke.id}:linked:${hub.name}`,
        `${phoneOrg.id}:phone:${expertMobile.slice(0, 3)}****${expertMobile.slice(-4)}`,
        `${domainOrg.id}:email_domain:helping-hands.org.cn`,
        `${inspectedOrg.id}:inspector:inspector`,
      ]),
    );
    expect(kinds.some((k) => k.startsWith(webmailOrg.id))).toBe(false);
    expect(kinds.some((k) => k.startsWith(memberPhoneOrg.id))).toBe(false);
    expect(detail.json().organizationName).toBe(hub.name);

    // Asked about a few organizations or about many (then found against all and narrowed): the
    // same findings for the ones asked about.
    const asked = [hub, spoke, phoneOrg, memberPhoneOrg, domainOrg, webmailOrg, inspectedOrg].map(
      (o) => o.id,
    );
    const filler = Array.from({ length: 120 }, () => crypto.randomUUID());
    const described = (found: ConflictFinding[]) =>
      found.map((c) => `${c.expertId}:${c.organizationId}:${c.kind}:${c.reason}`).sort();
    const few = await findConflicts(t.db, t.baseId, [expert.id], asked);
    const many = await findConflicts(t.db, t.baseId, [expert.id], [...filler, ...asked]);
    const one = await findConflicts(t.db, t.baseId, [expert.id], [spoke.id]);
    expect(described(few)).toHaveLength(5);
    expect(described(many)).toEqual(described(few));
    expect(described(one)).toEqual([`${expert.id}:${spoke.id}:linked:${hub.name}`]);
  });

  it("checks a candidate before inviting: membership, phone, email domain, hub link", async () => {
    const hub = await make(t).organization({ name: `候选枢纽${++serial}`, contactPhone: null });
    const own = await make(t).organization({
      name: `候选本机构${serial}`,
      hubOrganizationId: hub.id,
      contactPhone: null,
    });
    const mobile = freshMobile();
    await make(t).user({ roles: ["org_member"], organizationId: own.id, mobile });
    const contactOrg = await make(t).organization({ contactPhone: mobile });
    const domainOrg = await make(t).organization({ contactPhone: null });
    await make(t).user({
      roles: ["org_member"],
      organizationId: domainOrg.id,
      email: `z${serial}@candidate-ngo.cn`,
    });
    const res = await staff.post("/api/experts/conflict-check", {
      name: "候选人",
      mobile,
      email: "me@candidate-ngo.cn",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().existingAccount).toBe("this_base");
    const found = (res.json().conflicts as { organizationId: string; kind: string }[]).map(
      (c) => `${c.organizationId}:${c.kind}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        `${own.id}:member`,
        `${own.id}:phone`,
        `${hub.id}:linked`,
        `${contactOrg.id}:phone`,
        `${domainOrg.id}:email_domain`,
      ]),
    );
    const nobody = await staff.post("/api/experts/conflict-check", {
      mobile: freshMobile(),
      email: "x@gmail.com",
    });
    expect(nobody.json()).toEqual({ conflicts: [], existingAccount: "none" });
    expect((await staff.post("/api/experts/conflict-check", { name: "无" })).statusCode).toBe(400);
  });
});

describe("another base and other roles", () => {
  it("hides another base's experts and organizations (404), and lists only this base's", async () => {
    const [other] = await t.db
      .insert(bases)
      .values({ code: `pinggu${++serial}`, name: "平谷区社会组织孵化基地", district: "北京市平谷区" })
      .returning();
    const elsewhere = make({ db: t.db, baseId: other?.id as string });
    const stranger = await elsewhere.user({ roles: ["expert"], mobile: freshMobile() });
    const foreignOrg = await elsewhere.organization();
    expect((await staff.get(`/api/experts/${stranger.id}`)).statusCode).toBe(404);
    expect(
      (
        await staff.post(`/api/experts/${stranger.id}/conflicts`, {
          organizationId: foreignOrg.id,
          reason: "x",
        })
      ).statusCode,
    ).toBe(404);
    expect((await staff.post(`/api/experts/${stranger.id}/sign-in-links`, {})).statusCode).toBe(404);
    const expert = await newExpert();
    expect(
      (
        await staff.post(`/api/experts/${expert.id}/conflicts`, {
          organizationId: foreignOrg.id,
          reason: "x",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await expert.client.post("/api/experts/me/conflicts", { organizationId: foreignOrg.id, reason: "x" }))
        .statusCode,
    ).toBe(404);
    const found = (
      await expert.client.get(`/api/experts/me/organizations?q=${encodeURIComponent(foreignOrg.name)}`)
    ).json();
    expect(found.items).toEqual([]);
    const list = (await staff.get("/api/experts?pageSize=200")).json();
    const ids = list.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(expert.id);
    expect(ids).not.toContain(stranger.id);
    // A staff member is no expert: 404 for the detail.
    const staffRow = (await t.db.select().from(users).where(eq(users.username, "staff")))[0];
    expect((await staff.get(`/api/experts/${staffRow?.id}`)).statusCode).toBe(404);
    // Another base's invitation: 404 to resend or revoke.
    const [foreignInvitation] = await t.db
      .insert(expertInvitations)
      .values({
        baseId: other?.id as string,
        tokenHash: `f${serial}`.padEnd(64, "0"),
        name: "外",
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    expect((await staff.post(`/api/expert-invitations/${foreignInvitation?.id}/revoke`)).statusCode).toBe(
      404,
    );
    expect((await staff.post(`/api/expert-invitations/${foreignInvitation?.id}/resend`, {})).statusCode).toBe(
      404,
    );
  });

  it("filters the list by keyword, field and status", async () => {
    const expert = await newExpert();
    await expert.client.put("/api/experts/me/profile", {
      fields: ["culture"],
      affiliation: `筛选大学${++serial}`,
      version: 1,
    });
    const byWord = (await staff.get(`/api/experts?q=${encodeURIComponent(`筛选大学${serial}`)}`)).json();
    expect(byWord.items.map((e: { id: string }) => e.id)).toEqual([expert.id]);
    const byField = (await staff.get("/api/experts?field=culture&pageSize=200")).json();
    expect(byField.items.map((e: { id: string }) => e.id)).toContain(expert.id);
    expect(byField.items.every((e: { fields: string[] }) => e.fields.includes("culture"))).toBe(true);
    await t.db.update(users).set({ status: "disabled" }).where(eq(users.id, expert.id));
    const disabled = (await staff.get("/api/experts?status=disabled&pageSize=200")).json();
    expect(disabled.items.map((e: { id: string }) => e.id)).toContain(expert.id);
    expect((await staff.get("/api/experts?field=nope")).statusCode).toBe(400);
    expect((await staff.get("/api/experts?status=nope")).statusCode).toBe(400);
  });

  it("refuses the staff routes to experts and members (403)", async () => {
    const member = await t.signIn("member");
    const expert = await t.signIn("expert");
    for (const client of [member, expert]) {
      expect((await client.get("/api/experts")).statusCode).toBe(403);
      expect((await client.get("/api/expert-invitations")).statusCode).toBe(403);
      expect(
        (await client.post("/api/expert-invitations", { name: "X", mobile: freshMobile() })).statusCode,
      ).toBe(403);
    }
    expect((await member.get("/api/experts/me/profile")).statusCode).toBe(403);
    expect(t.undeclaredResponses()).toEqual([]);
  });
});

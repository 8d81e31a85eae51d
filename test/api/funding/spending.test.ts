/**
 * Spending items (支出): the grantee's members report them with receipts; staff verify or query
 * them; the member answers a query by correcting and resubmitting; budget vs actual counts them.
 * Only the grantee reports (another organization 404, staff and a partner 403); bad input is 400
 * naming the field; a refused step or a stale version is 409.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, grantExpenses } from "../../../src/db/schema";
import { FIELD_MESSAGES, type FieldMessageKey } from "../../../src/schemas/messages";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { partnerWithUser } from "../services/support";
import {
  daysFromToday,
  PDF,
  reportItem,
  shanghaiToday,
  spendingGrant,
  uploadReceipt,
} from "./spending-support";
import { fund } from "./support";

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const list = async (client: Client, grantId: string, query = "") =>
  (await client.get(`/api/grants/${grantId}/expenses${query}`)).json();
const budget = async (client: Client, grantId: string) =>
  (await client.get(`/api/grants/${grantId}/budget`)).json();

describe("a spending item's life", () => {
  it("member reports with a receipt, staff query, member answers and resubmits, staff verify; budget counts it", async () => {
    const g = await spendingGrant(t);
    const receipt = await uploadReceipt(g.member, g.grant.id, PDF, "发票.pdf");
    expect(receipt.statusCode, receipt.body).toBe(201);
    expect(receipt.json().mime).toBe("application/pdf");
    const body = {
      budgetLineId: g.activities.id,
      spentOn: shanghaiToday(),
      amountFen: 123_456,
      description: "助餐点开业活动",
      payee: "城北文化中心",
      fileIds: [receipt.json().id],
    };
    let res = await g.member.post(`/api/grants/${g.grant.id}/expenses`, body);
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      status: "submitted",
      amountFen: 123_456,
      category: "activities",
      version: 1,
    });
    expect(item.receipts).toEqual([expect.objectContaining({ name: "发票.pdf", mime: "application/pdf" })]);
    // A retried submission (a double tap) answers the same item.
    res = await g.member.post(`/api/grants/${g.grant.id}/expenses`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().id).toBe(item.id);
    expect((await list(g.member, g.grant.id)).total).toBe(1);
    // Everyone who reads the grant reads the receipt; another organization does not.
    expect((await staff.get(`/api/files/${receipt.json().id}`)).statusCode).toBe(200);
    const stranger = (await spendingGrant(t)).member;
    expect((await stranger.get(`/api/files/${receipt.json().id}`)).statusCode).toBe(404);

    let page = await list(staff, g.grant.id);
    expect(page).toMatchObject({ total: 1, canReport: false, canReview: true });
    expect((await list(g.member, g.grant.id)).canReport).toBe(true);
    let b = await budget(staff, g.grant.id);
    expect(b.rows[0]).toMatchObject({ actualFen: 123_456, verifiedFen: 0, itemCount: 1 });

    // Staff query it; the member sees the question and may not verify.
    res = await staff.post(`/api/grants/${g.grant.id}/expenses/${item.id}/query`, {
      version: 1,
      question: "发票抬头不是贵机构，请说明",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "queried",
      queryNote: "发票抬头不是贵机构，请说明",
      version: 2,
    });
    expect(res.json().reviewedByName).toBeTruthy();
    expect(
      (await g.member.post(`/api/grants/${g.grant.id}/expenses/${item.id}/verify`, { version: 2 }))
        .statusCode,
    ).toBe(403);
    // A queried item is not verified before it is resubmitted.
    res = await staff.post(`/api/grants/${g.grant.id}/expenses/${item.id}/verify`, { version: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "expense_status_invalid",
      details: { currentStatus: "queried" },
    });
    page = await list(g.member, g.grant.id);
    expect(page.items[0]).toMatchObject({ status: "queried", queryNote: "发票抬头不是贵机构，请说明" });

    // The member corrects it (another amount, one more receipt) and answers.
    const second = (await uploadReceipt(g.member, g.grant.id)).json().id;
    const resubmit = {
      ...body,
      amountFen: 120_000,
      fileIds: [receipt.json().id, second],
      answer: "已换开正确抬头的发票",
    };
    res = await g.member.put(`/api/grants/${g.grant.id}/expenses/${item.id}`, { ...resubmit, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("version_conflict");
    res = await g.member.put(`/api/grants/${g.grant.id}/expenses/${item.id}`, { ...resubmit, version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "submitted",
      amountFen: 120_000,
      answer: "已换开正确抬头的发票",
      version: 3,
    });
    expect(res.json().receipts).toHaveLength(2);
    // Only a queried item is corrected.
    res = await g.member.put(`/api/grants/${g.grant.id}/expenses/${item.id}`, { ...resubmit, version: 3 });
    expect(res.statusCode).toBe(409);

    res = await staff.post(`/api/grants/${g.grant.id}/expenses/${item.id}/verify`, { version: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("verified");
    // Verified is final: no withdrawal, no second verification.
    expect(
      (await g.member.post(`/api/grants/${g.grant.id}/expenses/${item.id}/withdraw`, { version: 4 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await staff.post(`/api/grants/${g.grant.id}/expenses/${item.id}/verify`, { version: 4 })).statusCode,
    ).toBe(409);

    // A withdrawn item no longer counts.
    const other = await reportItem(g.member, g.grant.id, { budgetLineId: g.materials.id, amountFen: 5_000 });
    b = await budget(g.member, g.grant.id);
    expect(b.totals).toMatchObject({ actualFen: 125_000, verifiedFen: 120_000, itemCount: 2 });
    res = await g.member.post(`/api/grants/${g.grant.id}/expenses/${other.id}/withdraw`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    b = await budget(g.member, g.grant.id);
    expect(b.totals).toMatchObject({ actualFen: 120_000, verifiedFen: 120_000, itemCount: 1 });
    expect(b.rows.map((r: { actualFen: number }) => r.actualFen)).toEqual([120_000, 0]);
    expect((await list(staff, g.grant.id, "?status=withdrawn")).total).toBe(1);

    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, item.id))).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(["expense.create", "expense.query", "expense.resubmit", "expense.verify"]);
  });

  it("pages the list", async () => {
    const g = await spendingGrant(t);
    for (const amountFen of [100, 200, 300])
      await reportItem(g.member, g.grant.id, { budgetLineId: g.activities.id, amountFen });
    const first = await list(g.member, g.grant.id, "?pageSize=2");
    const second = await list(g.member, g.grant.id, "?pageSize=2&page=2");
    expect([first.total, first.items.length, second.items.length]).toEqual([3, 2, 1]);
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("only the grantee reports", () => {
  it("another organization 404, staff and a partner 403, a viewer 403; the fund's partner reads", async () => {
    const { partner, client: partnerClient } = await partnerWithUser(t);
    const partnerFund = await fund(t, { kind: "partner_fund", partnerId: partner.id });
    const g = await spendingGrant(t, { fundRow: partnerFund });
    const item = await reportItem(g.member, g.grant.id, { budgetLineId: g.activities.id, amountFen: 1_000 });
    const stranger = (await spendingGrant(t)).member;
    const url = `/api/grants/${g.grant.id}`;
    const body = {
      budgetLineId: g.activities.id,
      spentOn: shanghaiToday(),
      amountFen: 100,
      description: "x",
      payee: "y",
      fileIds: [item.id],
    };

    expect((await stranger.get(`${url}/expenses`)).statusCode).toBe(404);
    expect((await stranger.get(`${url}/budget`)).statusCode).toBe(404);
    expect((await uploadReceipt(stranger, g.grant.id)).statusCode).toBe(404);
    expect((await stranger.post(`${url}/expenses`, body)).statusCode).toBe(404);
    expect((await stranger.post(`${url}/expenses/${item.id}/withdraw`, { version: 1 })).statusCode).toBe(404);

    expect((await staff.post(`${url}/expenses`, body)).statusCode).toBe(403);
    expect((await uploadReceipt(staff, g.grant.id)).statusCode).toBe(403);
    expect((await staff.post(`${url}/expenses/${item.id}/withdraw`, { version: 1 })).statusCode).toBe(403);
    expect(
      (await staff.put(`${url}/budget/${g.activities.id}/explanation`, { version: 1, explanation: "x" }))
        .statusCode,
    ).toBe(403);

    // The fund's partner reads the grant's spending, reports nothing, reviews nothing.
    expect((await partnerClient.get(`${url}/expenses`)).statusCode).toBe(200);
    expect((await partnerClient.get(`${url}/budget`)).statusCode).toBe(200);
    expect((await partnerClient.post(`${url}/expenses`, body)).statusCode).toBe(403);
    expect((await partnerClient.post(`${url}/expenses/${item.id}/verify`, { version: 1 })).statusCode).toBe(
      403,
    );
    // Another partner finds nothing.
    const other = (await partnerWithUser(t)).client;
    expect((await other.get(`${url}/expenses`)).statusCode).toBe(404);

    const viewer = await t.signIn("viewer");
    expect((await viewer.get(`${url}/expenses`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`${url}/expenses`)).statusCode).toBe(401);
    // An item of one grant is not found through another.
    const g2 = await spendingGrant(t);
    expect(
      (await staff.post(`/api/grants/${g2.grant.id}/expenses/${item.id}/verify`, { version: 1 })).statusCode,
    ).toBe(404);
  });

  it("a grant not signed or suspended takes no spending (409), and nothing is written", async () => {
    for (const status of ["proposed", "approved", "suspended", "closed"] as const) {
      const g = await spendingGrant(t, { status });
      const res = await uploadReceipt(g.member, g.grant.id);
      expect(res.statusCode, status).toBe(409);
      expect(res.json()).toMatchObject({
        code: "expense_grant_not_open",
        details: { currentStatus: status },
      });
      expect((await list(g.member, g.grant.id)).canReport).toBe(false);
    }
    const signed = await spendingGrant(t, { status: "agreement_signed" });
    await reportItem(signed.member, signed.grant.id, { budgetLineId: signed.activities.id, amountFen: 1 });
  });
});

describe("bad input", () => {
  it("answers 400 naming the field, never a 500, and writes nothing", async () => {
    const g = await spendingGrant(t);
    const other = await spendingGrant(t);
    const receipt = (await uploadReceipt(g.member, g.grant.id)).json().id;
    const othersReceipt = (await uploadReceipt(other.member, other.grant.id)).json().id;
    const good = {
      budgetLineId: g.activities.id,
      spentOn: shanghaiToday(),
      amountFen: 100,
      description: "食材",
      payee: "农贸市场",
      fileIds: [receipt],
    };
    const cases: [Record<string, unknown>, string, FieldMessageKey?][] = [
      [{ amountFen: 0 }, "amountFen", "amount_positive"],
      [{ amountFen: -5 }, "amountFen"],
      [{ amountFen: 1.5 }, "amountFen"],
      [{ amountFen: 1e20 }, "amountFen"],
      [{ amountFen: "100" }, "amountFen"],
      [{ spentOn: daysFromToday(1) }, "spentOn", "spent_outside_grant"],
      [{ spentOn: daysFromToday(-400) }, "spentOn", "spent_outside_grant"],
      [{ spentOn: "2026-02-30" }, "spentOn"],
      [{ spentOn: "99999-01-01" }, "spentOn"],
      [{ description: "" }, "description"],
      [{ description: "   " }, "description"],
      [{ description: "发票\u0000" }, "description"],
      [{ description: "长".repeat(201) }, "description"],
      [{ payee: "" }, "payee"],
      [{ fileIds: [] }, "fileIds", "receipt_required"],
      [{ fileIds: [othersReceipt] }, "fileIds", "receipt_unknown"],
      [{ fileIds: Array.from({ length: 11 }, () => receipt) }, "fileIds"],
      [{ fileIds: ["not-a-uuid"] }, "fileIds.0"],
      [{ budgetLineId: other.activities.id }, "budgetLineId", "budget_line_unknown"],
    ];
    for (const [change, field, key] of cases) {
      const res = await g.member.post(`/api/grants/${g.grant.id}/expenses`, { ...good, ...change });
      expect(res.statusCode, `${JSON.stringify(change).slice(0, 80)} ${res.body}`).toBe(400);
      expect(res.json().field, JSON.stringify(change).slice(0, 80)).toBe(field);
      if (key) expect(res.json().message).toContain(FIELD_MESSAGES[key]["zh-CN"].slice(0, 6));
      if (key === "spent_outside_grant") expect(res.json().message).toContain(daysFromToday(-365));
      expect(res.json().message).toContain(g.grant.startsOn === "" ? "x" : "");
    }
    const query = await staff.post(`/api/grants/${g.grant.id}/expenses/${g.activities.id}/query`, {
      version: 1,
      question: "",
    });
    expect(query.statusCode).toBe(400);
    expect((await g.member.get(`/api/grants/${g.grant.id}/expenses?page=0`)).statusCode).toBe(400);
    expect((await g.member.get(`/api/grants/${g.grant.id}/expenses?status=lost`)).statusCode).toBe(400);
    expect((await g.member.get("/api/grants/not-a-uuid/expenses")).statusCode).toBe(400);
    expect(await t.db.select().from(grantExpenses).where(eq(grantExpenses.grantId, g.grant.id))).toEqual([]);
    // A receipt used by one item is not used by a second.
    await g.member.post(`/api/grants/${g.grant.id}/expenses`, good);
    const twice = await g.member.post(`/api/grants/${g.grant.id}/expenses`, { ...good, amountFen: 999 });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().field).toBe("fileIds");
  });

  it("refuses a fake PDF and a file that is neither an image nor a PDF", async () => {
    const g = await spendingGrant(t);
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(200).fill(0)]);
    let res = await uploadReceipt(g.member, g.grant.id, elf, "发票.pdf");
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("upload_type_refused");
    // An HTML page renamed .pdf is not a PDF either.
    res = await uploadReceipt(
      g.member,
      g.grant.id,
      Buffer.from("<html><script>alert(1)</script></html>"),
      "发票.pdf",
    );
    expect(res.statusCode).toBe(400);
  });

  it("staff cannot verify an item whose receipts are gone", async () => {
    const g = await spendingGrant(t);
    const item = await reportItem(g.member, g.grant.id, { budgetLineId: g.activities.id, amountFen: 700 });
    await t.db.update(grantExpenses).set({ fileIds: [] }).where(eq(grantExpenses.id, item.id));
    const res = await staff.post(`/api/grants/${g.grant.id}/expenses/${item.id}/verify`, { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("fileIds");
  });
});

describe("budget vs actual and the variance explanation", () => {
  it("flags over-spend and a missing explanation; the member explains at the line's version; staff see it", async () => {
    const g = await spendingGrant(t, { amountFen: 1_000_000 }); // activities 600,000 fen, materials 400,000
    await reportItem(g.member, g.grant.id, { budgetLineId: g.materials.id, amountFen: 450_000 });
    let b = await budget(staff, g.grant.id);
    expect(b.thresholdBp).toBe(1000);
    const [activities, materials] = b.rows;
    expect(activities).toMatchObject({
      budgetFen: 600_000,
      actualFen: 0,
      varianceBp: -10_000,
      needsExplanation: true,
    });
    expect(materials).toMatchObject({
      budgetFen: 400_000,
      actualFen: 450_000,
      varianceFen: 50_000,
      varianceBp: 1250,
      overspent: true,
      needsExplanation: true,
      explanationMissing: true,
    });
    expect(b.totals).toMatchObject({
      budgetFen: 1_000_000,
      actualFen: 450_000,
      varianceFen: -550_000,
      linesMissingExplanation: 2,
    });
    expect(b.canExplain).toBe(false);
    expect((await budget(g.member, g.grant.id)).canExplain).toBe(true);

    const url = `/api/grants/${g.grant.id}/budget/${g.materials.id}/explanation`;
    expect((await g.member.put(url, { version: 1, explanation: "" })).statusCode).toBe(400);
    let res = await g.member.put(url, { version: 1, explanation: "食材价格上涨，增加了采购" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    res = await g.member.put(url, { version: 1, explanation: "旧版本" });
    expect(res.statusCode).toBe(409);
    b = await budget(staff, g.grant.id);
    expect(b.rows[1]).toMatchObject({
      explanation: "食材价格上涨，增加了采购",
      explanationMissing: false,
      version: 2,
    });
    expect(b.rows[1].explainedByName).toBeTruthy();
    expect(b.totals.linesMissingExplanation).toBe(1);
    // A line of another grant is not found through this one.
    const other = await spendingGrant(t);
    expect(
      (
        await g.member.put(`/api/grants/${g.grant.id}/budget/${other.materials.id}/explanation`, {
          version: 1,
          explanation: "x",
        })
      ).statusCode,
    ).toBe(404);
  });
});

/**
 * A grant that takes spending today: active, running from a year ago to a year ahead (the
 * builder's dates are fixed in 2027), of a new organization with a signed-in member.
 */
import { eq } from "drizzle-orm";
import { grantBudgetLines, grantExpenses, grants } from "../../../src/db/schema";
import type { GrantStatus } from "../../../src/domain/funding/grant";
import type { Client, TestApp } from "../../support/app";
import { multipartBody, PDF, PNG } from "../recruitment/applications-support";
import { memberOf } from "../services/support";
import { fund, grant, project } from "./support";

export { PDF };

export const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
export const daysFromToday = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function spendingGrant(
  t: TestApp,
  options: { status?: GrantStatus; amountFen?: number; fundRow?: Awaited<ReturnType<typeof fund>> } = {},
) {
  const { organization, client: member, user } = await memberOf(t);
  const fundRow = options.fundRow ?? (await fund(t));
  const projectRow = await project(t, organization.id);
  const row = await grant(t, projectRow, fundRow, {
    status: options.status ?? "active",
    amountFen: options.amountFen ?? 10_000_000,
  });
  await t.db
    .update(grants)
    .set({ startsOn: daysFromToday(-365), endsOn: daysFromToday(365) })
    .where(eq(grants.id, row.id));
  const lines = await t.db
    .select()
    .from(grantBudgetLines)
    .where(eq(grantBudgetLines.grantId, row.id))
    .orderBy(grantBudgetLines.sortOrder);
  const [activities, materials] = lines;
  if (!activities || !materials) throw new Error("grant lines missing");
  return {
    grant: row,
    organization,
    member,
    user,
    fund: fundRow,
    project: projectRow,
    activities,
    materials,
  };
}

export const uploadReceipt = (
  client: Client,
  grantId: string,
  content: Buffer = PNG,
  filename = "发票.png",
) =>
  client.request({
    method: "POST",
    url: `/api/grants/${grantId}/receipts`,
    ...multipartBody({}, { content, filename }),
  });

/** Uploads a receipt and reports an item with it; returns the item. */
export async function reportItem(
  client: Client,
  grantId: string,
  values: { budgetLineId: string; amountFen: number; spentOn?: string; description?: string },
) {
  const receipt = await uploadReceipt(client, grantId);
  if (receipt.statusCode !== 201) throw new Error(`receipt: ${receipt.statusCode} ${receipt.body}`);
  const res = await client.post(`/api/grants/${grantId}/expenses`, {
    spentOn: shanghaiToday(),
    description: "社区助餐活动食材",
    payee: "城北农贸市场",
    fileIds: [receipt.json().id],
    ...values,
  });
  if (res.statusCode !== 201) throw new Error(`expense: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; status: string; amountFen: number };
}

/**
 * A grant with `n` spending items on both lines, each with a real receipt (the N+1 test): one is
 * reported through the API, the rest copied from it row by row.
 */
export async function growExpenses(t: TestApp, n: number): Promise<string> {
  const g = await spendingGrant(t);
  const first = await reportItem(g.member, g.grant.id, { budgetLineId: g.activities.id, amountFen: 100 });
  const [row] = await t.db.select().from(grantExpenses).where(eq(grantExpenses.id, first.id));
  if (!row) throw new Error("grown expense missing");
  const { id: _id, ...copy } = row;
  await t.db.insert(grantExpenses).values(
    Array.from({ length: n - 1 }, (_, i) => ({
      ...copy,
      budgetLineId: i % 2 ? g.activities.id : g.materials.id,
      amountFen: 100 + i,
      status: (["submitted", "verified", "queried"] as const)[i % 3],
      reviewedBy: i % 3 ? g.user.id : null,
    })),
  );
  return g.grant.id;
}

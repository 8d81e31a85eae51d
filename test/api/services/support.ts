/**
 * Fixtures of the service desk's tests: a catalogue service, a partner with a user, an
 * organization with a member, made directly in the database.
 */
import { partners, serviceCatalogue } from "../../../src/db/schema";
import type { Audience } from "../../../src/domain/services/categories";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { TestApp } from "../../support/app";

let serial = 0;

export async function catalogueService(
  t: Pick<TestApp, "db" | "baseId">,
  values: Partial<typeof serviceCatalogue.$inferInsert> & { audiences?: Audience[] } = {},
) {
  const [row] = await t.db
    .insert(serviceCatalogue)
    .values({
      baseId: t.baseId,
      category: "consulting",
      name: `财税咨询${++serial}-${Math.random().toString(36).slice(2, 6)}`,
      description: "年度汇算、票据与纳税申报",
      audiences: ["resident", "virtual"],
      handlerKind: "staff",
      responseDays: 3,
      ...values,
    })
    .returning();
  if (!row) throw new Error("fixture: catalogue service not created");
  return row;
}

export async function partnerWithUser(t: TestApp) {
  const [partner] = await t.db
    .insert(partners)
    .values({
      baseId: t.baseId,
      name: `测试基金会${++serial}-${Math.random().toString(36).slice(2, 6)}`,
      kind: "foundation",
    })
    .returning();
  const user = await make(t).user({ roles: ["partner"], partnerId: partner?.id as string });
  return {
    partner: partner as typeof partners.$inferSelect,
    user,
    client: await t.signIn(user.username, FACTORY_PASSWORD),
  };
}

export async function memberOf(t: TestApp, residency: "resident" | "virtual" | "none" = "resident") {
  const organization = await make(t).organization({ residency });
  const user = await make(t).user({ roles: ["org_member"], organizationId: organization.id });
  return { organization, user, client: await t.signIn(user.username, FACTORY_PASSWORD) };
}

export async function mentorUser(t: TestApp) {
  const user = await make(t).user({ roles: ["mentor"] });
  return { user, client: await t.signIn(user.username, FACTORY_PASSWORD) };
}

export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const recordBody = (extra: Record<string, unknown> = {}) => ({
  title: "一对一财税辅导",
  detail: "梳理了年度汇算清缴的材料清单",
  mode: "onsite",
  deliveredOn: today(),
  minutes: 90,
  ...extra,
});

/**
 * `n` requests of new organizations for the N+1 test, each with its own handler kind and, every
 * other one, a record: every join of the queue has rows to find. Overdue when `overdue`.
 */
export async function growServiceRequests(t: TestApp, n: number, overdue = false): Promise<void> {
  const { serviceRequests, serviceRecords } = await import("../../../src/db/schema");
  const { partner } = await partnerWithUser(t);
  const mentor = await make(t).user({ roles: ["mentor"] });
  for (let i = 0; i < n; i++) {
    const organization = await make(t).organization({ residency: i % 2 ? "virtual" : "resident" });
    const handler =
      i % 3 === 0
        ? { handlerKind: "partner" as const, handlerPartnerId: partner.id }
        : i % 3 === 1
          ? { handlerKind: "mentor" as const, handlerUserId: mentor.id }
          : {};
    const [request] = await t.db
      .insert(serviceRequests)
      .values({
        baseId: t.baseId,
        organizationId: organization.id,
        category: "consulting",
        title: `N+1 测试申请${i}`,
        status: i % 2 && !overdue ? "done" : "submitted",
        respondBy: new Date(Date.now() + (overdue ? -1 : 3) * 86_400_000),
        ...handler,
      })
      .returning({ id: serviceRequests.id });
    if (i % 2 && !overdue)
      await t.db.insert(serviceRecords).values({
        baseId: t.baseId,
        organizationId: organization.id,
        requestId: request?.id as string,
        category: "consulting",
        title: `N+1 测试记录${i}`,
        mode: "phone",
        deliveredOn: "2026-11-02",
        minutes: 30,
        givenByName: "测试",
        rating: 4,
      });
  }
}

/** `n` records given unasked, each to a new organization. */
export async function growServiceRecords(t: TestApp, n: number): Promise<void> {
  const { serviceRecords } = await import("../../../src/db/schema");
  for (let i = 0; i < n; i++) {
    const organization = await make(t).organization();
    await t.db.insert(serviceRecords).values({
      baseId: t.baseId,
      organizationId: organization.id,
      category: "information",
      title: `N+1 测试走访${i}`,
      mode: "visit",
      deliveredOn: "2026-11-03",
      minutes: 45,
      givenByName: "测试",
    });
  }
}

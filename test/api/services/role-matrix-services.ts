/**
 * The records the role × route matrix needs for the service desk: a catalogue service, a request
 * of the demo member's organization assigned to the demo mentor, one of another organization
 * nobody handles, and a service record of each organization (to rate).
 */
import { eq } from "drizzle-orm";
import { serviceRecords, serviceRequests, users } from "../../../src/db/schema";
import { make } from "../../factories";
import type { TestApp } from "../../support/app";
import { catalogueService } from "./support";

export interface ServiceIds {
  catalogueEntry: string;
  catalogueName: string;
  ownRequest: string;
  otherRequest: string;
  ownRecord: string;
  otherRecord: string;
}

export async function serviceFixtures(t: TestApp, ownOrganizationId: string): Promise<ServiceIds> {
  const service = await catalogueService(t, { name: "矩阵测试服务" });
  const [mentor] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "mentor"));
  const other = (await make(t).organization()).id;
  const request = async (organizationId: string, mentorId: string | null) => {
    const [row] = await t.db
      .insert(serviceRequests)
      .values({
        baseId: t.baseId,
        organizationId,
        category: "consulting",
        title: "矩阵测试申请",
        respondBy: new Date(Date.now() + 3 * 86_400_000),
        ...(mentorId ? { handlerKind: "mentor" as const, handlerUserId: mentorId } : {}),
      })
      .returning({ id: serviceRequests.id });
    return row?.id as string;
  };
  const record = async (organizationId: string) => {
    const [row] = await t.db
      .insert(serviceRecords)
      .values({
        baseId: t.baseId,
        organizationId,
        category: "information",
        title: "矩阵测试记录",
        mode: "phone",
        deliveredOn: "2026-11-02",
        minutes: 30,
        givenByName: "矩阵",
      })
      .returning({ id: serviceRecords.id });
    return row?.id as string;
  };
  return {
    catalogueEntry: service.id,
    catalogueName: service.name,
    ownRequest: await request(ownOrganizationId, mentor?.id ?? null),
    otherRequest: await request(other, null),
    ownRecord: await record(ownOrganizationId),
    otherRecord: await record(other),
  };
}

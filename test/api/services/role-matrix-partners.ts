/**
 * The records the role × route matrix needs for issue 12's partners and figures: the `partner`
 * account's own partner and another partner of the base (a partner user finds it 404).
 */
import { eq } from "drizzle-orm";
import { partners, users } from "../../../src/db/schema";
import type { TestApp } from "../../support/app";

export interface PartnerIds {
  ownPartner: string;
  otherPartner: string;
}

export async function partnerFixtures(t: TestApp): Promise<PartnerIds> {
  const [own] = await t.db.select({ id: users.partnerId }).from(users).where(eq(users.username, "partner"));
  const [other] = await t.db
    .insert(partners)
    .values({ baseId: t.baseId, name: "矩阵测试合作伙伴", kind: "enterprise" })
    .returning({ id: partners.id });
  return { ownPartner: own?.id as string, otherPartner: other?.id as string };
}

/** The partner's current version, for the versioned writes of the matrix. */
export async function partnerVersion(t: TestApp, id: string): Promise<number> {
  const [row] = await t.db.select({ v: partners.version }).from(partners).where(eq(partners.id, id));
  return row?.v ?? 1;
}

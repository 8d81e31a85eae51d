/**
 * Builders of records through the data layer, with realistic defaults; each call makes a new,
 * distinct record: `await make(t).organization({ residency: "resident" })`.
 */

import { organizations, users } from "../src/db/schema";
import { creditCodeCheckChar } from "../src/domain/credit-code";
import type { Role } from "../src/domain/roles";
import { hashPassword } from "../src/server/passwords";
import type { TestApp } from "./support/app";

let serial = 0;
const next = () => ++serial + Math.floor(Math.random() * 1e6) * 1000;

/** A valid credit code, distinct per call. */
export function validCreditCode(): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = "";
  for (let n = next(), i = 0; i < 9; i++, n = Math.floor(n / 31)) body = alphabet[n % 31] + body;
  const first17 = `52110114${body}`;
  return first17 + creditCodeCheckChar(first17);
}

export function make(t: Pick<TestApp, "db" | "baseId">) {
  return {
    async organization(values: Partial<typeof organizations.$inferInsert> = {}) {
      const [row] = await t.db
        .insert(organizations)
        .values({
          baseId: t.baseId,
          name: `测试社会组织${next()}`,
          registrationStatus: "social_service_agency",
          creditCode: validCreditCode(),
          foundedOn: "2020-03-01",
          fields: ["health"],
          contactPhone: "13912345678",
          residency: "none",
          ...values,
        })
        .returning();
      if (!row) throw new Error("factory: organization not created");
      return row;
    },
    /** A user with a known password (`password` below) and the given roles. */
    async user(values: Partial<typeof users.$inferInsert> & { roles?: Role[] } = {}) {
      const n = next();
      const [row] = await t.db
        .insert(users)
        .values({
          baseId: t.baseId,
          username: `user${n}`,
          displayName: `测试用户${n}`,
          roles: ["staff"],
          passwordHash: await hashPassword(FACTORY_PASSWORD),
          ...values,
        })
        .returning();
      if (!row) throw new Error("factory: user not created");
      return row;
    },
  };
}

export const FACTORY_PASSWORD = "Factory-pass-2026";

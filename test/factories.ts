/**
 * Builders of records through the data layer, with realistic defaults; each call makes a new,
 * distinct record: `await make(t).organization({ residency: "resident" })`.
 */

import { applications, calls, organizations, users } from "../src/db/schema";
import type { CallRules, CallTrack, Track } from "../src/domain/call";
import { composeCreditCode } from "../src/domain/credit-code";
import type { Role } from "../src/domain/roles";
import { hashPassword } from "../src/server/passwords";
import type { TestApp } from "./support/app";

let serial = 0;
const next = () => ++serial + Math.floor(Math.random() * 1e6) * 1000;

/** A valid credit code, distinct per call. */
export function validCreditCode(): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = "";
  for (let n = next(), i = 0; i < 8; i++, n = Math.floor(n / 31)) body = alphabet[n % 31] + body;
  return composeCreditCode("52", "110114", body);
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
    /**
     * A published call open now (it opened yesterday, closes in 30 days) offering all four tracks,
     * each requiring a registration certificate and a project plan, with two extra questions.
     * `rules` overrides parts of the rules; `status: "draft"` gives an unpublished one.
     */
    async call(values: Partial<typeof calls.$inferInsert> & { rules?: Partial<CallRules> } = {}) {
      const rules: CallRules = { ...defaultCallRules(), ...values.rules };
      const [row] = await t.db
        .insert(calls)
        .values({
          baseId: t.baseId,
          title: `2026年度社会组织孵化招募${next()}`,
          description: "面向本区社会组织的年度孵化招募。",
          status: "published",
          revision: 1,
          publishedAt: new Date(),
          ...values,
          rules,
          opensAt: new Date(rules.opensAt),
          closesAt: new Date(rules.closesAt),
        })
        .returning();
      if (!row) throw new Error("factory: call not created");
      return row;
    },
    /** A draft application of `organizationId` to `callId` (track "org" unless given). */
    async application(
      values: Partial<typeof applications.$inferInsert> & { callId: string; organizationId: string },
    ) {
      const [row] = await t.db
        .insert(applications)
        .values({ baseId: t.baseId, track: "org", callRevision: 1, ...values })
        .returning();
      if (!row) throw new Error("factory: application not created");
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

const DAY = 24 * 60 * 60 * 1000;

function trackRules(track: Track): CallTrack {
  return {
    track,
    quota: 10,
    maxApplications: null,
    eligibility: {
      minMonthsFounded: track === "project" ? 12 : null,
      maxMonthsFounded: null,
      allowUnregistered: track === "combined" || track === "space",
      note: null,
    },
    documents: [
      { key: "certificate", label: "登记证书", description: null, required: track !== "combined" },
      { key: "plan", label: "项目计划书", description: null, required: true },
    ],
  };
}

/** The rules of the factory's call: four tracks, two extra questions, open for 30 more days. */
export function defaultCallRules(): CallRules {
  return {
    tracks: (["org", "project", "combined", "space"] as const).map(trackRules),
    questions: [
      {
        key: "motivation",
        label: "申请动机",
        type: "long_text",
        required: true,
        options: [],
        help: null,
        tracks: null,
      },
      {
        key: "beneficiaries",
        label: "年服务人次",
        type: "number",
        required: false,
        options: [],
        help: null,
        tracks: null,
      },
    ],
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  };
}

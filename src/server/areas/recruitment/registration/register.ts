/**
 * An applicant registers: a confirmed phone, a password, and the organization they act for (a
 * new one, or one already on the platform that they may claim). The account, the organization,
 * the audit entries, the used-up code and the session are written in one transaction; the user
 * is signed in at once. Public: there is no actor yet, so no policy check; rate limits instead.
 */
import { and, arrayContains, asc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases, calls, organizations, towns, users } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { foundingDateRequired } from "../../../../domain/organization";
import type { RegistrationData } from "../../../../schemas/recruitment/registration";
import { recordAudit } from "../../../audit";
import type { AnonymousContext } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { assertPasswordPolicy, hashPassword } from "../../../passwords";
import { checkPhoneCode, consumePhoneCode } from "../../../phone-codes";
import { hit } from "../../../rate-limit";
import { createSession, currentUserView, type SessionSettings } from "../../platform/auth/sessions";
import { profileProblems, referenceProblems, takenCreditCodes } from "../../platform/organizations/rules";
import { duplicateMobile, mobileTaken } from "./codes";

/** Registrations (successful or not) per client address per hour. */
/** Generous: a base's information session registers dozens of organizations over one Wi-Fi. */
export const REGISTRATIONS_PER_ADDRESS_PER_HOUR = 100;

type NewOrganization = Extract<RegistrationData["organization"], { mode: "new" }>;

export async function register(
  db: Db,
  settings: SessionSettings,
  ctx: AnonymousContext,
  input: RegistrationData,
) {
  await limitRegistrations(db, ctx);
  // What needs no database first, so a typo costs no code attempt.
  assertPasswordPolicy(input.password, [input.mobile], ctx.lang, "password");
  const org = input.organization;
  if (org.mode === "new") {
    throwFirstOrg(profileProblems(org));
    if (foundingDateRequired(org.registrationStatus) && !org.foundedOn) {
      throw fieldError("organization.foundedOn", "required");
    }
  }
  const baseId = await chooseBase(db, input);
  if (org.mode === "new") {
    throwFirstOrg(await referenceProblems(db, baseId, { townId: org.townId }));
    // Checked again in the transaction; here so that the answer costs no code attempt.
    if (org.creditCode && (await takenCreditCodes(db, baseId, [org.creditCode])).size > 0) {
      throw organizationExists();
    }
  }
  if (await mobileTaken(db, input.mobile)) throw duplicateMobile(ctx);

  const codeId = await checkPhoneCode(db, settings.secret, input.mobile, "register", input.code);
  const passwordHash = await hashPassword(input.password);

  const { session, userId } = await db
    .transaction(async (tx) => {
      const organizationId =
        org.mode === "new"
          ? await createOrganization(tx, baseId, org, input)
          : await claimOrganization(tx, baseId, org.creditCode, input.mobile);
      const [user] = await tx
        .insert(users)
        .values({
          baseId,
          username: input.mobile,
          mobile: input.mobile,
          // The phone code just checked proves it: notices go by SMS unless they turn it off.
          mobileConfirmedAt: new Date(),
          email: input.email ?? null,
          displayName: input.displayName,
          passwordHash,
          roles: ["org_member"],
          organizationId,
          lastLoginAt: new Date(),
        })
        .returning();
      if (!user) throw new Error("user insert returned nothing");
      const actor = { id: user.id, name: user.displayName };
      if (org.mode === "new") {
        await recordAudit(tx, ctx, {
          baseId,
          action: "organization.created",
          entityType: "organization",
          entityId: organizationId,
          after: { name: org.name, creditCode: org.creditCode ?? null, via: "registration" },
          actor,
        });
      }
      await recordAudit(tx, ctx, {
        baseId,
        action: "user.registered",
        entityType: "user",
        entityId: user.id,
        after: {
          username: user.username,
          mobile: user.mobile,
          displayName: user.displayName,
          roles: user.roles,
          organizationId,
          organizationMode: org.mode,
        },
        actor,
      });
      await consumePhoneCode(tx, codeId);
      const created = await createSession(tx, user.id, settings, ctx);
      return { session: created, userId: user.id };
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      if (String(constraintOf(error)).includes("credit_code")) throw organizationExists();
      throw duplicateMobile(ctx);
    });
  return { session, user: await currentUserView(db, userId) };
}

/** One hit on the address's hourly count; past the limit, 429 (individuals count with applicants). */
export async function limitRegistrations(db: Db, ctx: AnonymousContext): Promise<void> {
  if ((await hit(db, `register:ip:${ctx.ip ?? "unknown"}`, 3600)) > REGISTRATIONS_PER_ADDRESS_PER_HOUR) {
    throw new AppError("too_many_attempts", {
      params: { minutes: 60 },
      details: { retryAfterSeconds: 3600 },
    });
  }
}

/** Bases applicants may register with (a choice when there are several), each with its towns. */
export async function registrationBases(db: Db) {
  const baseRows = await db
    .select({ id: bases.id, name: bases.name })
    .from(bases)
    .orderBy(asc(bases.createdAt));
  const townRows = await db
    .select({ id: towns.id, name: towns.name, kind: towns.kind, baseId: towns.baseId })
    .from(towns)
    .orderBy(asc(towns.sortOrder), asc(towns.name));
  return {
    items: baseRows.map((b) => ({
      ...b,
      towns: townRows.filter((t) => t.baseId === b.id).map(({ baseId: _, ...t }) => t),
    })),
  };
}

/** The base given, or the call's, or the only one; a choice is required among several. */
export async function chooseBase(
  db: Db,
  input: Pick<RegistrationData, "baseId" | "callId">,
): Promise<string> {
  if (input.callId) {
    const [call] = await db
      .select({ baseId: calls.baseId, status: calls.status })
      .from(calls)
      .where(eq(calls.id, input.callId));
    if (!call || call.status === "draft") throw fieldError("callId", "unknown_reference");
    if (input.baseId && input.baseId !== call.baseId) throw fieldError("baseId", "unknown_reference");
    return call.baseId;
  }
  if (input.baseId) {
    const [base] = await db.select({ id: bases.id }).from(bases).where(eq(bases.id, input.baseId));
    if (!base) throw fieldError("baseId", "unknown_reference");
    return base.id;
  }
  const all = await db.select({ id: bases.id }).from(bases).limit(2);
  if (all.length === 1 && all[0]) return all[0].id;
  throw fieldError("baseId", "required");
}

async function createOrganization(
  tx: Db,
  baseId: string,
  org: NewOrganization,
  input: RegistrationData,
): Promise<string> {
  if (org.creditCode && (await takenCreditCodes(tx, baseId, [org.creditCode])).size > 0) {
    throw organizationExists();
  }
  const [row] = await tx
    .insert(organizations)
    .values({
      baseId,
      name: org.name,
      registrationStatus: org.registrationStatus,
      creditCode: org.creditCode ?? null,
      foundedOn: org.foundedOn ?? null,
      townId: org.townId ?? null,
      fields: [...new Set(org.fields)],
      contactName: org.contactName ?? input.displayName,
      contactPhone: input.mobile,
    })
    .returning({ id: organizations.id });
  if (!row) throw new Error("organization insert returned nothing");
  return row.id;
}

/**
 * An organization already on the platform may be claimed only by the phone on its record, and
 * only while no active member account acts for it; anyone else must ask the base.
 */
async function claimOrganization(
  tx: Db,
  baseId: string,
  creditCode: string,
  mobile: string,
): Promise<string> {
  const [org] = await tx
    .select({ id: organizations.id, contactPhone: organizations.contactPhone })
    .from(organizations)
    .where(and(eq(organizations.baseId, baseId), eq(organizations.creditCode, creditCode)))
    .for("update");
  if (!org) throw fieldError("organization.creditCode", "credit_code_unknown");
  const [member] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organizationId, org.id),
        eq(users.status, "active"),
        arrayContains(users.roles, ["org_member"]),
      ),
    )
    .limit(1);
  if (member || org.contactPhone !== mobile) {
    throw new AppError("organization_claimed", { field: "organization.creditCode" });
  }
  return org.id;
}

function organizationExists(): AppError {
  return new AppError("organization_exists", {
    field: "organization.creditCode",
    details: { mode: "existing" },
  });
}

function throwFirstOrg(
  problems: { field: string; key: Parameters<typeof fieldError>[1]; params?: Record<string, unknown> }[],
): void {
  const first = problems[0];
  if (first) throw fieldError(`organization.${first.field}`, first.key, first.params);
}

function constraintOf(error: unknown): unknown {
  const e = error as {
    constraint?: string;
    cause?: { constraint?: string; message?: string };
    message?: string;
  };
  return e.constraint ?? e.cause?.constraint ?? e.cause?.message ?? e.message;
}

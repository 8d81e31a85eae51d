import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { organizationColumns, organizations } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { decide } from "../../../../domain/access";
import { ADMINISTRATIVE_FIELDS } from "../../../../domain/organization";
import { maskMobile } from "../../../../domain/phone";
import type { Organization, ZOrganizationUpdate } from "../../../../schemas/platform/organizations";
import { changedFields, recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import {
  duplicateCreditCode,
  type OrganizationData,
  profileProblems,
  referenceProblems,
  takenCreditCodes,
  throwFirst,
} from "./rules";
import { findOrganizationView, seesOwnPhone, subjectOf, toOrganization } from "./view";

export type OrganizationUpdateData = z.output<typeof ZOrganizationUpdate>;
type OrganizationRecord = Omit<typeof organizations.$inferSelect, "nameBigrams">;

/** Fields only base staff decide: a member editing its own profile may not change them. */

export async function createOrganization(
  db: Db,
  ctx: Context,
  input: OrganizationData,
): Promise<Organization> {
  const baseId = ctx.actor.baseId;
  requireAccess(ctx.actor, "organization.create", { baseId });
  throwFirst(profileProblems(input));
  throwFirst(await referenceProblems(db, baseId, input));
  if (input.creditCode && (await takenCreditCodes(db, baseId, [input.creditCode])).size > 0) {
    throw duplicateCreditCode(ctx.lang);
  }
  const id = await db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(organizations)
        .values(insertValues(baseId, input))
        .returning(organizationColumns);
      if (!row) throw new Error("organization insert returned nothing");
      await recordAudit(tx, ctx, {
        baseId,
        action: "organization.created",
        entityType: "organization",
        entityId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch(rethrowDuplicate(ctx));
  return view(db, ctx, id);
}

/**
 * An edit against the version the editor saw. Keys left out keep their value; a stale version
 * is a 409 and nothing is written (the UPDATE itself re-checks it, so a race loses too).
 */
export async function updateOrganization(
  db: Db,
  ctx: Context,
  id: string,
  input: OrganizationUpdateData,
): Promise<Organization> {
  requireRoleFor(ctx.actor, "organization.update");
  const [current] = await db
    .select(organizationColumns)
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1);
  if (!current) throw notFound();
  const subject = subjectOf(current);
  requireAccess(ctx.actor, "organization.update", subject);
  if (input.version !== current.version) throw versionConflict(current.version);

  const next = merged(current, input);
  if (decide(ctx.actor, "organization.updateAdministrative", subject) !== "allow") {
    const changed = ADMINISTRATIVE_FIELDS.find((key) => next[key] !== current[key]);
    if (changed) throw new AppError("forbidden", { field: changed });
  }
  throwFirst(profileProblems(next));
  throwFirst(await referenceProblems(db, current.baseId, next, id));
  if (
    next.creditCode &&
    next.creditCode !== current.creditCode &&
    (await takenCreditCodes(db, current.baseId, [next.creditCode], id)).size > 0
  ) {
    throw duplicateCreditCode(ctx.lang);
  }

  await db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(organizations)
        .set({ ...next, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(organizations.id, id), eq(organizations.version, input.version)))
        .returning(organizationColumns);
      if (!row) {
        const [latest] = await tx
          .select({ version: organizations.version })
          .from(organizations)
          .where(eq(organizations.id, id));
        throw versionConflict(latest?.version ?? current.version);
      }
      await recordAudit(tx, ctx, {
        baseId: current.baseId,
        action: "organization.updated",
        entityType: "organization",
        entityId: id,
        ...changedFields(current, row),
      });
    })
    .catch(rethrowDuplicate(ctx));
  return view(db, ctx, id);
}

/** The columns an organization is created with, from a validated profile. */
export function insertValues(baseId: string, input: OrganizationData): typeof organizations.$inferInsert {
  return {
    baseId,
    name: input.name,
    registrationStatus: input.registrationStatus,
    creditCode: input.creditCode ?? null,
    foundedOn: input.foundedOn ?? null,
    fields: [...new Set(input.fields)],
    townId: input.townId ?? null,
    communityIds: [...new Set(input.communityIds)],
    address: input.address ?? null,
    leaderName: input.leaderName ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    staffCount: input.staffCount ?? null,
    volunteerCount: input.volunteerCount ?? null,
    partyOrganization: input.partyOrganization,
    partyMemberCount: input.partyMemberCount ?? null,
    residency: input.residency,
    hubOrganizationId: input.hubOrganizationId ?? null,
    description: input.description ?? null,
  };
}

/** The record after the edit: given keys replace, missing keys keep; a returned mask keeps the phone. */
function merged(current: OrganizationRecord, input: OrganizationUpdateData) {
  const pick = <T>(given: T | null | undefined, kept: T | null): T | null =>
    given === undefined ? kept : given;
  let contactPhone = pick(input.contactPhone, current.contactPhone);
  if (contactPhone?.includes("*")) {
    if (contactPhone !== maskMobile(current.contactPhone)) throw fieldError("contactPhone", "mobile_invalid");
    contactPhone = current.contactPhone;
  }
  return {
    name: input.name,
    registrationStatus: input.registrationStatus,
    creditCode: pick(input.creditCode, current.creditCode),
    foundedOn: pick(input.foundedOn, current.foundedOn),
    fields: input.fields ? [...new Set(input.fields)] : current.fields,
    townId: pick(input.townId, current.townId),
    communityIds: input.communityIds ? [...new Set(input.communityIds)] : current.communityIds,
    address: pick(input.address, current.address),
    leaderName: pick(input.leaderName, current.leaderName),
    contactName: pick(input.contactName, current.contactName),
    contactPhone,
    staffCount: pick(input.staffCount, current.staffCount),
    volunteerCount: pick(input.volunteerCount, current.volunteerCount),
    partyOrganization: input.partyOrganization ?? current.partyOrganization,
    partyMemberCount: pick(input.partyMemberCount, current.partyMemberCount),
    residency: input.residency ?? current.residency,
    hubOrganizationId: pick(input.hubOrganizationId, current.hubOrganizationId),
    description: pick(input.description, current.description),
  };
}

async function view(db: Db, ctx: Context, id: string): Promise<Organization> {
  const row = await findOrganizationView(db, id);
  if (!row) throw notFound();
  return toOrganization(row, { revealPhone: seesOwnPhone(ctx.actor, id) });
}

function rethrowDuplicate(ctx: Context) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw duplicateCreditCode(ctx.lang);
    throw error;
  };
}

/**
 * The rules an organization profile must meet beyond each field's own shape, shared by create,
 * edit and import so that a spreadsheet row is held to exactly what the form is.
 */
import { and, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { communities, organizations, towns } from "../../../../db/schema";
import {
  creditCodeRequired,
  EARLIEST_FOUNDING_DATE,
  type RegistrationStatus,
} from "../../../../domain/organization";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { FieldMessageKey, Lang } from "../../../../schemas/messages";
import type { ZOrganizationInput } from "../../../../schemas/platform/organizations";
import { AppError, fieldError } from "../../../errors";

export type OrganizationData = z.output<typeof ZOrganizationInput>;

export interface Problem {
  field: string;
  key: FieldMessageKey;
  params?: Record<string, unknown>;
}

/** Credit code present when registered; founded between 1950 and today (Asia/Shanghai). */
export function profileProblems(
  data: { registrationStatus: RegistrationStatus; creditCode?: string | null; foundedOn?: string | null },
  today = shanghaiDate(new Date()),
): Problem[] {
  const problems: Problem[] = [];
  if (creditCodeRequired(data.registrationStatus) && !data.creditCode) {
    problems.push({ field: "creditCode", key: "credit_code_required" });
  }
  if (data.foundedOn && data.foundedOn > today) problems.push({ field: "foundedOn", key: "date_in_future" });
  if (data.foundedOn && data.foundedOn < EARLIEST_FOUNDING_DATE) {
    problems.push({
      field: "foundedOn",
      key: "founded_too_early",
      params: { earliest: EARLIEST_FOUNDING_DATE },
    });
  }
  return problems;
}

export interface References {
  townId?: string | null;
  communityIds?: string[];
  hubOrganizationId?: string | null;
}

/** Town, communities (of that town) and hub must be records of the same base. */
export async function referenceProblems(
  db: Db,
  baseId: string,
  refs: References,
  selfId?: string,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (refs.townId) {
    const [town] = await db
      .select({ id: towns.id })
      .from(towns)
      .where(and(eq(towns.id, refs.townId), eq(towns.baseId, baseId)));
    if (!town) problems.push({ field: "townId", key: "unknown_reference" });
  }
  const communityIds = [...new Set(refs.communityIds ?? [])];
  if (communityIds.length > 0) {
    const found = await db
      .select({ id: communities.id, townId: communities.townId })
      .from(communities)
      .where(and(inArray(communities.id, communityIds), eq(communities.baseId, baseId)));
    const ofTown = found.filter((c) => c.townId === refs.townId);
    if (ofTown.length !== communityIds.length) {
      problems.push({ field: "communityIds", key: "unknown_reference" });
    }
  }
  if (refs.hubOrganizationId) {
    if (refs.hubOrganizationId === selfId) {
      problems.push({ field: "hubOrganizationId", key: "hub_self" });
    } else {
      const [hub] = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.id, refs.hubOrganizationId), eq(organizations.baseId, baseId)));
      if (!hub) problems.push({ field: "hubOrganizationId", key: "unknown_reference" });
    }
  }
  return problems;
}

/** The first problem as the 400 the API answers with (one field at a time, like the form). */
export function throwFirst(problems: Problem[]): void {
  const first = problems[0];
  if (first) throw fieldError(first.field, first.key, first.params);
}

/** Credit codes already registered in the base (of the given ones), except one organization's own. */
export async function takenCreditCodes(
  db: Db,
  baseId: string,
  codes: string[],
  exceptId?: string,
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const conditions: SQL[] = [eq(organizations.baseId, baseId), inArray(organizations.creditCode, codes)];
  if (exceptId) conditions.push(ne(organizations.id, exceptId));
  const rows = await db
    .select({ code: organizations.creditCode })
    .from(organizations)
    .where(and(...conditions));
  return new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
}

export function duplicateCreditCode(lang: Lang): AppError {
  return new AppError("duplicate", {
    field: "creditCode",
    params: { label: lang === "en" ? "Unified social credit code" : "统一社会信用代码" },
  });
}

/** A unique-index violation raced past the check above: still the same 409 on the same field. */

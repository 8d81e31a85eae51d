import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  ORGANIZATION_FIELDS,
  ORGANIZATION_SORTS,
  type OrganizationField,
  REGISTRATION_STATUSES,
  RESIDENCIES,
  type RegistrationStatus,
  type Residency,
} from "../../../../../domain/organization";

export type Sort = (typeof ORGANIZATION_SORTS)[number];

/** The list's state lives in the address bar, so a filtered page can be bookmarked and shared. */
export interface ListQuery {
  q?: string;
  field?: OrganizationField;
  townId?: string;
  registrationStatus?: RegistrationStatus;
  residency?: Residency;
  sort: Sort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

export type ListFilters = Pick<ListQuery, "q" | "field" | "townId" | "registrationStatus" | "residency">;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function useListQuery() {
  const [params, setParams] = useSearchParams();

  const query = useMemo<ListQuery>(
    () => ({
      q: params.get("q") || undefined,
      field: oneOf(ORGANIZATION_FIELDS, params.get("field")),
      townId: params.get("townId") || undefined,
      registrationStatus: oneOf(REGISTRATION_STATUSES, params.get("registrationStatus")),
      residency: oneOf(RESIDENCIES, params.get("residency")),
      sort: oneOf(ORGANIZATION_SORTS, params.get("sort")) ?? "updatedAt",
      order: params.get("order") === "asc" ? "asc" : "desc",
      page: positive(params.get("page"), 1, 100_000),
      pageSize: positive(params.get("pageSize"), 20, 100),
    }),
    [params],
  );

  const update = useCallback(
    (patch: Partial<ListQuery>) => {
      const next = { ...query, ...patch };
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === "") continue;
        if (key === "sort" && value === "updatedAt") continue;
        if (key === "order" && value === "desc") continue;
        if (key === "page" && value === 1) continue;
        if (key === "pageSize" && value === 20) continue;
        search.set(key, String(value));
      }
      setParams(search);
    },
    [query, setParams],
  );

  return { query, update };
}

import type { OrganizationField, RegistrationStatus, Residency } from "../../../../../domain/organization";
import type { Organization, OrganizationInput } from "../../../../../schemas/platform/organizations";

/** What the form holds: the controls' native values (YYYY-MM-DD for dates, undefined for empty). */
export interface OrganizationFormValues {
  name: string;
  registrationStatus: RegistrationStatus;
  creditCode?: string;
  foundedOn?: string | null;
  fields: OrganizationField[];
  townId?: string;
  communityIds: string[];
  address?: string;
  leaderName?: string;
  contactName?: string;
  contactPhone?: string;
  staffCount?: number | null;
  volunteerCount?: number | null;
  partyOrganization: boolean;
  partyMemberCount?: number | null;
  residency: Residency;
  hubOrganizationId?: string;
  description?: string;
}

/** The form's field names, for putting a server error on the right field. */
export const FORM_FIELDS = [
  "name",
  "registrationStatus",
  "creditCode",
  "foundedOn",
  "fields",
  "townId",
  "communityIds",
  "address",
  "leaderName",
  "contactName",
  "contactPhone",
  "staffCount",
  "volunteerCount",
  "partyOrganization",
  "partyMemberCount",
  "residency",
  "hubOrganizationId",
  "description",
] as const satisfies readonly (keyof OrganizationFormValues)[];

export const EMPTY_VALUES: OrganizationFormValues = {
  name: "",
  registrationStatus: "unregistered",
  fields: [],
  communityIds: [],
  partyOrganization: false,
  residency: "none",
};

export function toFormValues(org: Organization): OrganizationFormValues {
  return {
    name: org.name,
    registrationStatus: org.registrationStatus,
    creditCode: org.creditCode ?? undefined,
    foundedOn: org.foundedOn ?? null,
    fields: [...org.fields],
    townId: org.townId ?? undefined,
    communityIds: [...org.communityIds],
    address: org.address ?? undefined,
    leaderName: org.leaderName ?? undefined,
    contactName: org.contactName ?? undefined,
    // A masked number is not a value the user can save back; the field starts empty (= unchanged).
    contactPhone: org.contactPhoneMasked ? undefined : (org.contactPhone ?? undefined),
    staffCount: org.staffCount,
    volunteerCount: org.volunteerCount,
    partyOrganization: org.partyOrganization,
    partyMemberCount: org.partyMemberCount,
    residency: org.residency,
    hubOrganizationId: org.hubOrganizationId ?? undefined,
    description: org.description ?? undefined,
  };
}

/**
 * The request body. `keepMaskedPhone`: the record's phone came masked and the user left the field
 * empty, so the phone is left out of the body and the server keeps the stored number.
 */
export function toInput(values: OrganizationFormValues, keepMaskedPhone: boolean): OrganizationInput {
  const text = (value: string | undefined) => value?.trim() || null;
  const phone = text(values.contactPhone);
  const input: OrganizationInput = {
    name: values.name.trim(),
    registrationStatus: values.registrationStatus,
    creditCode: text(values.creditCode)?.toUpperCase() ?? null,
    foundedOn: values.foundedOn || null,
    fields: values.fields ?? [],
    townId: values.townId ?? null,
    communityIds: values.townId ? (values.communityIds ?? []) : [],
    address: text(values.address),
    leaderName: text(values.leaderName),
    contactName: text(values.contactName),
    staffCount: values.staffCount ?? null,
    volunteerCount: values.volunteerCount ?? null,
    partyOrganization: values.partyOrganization ?? false,
    partyMemberCount: values.partyMemberCount ?? null,
    residency: values.residency,
    hubOrganizationId: values.hubOrganizationId ?? null,
    description: text(values.description),
  };
  if (!(keepMaskedPhone && phone === null)) input.contactPhone = phone;
  return input;
}

/**
 * After a 409: the latest record with the user's own edits on top. A field the user changed (it
 * differs from the version they started from) keeps their value; every other field takes the
 * latest value, so someone else's change to a field the user never touched is not overwritten.
 */
export function mergeOntoLatest(
  mine: OrganizationFormValues,
  started: OrganizationFormValues,
  latest: OrganizationFormValues,
): OrganizationFormValues {
  const merged: Record<string, unknown> = { ...latest };
  for (const key of FORM_FIELDS) {
    if (!sameValue(mine[key], started[key])) merged[key] = mine[key];
  }
  return merged as unknown as OrganizationFormValues;
}

function sameValue(a: unknown, b: unknown): boolean {
  const plain = (v: unknown) => (v === "" || v === undefined ? null : v);
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

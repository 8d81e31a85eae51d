/** The organization registry's vocabulary (docs/DOMAIN.md). */
export const REGISTRATION_STATUSES = [
  "unregistered",
  "social_group",
  "social_service_agency",
  "foundation",
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const RESIDENCIES = ["resident", "virtual", "none"] as const;
export type Residency = (typeof RESIDENCIES)[number];

/** The "five good communities" (五好社区) fields first, then other common service fields. */
export const FIVE_GOOD_FIELDS = ["culture", "sport", "health", "innovation", "friendliness"] as const;
export const OTHER_FIELDS = [
  "elderly",
  "children",
  "disability",
  "environment",
  "volunteering",
  "legal_aid",
  "education",
  "poverty_relief",
] as const;
export const ORGANIZATION_FIELDS = [...FIVE_GOOD_FIELDS, ...OTHER_FIELDS] as const;
export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];

/** Unregistered teams have no credit code; registered organizations must have one. */
export function creditCodeRequired(status: RegistrationStatus): boolean {
  return status !== "unregistered";
}

/**
 * Eligibility rules count months since founding, so an applicant without the date cannot be
 * judged. A registered organization has it on its certificate: registration asks for it. An
 * unregistered team may not know one day it began, so for a team it stays optional.
 */
export function foundingDateRequired(status: RegistrationStatus): boolean {
  return status !== "unregistered";
}

/**
 * The earliest founding date accepted: social organizations in the registry were registered under
 * the People's Republic's rules (1950 onwards); an earlier date is a typo (1024 for 2024).
 */
export const EARLIEST_FOUNDING_DATE = "1950-01-01";

/** Decided by the base, not by the organization: a member editing its own profile keeps them. */
export const ADMINISTRATIVE_FIELDS = ["registrationStatus", "residency", "hubOrganizationId"] as const;

/** The registry list's sort keys. */
export const ORGANIZATION_SORTS = ["name", "foundedOn", "createdAt", "updatedAt", "staffCount"] as const;

import type { TFunction } from "i18next";

/** i18n keys of organization attributes, by the API's field names. */
export const ORGANIZATION_ATTR_KEYS = {
  name: "organization.attr.name",
  registrationStatus: "organization.attr.registrationStatus",
  creditCode: "organization.attr.creditCode",
  foundedOn: "organization.attr.foundedOn",
  residency: "organization.attr.residency",
  fields: "organization.attr.fields",
  hubOrganizationId: "organization.attr.hubOrganizationId",
  description: "organization.attr.description",
  createdAt: "organization.attr.createdAt",
  updatedAt: "organization.attr.updatedAt",
  townId: "organization.attr.townId",
  communityIds: "organization.attr.communityIds",
  address: "organization.attr.address",
  leaderName: "organization.attr.leaderName",
  contactName: "organization.attr.contactName",
  contactPhone: "organization.attr.contactPhone",
  staffCount: "organization.attr.staffCount",
  volunteerCount: "organization.attr.volunteerCount",
  partyOrganization: "organization.attr.partyOrganization",
  partyMemberCount: "organization.attr.partyMemberCount",
} as const;

export type OrganizationAttr = keyof typeof ORGANIZATION_ATTR_KEYS;

function isAttr(field: string): field is OrganizationAttr {
  return field in ORGANIZATION_ATTR_KEYS;
}

/** A field name as people read it (import row errors, audit diffs); unknown names stay as they are. */
export function organizationAttrLabel(field: string, t: TFunction): string {
  return isAttr(field) ? t(ORGANIZATION_ATTR_KEYS[field]) : field;
}

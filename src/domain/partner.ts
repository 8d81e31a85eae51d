/** Partners (合作伙伴) of a base: docs/DOMAIN.md, the parties. */
export const PARTNER_KINDS = ["enterprise", "foundation", "hub", "other"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** An archived partner keeps its history but takes no new work. */
export const PARTNER_STATUSES = ["active", "archived"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

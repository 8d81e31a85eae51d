/**
 * What grants write into the growth file (组织成长档案), declared here so the kinds live with the
 * area that writes them (src/domain/growth.ts).
 */
declare module "../../domain/growth" {
  interface GrowthKinds {
    /** A grant approved by a second staff member: the fund has committed the money. */
    "funding.grant_approved": { number: string; amountFen: number; fundName: string };
    /** A tranche of a grant paid to the organization. */
    "funding.tranche_paid": { number: string; seq: number; amountFen: number };
  }
}

export {};

/**
 * What the mentor programme writes into the growth file (组织成长档案), declared with the area
 * (src/domain/growth.ts).
 */
declare module "../../../../domain/growth" {
  interface GrowthKinds {
    /** A mentor paired with the organization's incubation. */
    "mentoring.paired": { mentor: string; startsOn: string; endsOn: string };
    /** A mentorship ended before its end day. */
    "mentoring.ended": { mentor: string; endedOn: string; note: string };
    /** A session the mentor logged (minutes, topics). */
    "mentoring.session": { mentor: string; minutes: number; topics: string; note: string };
    /** The organization said a logged session did not take place. */
    "mentoring.disputed": { mentor: string; heldOn: string; note: string };
  }
}

export {};

/** Individuals (个人用户, docs/PEOPLE.md): how a person came to the platform, and what the list sorts by. */

/** Registered themself with a confirmed phone, or added by staff (who chose how they sign in). */
export const PERSON_SOURCES = ["registration", "staff"] as const;
export type PersonSource = (typeof PERSON_SOURCES)[number];

/** The staff's list of people sorts by these (newest first by default). */
export const PERSON_SORTS = ["created", "name", "trainings", "minutes"] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

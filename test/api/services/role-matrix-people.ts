/**
 * The records the role × route matrix needs for the people (人员): an individual added by staff.
 * The matrix has no individual column; what an individual may do (itself, not another person)
 * is in people.test.ts ("who sees whom").
 */
import { eq } from "drizzle-orm";
import { users } from "../../../src/db/schema";
import type { Client, TestApp } from "../../support/app";
import { addPerson } from "./people-support";

export interface PeopleIds {
  person: string;
}

export async function peopleFixtures(staff: Client): Promise<PeopleIds> {
  return { person: await addPerson(staff) };
}

/** The person's account version now (staff's edit, disable and enable send it back). */
export async function personVersion(t: TestApp, id: string): Promise<number | undefined> {
  return (await t.db.select({ v: users.version }).from(users).where(eq(users.id, id)))[0]?.v;
}

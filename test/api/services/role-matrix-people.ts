/**
 * The records the role × route matrix needs for the people (人员): an individual added by staff,
 * and the matrix's own individual (its own record answers 200 to it, another person's 404).
 */
import { eq } from "drizzle-orm";
import { users } from "../../../src/db/schema";
import type { Client, TestApp } from "../../support/app";
import { addPerson } from "./people-support";

export interface PeopleIds {
  person: string;
  /** The individual actor of the matrix itself. */
  selfPerson: string;
}

export async function peopleFixtures(staff: Client, selfPerson: string): Promise<PeopleIds> {
  return { person: await addPerson(staff), selfPerson };
}

/** The person's account version now (staff's edit, disable and enable send it back). */
export async function personAccountVersion(t: TestApp, id: string): Promise<number | undefined> {
  return (await t.db.select({ v: users.version }).from(users).where(eq(users.id, id)))[0]?.v;
}

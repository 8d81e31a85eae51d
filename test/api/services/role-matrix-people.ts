/**
 * The records the role × route matrix needs for the people (人员): an individual added by staff.
 * The matrix has no individual column; what an individual may do (itself, not another person)
 * is in people.test.ts ("who sees whom").
 */
import type { Client } from "../../support/app";
import { addPerson } from "./people-support";

export interface PeopleIds {
  person: string;
}

export async function peopleFixtures(staff: Client): Promise<PeopleIds> {
  return { person: await addPerson(staff) };
}

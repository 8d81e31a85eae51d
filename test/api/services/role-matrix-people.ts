/**
 * The records the role × route matrix needs for the people (人员): an individual added by staff,
 * and the matrix's own individual (its own record answers 200 to it, another person's 404).
 */
import type { Client } from "../../support/app";
import { addPerson } from "./people-support";

export interface PeopleIds {
  person: string;
  /** The individual actor of the matrix itself. */
  selfPerson: string;
}

export async function peopleFixtures(staff: Client, selfPerson: string): Promise<PeopleIds> {
  return { person: await addPerson(staff), selfPerson };
}

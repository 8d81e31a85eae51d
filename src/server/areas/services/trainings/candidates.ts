/**
 * Whom staff may enrol in a training (the enrolment dialog): the active members of an
 * organization, or organization members and individuals of the base found by name. Only a name and
 * the organization leave the database: the dialog needs no phone or account name to tell people
 * apart, and a staff member enrolling someone needs no more.
 */
import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { organizations, trainingEnrolments, users } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import type { EnrolmentCandidate, ZEnrolmentCandidatesQuery } from "../../../../schemas/services/trainings";
import type { Context } from "../../../context";
import { loadTraining } from "./load";

const LIMIT = 20;

/** Accounts that take part in trainings: organization members and individuals. */
export const enrollable = () => sql`${users.roles} && ARRAY['org_member', 'individual']::text[]`;

export async function enrolmentCandidates(
  db: Db,
  ctx: Context,
  trainingId: string,
  query: z.output<typeof ZEnrolmentCandidatesQuery>,
): Promise<{ items: EnrolmentCandidate[] }> {
  const training = await loadTraining(db, ctx, trainingId, "training.manage");
  const conditions: (SQL | undefined)[] = [
    eq(users.baseId, training.baseId),
    eq(users.status, "active"),
    enrollable(),
  ];
  if (query.organizationId) conditions.push(eq(users.organizationId, query.organizationId));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.displayName, pattern), ilike(organizations.name, pattern)));
  }
  const rows = await db
    .select({
      personId: users.id,
      name: users.displayName,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      // In the same statement, so the list runs one statement whatever it holds.
      enrolled:
        sql<boolean>`exists (select 1 from ${trainingEnrolments} e where e.training_id = ${trainingId} and e.person_id = ${users.id} and e.status <> 'cancelled')`.mapWith(
          Boolean,
        ),
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(LIMIT);
  return { items: rows };
}

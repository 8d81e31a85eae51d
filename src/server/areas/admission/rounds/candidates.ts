/** What may join a round: the call's applications not in it (inspected ones can), the base's experts not in it. */
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  applications,
  expertProfiles,
  organizations,
  roundExperts,
  roundSubjects,
  users,
} from "../../../../db/schema";
import type { RoundCandidates } from "../../../../schemas/admission/rounds";
import type { Context } from "../../../context";
import { loadRound } from "./load";

/** The statuses worth showing: those that will reach the review, and those ready for it. */
const SHOWN = ["accepted", "in_inspection", "inspected"] as const;

export async function roundCandidates(db: Db, ctx: Context, id: string): Promise<RoundCandidates> {
  const round = await loadRound(db, ctx, id);
  const inRound = db
    .select({ id: roundSubjects.subjectId })
    .from(roundSubjects)
    .where(eq(roundSubjects.roundId, id));
  const expertsIn = db
    .select({ id: roundExperts.expertId })
    .from(roundExperts)
    .where(eq(roundExperts.roundId, id));
  const [apps, experts] = await Promise.all([
    round.callId
      ? db
          .select({
            applicationId: applications.id,
            organizationName: organizations.name,
            track: applications.track,
            status: applications.status,
          })
          .from(applications)
          .innerJoin(organizations, eq(organizations.id, applications.organizationId))
          .where(
            and(
              eq(applications.callId, round.callId),
              eq(applications.baseId, round.baseId),
              inArray(applications.status, [...SHOWN]),
              notInArray(applications.id, inRound),
            ),
          )
          .orderBy(asc(applications.track), asc(organizations.name))
      : [],
    db
      .select({ expertId: users.id, displayName: users.displayName, fields: expertProfiles.fields })
      .from(users)
      .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
      .where(
        and(
          eq(users.baseId, round.baseId),
          eq(users.status, "active"),
          sql`'expert' = any(${users.roles})`,
          notInArray(users.id, expertsIn),
        ),
      )
      .orderBy(asc(users.displayName)),
  ]);
  return { applications: apps, experts: experts.map((e) => ({ ...e, fields: e.fields ?? [] })) };
}

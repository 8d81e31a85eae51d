/**
 * The demo's stage 4: every organization that confirmed its place in the first batch has been
 * incubating for about two months in the cohort "2026年第一期" (the `member` account's one
 * among them), with the person who decided its admission responsible. Written as the service
 * writes them: the incubation, its `enrol` history row and the growth file's event, in the past.
 */
import { and, eq } from "drizzle-orm";
import { DEFAULT_INCUBATION_SETTINGS, plannedEndOn } from "../../domain/incubation/lifecycle";
import { shanghaiDate } from "../../domain/shanghai-time";
import { enrolledTitle } from "../../schemas/incubation/incubation-labels";
import type { Db } from "../client";
import { recordGrowth } from "../growth";
import { admissionDecisions, applications, cohorts, incubationEvents, incubations } from "../schema";

export async function seedIncubations(
  tx: Db,
  baseId: string,
  startedAt: Date,
  staff: { id: string; name: string },
): Promise<void> {
  const confirmed = await tx
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      track: applications.track,
      decidedBy: admissionDecisions.decidedBy,
    })
    .from(applications)
    .innerJoin(admissionDecisions, eq(admissionDecisions.applicationId, applications.id))
    .where(and(eq(applications.baseId, baseId), eq(applications.status, "confirmed")))
    .orderBy(applications.id);
  if (confirmed.length === 0) return;
  const startOn = shanghaiDate(startedAt);
  const [cohort] = await tx
    .insert(cohorts)
    .values({ baseId, name: `${startOn.slice(0, 4)}年第一期`, startsOn: startOn, createdAt: startedAt })
    .returning();
  if (!cohort) return;
  const end = plannedEndOn(startOn, DEFAULT_INCUBATION_SETTINGS.termMonths);
  for (const [i, a] of confirmed.entries()) {
    const at = new Date(startedAt.getTime() + (i % 3) * 60_000);
    const [row] = await tx
      .insert(incubations)
      .values({
        baseId,
        organizationId: a.organizationId,
        applicationId: a.id,
        cohortId: cohort.id,
        track: a.track,
        residency: "resident",
        needsDesk: a.track === "space",
        origin: "admission",
        startOn,
        plannedEndOn: end,
        responsibleId: a.decidedBy ?? staff.id,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) continue; // an organization with two confirmed places keeps one incubation
    await tx.insert(incubationEvents).values({
      baseId,
      incubationId: row.id,
      event: "enrol",
      toStatus: "active",
      details: { cohort: cohort.name, startOn, plannedEndOn: end },
      actorId: staff.id,
      actorName: staff.name,
      createdAt: at,
    });
    await recordGrowth(tx, {
      baseId,
      organizationId: a.organizationId,
      incubationId: row.id,
      kind: "incubation.enrolled",
      title: enrolledTitle(cohort.name, a.track),
      params: { cohortName: cohort.name, track: a.track, startOn, plannedEndOn: end, origin: "admission" },
      subjectId: row.id,
      actorName: staff.name,
      at,
    });
  }
}

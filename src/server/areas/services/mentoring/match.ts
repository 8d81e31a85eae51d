/**
 * Matching (导师匹配): the facts the ranking needs for one incubation, read in a few statements,
 * and the ranking itself (src/domain/services/mentor-match.ts). Conflicts are the expert review's
 * (admission/experts/conflicts.ts): who inspected, belongs to, shares a phone or a mail domain
 * with, or is linked to the organization is left out, as is who declared a conflict.
 */
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { assessments, mentorships, needs, organizations } from "../../../../db/schema";
import { rankMentors, weakDimensions } from "../../../../domain/services/mentor-match";
import type { MatchView } from "../../../../schemas/services/mentoring";
import type { Context } from "../../../context";
import { findConflicts } from "../../admission/experts/conflicts";
import { loadIncubation } from "../../incubation/incubations/load";
import { mentorEntries } from "./profiles";

export async function matchMentors(db: Db, ctx: Context, incubationId: string): Promise<MatchView> {
  const incubation = await loadIncubation(db, ctx, incubationId, "mentor.manage");
  const [org] = await db
    .select({ name: organizations.name, fields: organizations.fields })
    .from(organizations)
    .where(eq(organizations.id, incubation.organizationId));
  const needRows = await db
    .selectDistinct({ key: needs.dimensionKey })
    .from(needs)
    .where(
      and(eq(needs.incubationId, incubationId), eq(needs.status, "open"), isNotNull(needs.dimensionKey)),
    );
  // The baseline: the base's assessment if submitted, else the organization's own.
  const [baseline] = await db
    .select({ result: assessments.result })
    .from(assessments)
    .where(
      and(
        eq(assessments.incubationId, incubationId),
        eq(assessments.phase, "baseline"),
        eq(assessments.status, "submitted"),
      ),
    )
    .orderBy(sql`case when ${assessments.side} = 'assessor' then 0 else 1 end`, desc(assessments.submittedAt))
    .limit(1);
  const mentors = await mentorEntries(db, incubation.baseId);
  const current = await db
    .select({ mentorId: mentorships.mentorId })
    .from(mentorships)
    .where(and(eq(mentorships.incubationId, incubationId), eq(mentorships.status, "active")));
  const conflicts = await findConflicts(
    db,
    incubation.baseId,
    mentors.map((m) => m.id),
    [incubation.organizationId],
  );
  const organization = {
    fields: org?.fields ?? [],
    needDimensions: needRows.flatMap((n) => (n.key ? [n.key] : [])),
    weakDimensions: weakDimensions(baseline?.result ?? null),
  };
  const { ranked, excluded } = rankMentors(
    organization,
    mentors.map((m) => ({
      id: m.id,
      name: m.name,
      fields: m.fields,
      skills: m.skills,
      capacity: m.capacity,
      load: m.load,
      active: m.active,
      current: current.some((c) => c.mentorId === m.id),
      // Having mentored the organization before is no conflict for mentoring it again.
      conflicts: conflicts.filter((c) => c.expertId === m.id && c.kind !== "mentor").map((c) => c.kind),
    })),
  );
  const byId = new Map(mentors.map((m) => [m.id, m]));
  return {
    organizationName: org?.name ?? "",
    organizationFields: organization.fields,
    needDimensions: organization.needDimensions,
    weakDimensions: organization.weakDimensions,
    ranked: ranked.map(({ id, score, fields, needSkills, weakSkills }) => ({
      mentor: byId.get(id) as (typeof mentors)[number],
      score,
      fields,
      needSkills,
      weakSkills,
    })),
    excluded: excluded.map(({ id, reason, conflicts }) => ({
      mentor: byId.get(id) as (typeof mentors)[number],
      reason,
      conflicts,
    })),
  };
}

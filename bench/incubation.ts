/**
 * Stage 4 of the bench's data: cohorts (one a call, as a base admits a cohort from each call),
 * incubations of a tenth of the generated organizations (about the share a base incubates, on
 * site or virtually: 32 resident and a hundred virtual of a district's thousand), their first
 * history row, their baselines (the organization's and the base's, every indicator scored on the
 * track's active instrument, nine in ten done), and each one's growth file: the incubation's start and a few hundred events of a
 * year (assessments, needs, the plan's actions, in the months of the stay), so that a city holds
 * about a million events with the recruitment's own. All by COPY, seeded, the same on every run.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { rowsOf } from "../src/db/client";
import {
  activeInstruments,
  assessmentScores,
  assessments,
  cohorts,
  growthEvents,
  incubationEvents,
  incubations,
  instrumentVersions,
} from "../src/db/schema";
import type { ProfileRow } from "../src/db/seed/application-writer";
import { pickerOf, seededRandom } from "../src/db/seed/generate";
import { TRACKS } from "../src/domain/call";
import { scoreAssessment } from "../src/domain/incubation/assessment-scoring";
import type { InstrumentContent } from "../src/domain/incubation/instrument";
import { addDays, plannedEndOn } from "../src/domain/incubation/lifecycle";
import { shanghaiDate } from "../src/domain/shanghai-time";
import { enrolledTitle } from "../src/schemas/incubation/incubation-labels";
import { copyRows } from "./bulk";
import { seededUuid } from "./recorder";

/** The share of the generated organizations that are incubated. */
const SHARE = 0.1;
/** Events in one incubation's growth file besides its start: a busy year's. */
const EVENTS_PER_INCUBATION = 320;

/** What a line of the bench's growth files reads (kinds the platform writes, titles as they read). */
const EVENT_LINES: { kind: string; zhCN: string; en: string }[] = [
  { kind: "assessment.submitted", zhCN: "提交能力评估", en: "Submitted a capacity assessment" },
  { kind: "need.recorded", zhCN: "记录问题与需求", en: "Recorded a need" },
  { kind: "plan.action_done", zhCN: "完成孵化计划行动", en: "Completed a plan action" },
  { kind: "plan.agreed", zhCN: "确认孵化计划", en: "Agreed the incubation plan" },
];

export interface LoadedIncubation {
  cohorts: number;
  incubations: number;
  growthEvents: number;
  assessments: number;
  /** The cohort with the most incubations: the list and distribution scenarios'. */
  cohortId: string;
  /** Organizations with an incubation, for the growth file scenario. */
  organizationIds: string[];
}

export async function loadIncubation(
  database: Database,
  baseId: string,
  applicants: ProfileRow[],
  options: { seed: number; calls: number },
): Promise<LoadedIncubation> {
  const random = seededRandom(options.seed ^ 0x4c0b);
  const ids = () => seededUuid(random);
  const pick = pickerOf(random);
  const today = shanghaiDate(new Date());
  const versions = await database.db
    .select({
      track: activeInstruments.track,
      id: instrumentVersions.id,
      content: instrumentVersions.content,
    })
    .from(activeInstruments)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, activeInstruments.instrumentVersionId))
    .where(eq(activeInstruments.baseId, baseId));
  const versionOf = new Map<string, { id: string; content: InstrumentContent }>(
    versions.map((v) => [v.track, { id: v.id, content: v.content }]),
  );
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const scoreRows: (typeof assessmentScores.$inferInsert)[] = [];
  const [staff] = rowsOf<{ id: string; name: string }>(
    await database.db.execute(sql`SELECT id, display_name AS name FROM users WHERE username = 'staff'`),
  );
  // One cohort a call, the newest starting two months ago, the older a year apart.
  const cohortRows = Array.from({ length: options.calls }, (_, i) => {
    const startsOn = addDays(today, -60 - 365 * (options.calls - 1 - i));
    return {
      id: ids(),
      baseId,
      name: `${startsOn.slice(0, 4)}年第${i + 1}期（基准测试）`,
      startsOn,
    };
  });
  await copyRows(database, cohorts, cohortRows);
  const chosen = applicants.filter(() => random() < SHARE);
  const incubationRows: (typeof incubations.$inferInsert)[] = [];
  const eventRows: (typeof incubationEvents.$inferInsert)[] = [];
  const growthRows: (typeof growthEvents.$inferInsert)[] = [];
  chosen.forEach((organization, i) => {
    // The newest cohort holds as many as the older ones together: a base grows.
    const cohort =
      (i % 2 === 0 ? cohortRows.at(-1) : cohortRows[Math.floor(random() * cohortRows.length)]) ??
      (cohortRows[0] as (typeof cohortRows)[number]);
    const track = pick(TRACKS);
    const end = plannedEndOn(cohort.startsOn, 12);
    const open = end >= today;
    const id = ids();
    const at = new Date(`${cohort.startsOn}T09:00:00+08:00`);
    incubationRows.push({
      id,
      baseId,
      organizationId: organization.id,
      cohortId: cohort.id,
      track,
      residency: random() < 0.25 ? "resident" : "virtual",
      needsDesk: track === "space",
      origin: "direct",
      enrolReason: "基准测试数据",
      startOn: cohort.startsOn,
      plannedEndOn: end,
      endedOn: open ? null : end,
      responsibleId: staff?.id ?? null,
      status: open ? "active" : random() < 0.85 ? "graduated" : "terminated",
      createdAt: at,
      updatedAt: at,
    });
    eventRows.push({
      baseId,
      incubationId: id,
      event: "enrol",
      toStatus: "active",
      details: { cohort: cohort.name, startOn: cohort.startsOn, plannedEndOn: end },
      actorId: staff?.id ?? null,
      actorName: staff?.name ?? null,
      createdAt: at,
    });
    growthRows.push({
      baseId,
      organizationId: organization.id,
      incubationId: id,
      kind: "incubation.enrolled",
      title: enrolledTitle(cohort.name, track),
      params: {
        cohortName: cohort.name,
        track,
        startOn: cohort.startsOn,
        plannedEndOn: end,
        origin: "direct",
      },
      subjectId: id,
      actorName: staff?.name ?? null,
      occurredAt: at,
    });
    const version = versionOf.get(track);
    if (version && random() < 0.9) {
      for (const side of ["self", "assessor"] as const) {
        const scores: Record<string, number> = {};
        for (const d of version.content.dimensions)
          for (const indicator of d.indicators) scores[indicator.key] = 1 + Math.floor(random() * 4);
        const result = scoreAssessment(version.content, scores);
        const assessmentId = ids();
        const submittedAt = new Date(at.getTime() + (side === "self" ? 12 : 20) * 86_400_000);
        assessmentRows.push({
          id: assessmentId,
          baseId,
          incubationId: id,
          organizationId: organization.id,
          instrumentVersionId: version.id,
          phase: "baseline",
          side,
          assessorId: staff?.id ?? null,
          status: "submitted",
          total: (result.total ?? 0).toFixed(2),
          result: result.dimensions,
          submittedAt,
          submittedBy: staff?.id ?? null,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        });
        for (const [indicatorKey, score] of Object.entries(scores))
          scoreRows.push({ assessmentId, indicatorKey, score, comment: "" });
      }
    }
    // The year's events spread over the days of the stay so far.
    const days = Math.max(1, Math.min(365, Math.round((Date.now() - at.getTime()) / 86_400_000)));
    for (let e = 0; e < EVENTS_PER_INCUBATION; e++) {
      const line = pick(EVENT_LINES);
      growthRows.push({
        baseId,
        organizationId: organization.id,
        incubationId: id,
        kind: line.kind,
        title: { zhCN: line.zhCN, en: line.en },
        params: { note: null },
        actorName: staff?.name ?? null,
        occurredAt: new Date(at.getTime() + Math.floor(random() * days * 86_400_000)),
      });
    }
  });
  await copyRows(database, incubations, incubationRows);
  await copyRows(database, incubationEvents, eventRows);
  await copyRows(database, assessments, assessmentRows);
  await copyRows(database, assessmentScores, scoreRows);
  await copyRows(database, growthEvents, growthRows);
  const [counted] = rowsOf<{ n: number }>(
    await database.db.execute(sql`SELECT count(*)::int AS n FROM growth_events`),
  );
  const newest = cohortRows.at(-1);
  return {
    cohorts: cohortRows.length,
    incubations: incubationRows.length,
    assessments: assessmentRows.length,
    growthEvents: counted?.n ?? 0,
    cohortId: newest?.id ?? "",
    organizationIds: incubationRows.map((r) => r.organizationId).slice(0, 1000),
  };
}

/**
 * Small fixtures for the assessment tests, written straight to the database (the instrument
 * editor and the incubation pages are other areas): a cohort, an incubation, an instrument with
 * a published version made active for a track, and a helper that scores every indicator.
 */
import { and, eq, notInArray } from "drizzle-orm";
import {
  activeInstruments,
  assessments,
  cohorts,
  incubations,
  instruments,
  instrumentVersions,
  users,
} from "../../../src/db/schema";
import type { Track } from "../../../src/domain/call";
import { ASSESSMENT_PHASES, type AssessmentPhase } from "../../../src/domain/incubation/assessment";
import type { InstrumentContent } from "../../../src/domain/incubation/instrument";
import type { Client, TestApp } from "../../support/app";

let serial = 0;
const words = (zhCN: string, en: string) => ({ zhCN, en });
const levels = () => [
  { score: 1, description: words("尚未建立", "Not in place") },
  { score: 2, description: words("初步建立", "Beginning") },
  { score: 3, description: words("基本健全", "Mostly in place") },
  { score: 4, description: words("健全有效", "Fully effective") },
];

/** A small instrument: two dimensions (60/40) of two and one indicators, scale 1-4. */
function smallInstrument(): InstrumentContent {
  const indicator = (key: string, zh: string, en: string, weight: number) => ({
    key,
    name: words(zh, en),
    description: words(`${zh}的情况`, `How ${en} stands`),
    weight,
    evidence: words("章程、会议记录", "Statutes, minutes"),
    levels: levels(),
  });
  return {
    scale: { min: 1, max: 4 },
    dimensions: [
      {
        key: "governance",
        name: words("治理结构", "Governance"),
        description: words("理事会与制度", "Board and rules"),
        weight: 60,
        indicators: [
          indicator("board", "理事会运作", "Board", 1),
          indicator("rules", "内部制度", "Internal rules", 1),
        ],
      },
      {
        key: "finance",
        name: words("财务管理", "Finance"),
        description: words("账目与筹资", "Books and funding"),
        weight: 40,
        indicators: [indicator("books", "财务账目", "Books", 1)],
      },
    ],
  };
}

/** Five dimensions of one indicator each (the radar's shape), scale 1-4. */
export function fiveDimensions(): InstrumentContent {
  const dims: [string, string, string][] = [
    ["governance", "治理结构", "Governance"],
    ["finance", "财务管理", "Finance"],
    ["projects", "项目管理", "Projects"],
    ["people", "人力资源", "People"],
    ["reach", "社会影响", "Reach"],
  ];
  return {
    scale: { min: 1, max: 4 },
    dimensions: dims.map(([key, zh, en]) => ({
      key,
      name: words(zh, en),
      description: words(`${zh}的总体情况`, `${en} overall`),
      weight: 20,
      indicators: [
        {
          key: `${key}_core`,
          name: words(`${zh}水平`, `${en} level`),
          description: words(`${zh}是否健全`, `Whether ${en} is in place`),
          weight: 1,
          evidence: words("相关制度与记录", "Rules and records"),
          levels: levels(),
        },
      ],
    })),
  };
}

/** A published instrument version (a new instrument each call), optionally active for `track`. */
export async function publishedVersion(
  t: Pick<TestApp, "db" | "baseId">,
  options: { track?: Track; content?: InstrumentContent; baseId?: string } = {},
): Promise<string> {
  serial += 1;
  const baseId = options.baseId ?? t.baseId;
  const [instrument] = await t.db
    .insert(instruments)
    .values({ baseId, name: `能力评估体系 ${serial} ${Math.random().toString(36).slice(2, 6)}` })
    .returning();
  const [version] = await t.db
    .insert(instrumentVersions)
    .values({
      baseId,
      instrumentId: instrument?.id as string,
      number: 1,
      status: "published",
      content: options.content ?? smallInstrument(),
      publishedAt: new Date(),
    })
    .returning();
  const id = version?.id as string;
  if (options.track) await activate(t, options.track, id, baseId);
  return id;
}

export async function activate(
  t: Pick<TestApp, "db" | "baseId">,
  track: Track,
  versionId: string,
  baseId = t.baseId,
) {
  await t.db
    .delete(activeInstruments)
    .where(and(eq(activeInstruments.baseId, baseId), eq(activeInstruments.track, track)));
  await t.db.insert(activeInstruments).values({ baseId, track, instrumentVersionId: versionId });
}

export async function cohort(t: Pick<TestApp, "db" | "baseId">, baseId = t.baseId): Promise<string> {
  serial += 1;
  const [row] = await t.db
    .insert(cohorts)
    .values({
      baseId,
      name: `2027年第${serial}期 ${Math.random().toString(36).slice(2, 6)}`,
      startsOn: "2027-03-01",
    })
    .returning();
  return row?.id as string;
}

/** An active incubation of `organizationId` in `cohortId`. */
export async function incubation(
  t: Pick<TestApp, "db" | "baseId">,
  organizationId: string,
  cohortId: string,
  options: { track?: Track; startOn?: string; baseId?: string } = {},
): Promise<string> {
  // One open incubation an organization: close any it has (the demo member's organization incubates).
  await t.db
    .update(incubations)
    .set({ status: "terminated" })
    .where(
      and(
        eq(incubations.organizationId, organizationId),
        notInArray(incubations.status, ["graduated", "terminated"]),
      ),
    );
  const [row] = await t.db
    .insert(incubations)
    .values({
      baseId: options.baseId ?? t.baseId,
      organizationId,
      cohortId,
      track: options.track ?? "org",
      residency: "resident",
      origin: "direct",
      enrolReason: "测试",
      startOn: options.startOn ?? "2027-03-01",
      plannedEndOn: "2028-03-01",
    })
    .returning();
  return row?.id as string;
}

export async function assessmentRow(t: TestApp, id: string) {
  const [row] = await t.db.select().from(assessments).where(eq(assessments.id, id));
  if (!row) throw new Error("no assessment");
  return row;
}

/** Starts (or finds) an assessment and answers its id. */
export async function start(
  client: Client,
  incubationId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await client.post(`/api/incubations/${incubationId}/assessments`, body);
  if (res.statusCode !== 200) throw new Error(`start failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** Saves scores at the current version. */
export async function save(t: TestApp, client: Client, id: string, body: Record<string, unknown>) {
  const { version } = await assessmentRow(t, id);
  return client.patch(`/api/assessments/${id}`, { version, ...body });
}

export async function submit(t: TestApp, client: Client, id: string) {
  const { version } = await assessmentRow(t, id);
  return client.post(`/api/assessments/${id}/submit`, { version });
}

/** Scores every indicator of the small instrument and submits. */
export async function fillAndSubmit(
  t: TestApp,
  client: Client,
  id: string,
  scores: { board: number; rules: number; books: number },
) {
  const res = await save(t, client, id, {
    scores: Object.entries(scores).map(([indicatorKey, score]) => ({ indicatorKey, score })),
  });
  if (res.statusCode !== 200) throw new Error(`save failed: ${res.statusCode} ${res.body}`);
  const sent = await submit(t, client, id);
  if (sent.statusCode !== 200) throw new Error(`submit failed: ${sent.statusCode} ${sent.body}`);
  return sent.json();
}

/** GROWTH more assessments of an incubation, each named on another assessor (for the N+1 test). */
export async function growAssessments(t: Pick<TestApp, "db" | "baseId">, incubationId: string, n = 10) {
  const [row] = await t.db.select().from(incubations).where(eq(incubations.id, incubationId));
  if (!row) throw new Error("no incubation");
  const versionId = await publishedVersion(t);
  const assessors = await t.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.baseId, row.baseId))
    .limit(n);
  await t.db.insert(assessments).values(
    Array.from({ length: n }, (_, i) => ({
      baseId: row.baseId,
      incubationId,
      organizationId: row.organizationId,
      instrumentVersionId: versionId,
      phase: ASSESSMENT_PHASES[i % ASSESSMENT_PHASES.length] as AssessmentPhase,
      side: "assessor" as const,
      revision: i + 1,
      assessorId: assessors[i % Math.max(1, assessors.length)]?.id ?? null,
    })),
  );
}

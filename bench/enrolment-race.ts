/**
 * A training's enrolment under concurrent sign-ups (报名抢座): `racers` members, each of another
 * organization and signed in with a session of their own, enrol at once in one published training
 * of a few seats, and the first five of them press the button twice. Round after round (a fresh
 * training each) for the row's duration. Timed (enrolments a second, each request's latency), and
 * checked afterwards through the staff's view of the training: exactly `capacity` enrolled, the
 * rest waiting in positions 1..n, each person once, every first press answered 201 and every second
 * press 409, and what each racer was told agrees with the list. A bench that checks its result.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { rowsOf } from "../src/db/client";
import { users } from "../src/db/schema";
import { seededRandom } from "../src/db/seed/generate";
import { CSRF_COOKIE } from "../src/server/areas/platform/auth/sessions";
import { copyRows } from "./bulk";
import { seededUuid } from "./recorder";
import { signIn } from "./server";

/** Seats of the race's trainings. */
export const RACE_CAPACITY = 10;
/** Trainings prepared for the race: at most this many rounds. */
export const RACE_TRAININGS = 30;
/** Racers who press twice (a double click): the second press must be refused. */
const DOUBLE_PRESSES = 5;

export interface Racer {
  username: string;
  organizationId: string;
}

/** `n` member accounts (the demo password), each of another organization of the base. */
export async function addRacers(
  database: Database,
  baseId: string,
  n: number,
  options: { passwordHash: string; seed: number },
): Promise<Racer[]> {
  const organizations = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`SELECT id FROM organizations WHERE base_id = ${baseId} ORDER BY credit_code LIMIT ${n}`,
    ),
  );
  if (organizations.length < n)
    throw new Error(
      `bench: the enrolment race needs ${n} organizations, the base has ${organizations.length}`,
    );
  const random = seededRandom(options.seed ^ 0x7ace);
  const racers = organizations.map((o, i) => ({ username: `bench-racer-${i + 1}`, organizationId: o.id }));
  await copyRows(
    database,
    users,
    racers.map((r, i) => ({
      id: seededUuid(random),
      baseId,
      username: r.username,
      displayName: `报名测试${i + 1}`,
      passwordHash: options.passwordHash,
      roles: ["org_member" as const],
      organizationId: r.organizationId,
    })),
  );
  return racers;
}

/** The race's name in the report and for `--only`. */
export const RACE_NAME = "training enrolment race (concurrent sign-ups)";

export interface RaceResult {
  racers: number;
  capacity: number;
  rounds: number;
  /** Enrolments (201 answers) a second over the rounds' wall time. */
  perSecond: number;
  p50: number;
  p99: number;
  /** What did not hold, per round; empty when every round was right. */
  problems: string[];
}

export async function runEnrolmentRace(options: {
  url: string;
  trainingIds: string[];
  racers: Racer[];
  capacity: number;
  seconds: number;
  staffCookie: string;
}): Promise<RaceResult> {
  const { url, racers, capacity } = options;
  const cookies: string[] = [];
  for (const r of racers) cookies.push(await signIn(url, r.username));
  const latencies: number[] = [];
  const problems: string[] = [];
  let busy = 0;
  let enrolled = 0;
  let rounds = 0;
  const deadline = Date.now() + options.seconds * 1000;
  for (const trainingId of options.trainingIds) {
    if (rounds > 0 && Date.now() >= deadline) break;
    rounds++;
    const press = async (i: number) => {
      const started = performance.now();
      const response = await fetch(`${url}/api/trainings/${trainingId}/enrolments`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: cookies[i] ?? "",
          "x-csrf-token": csrfOf(cookies[i]),
        },
        body: JSON.stringify({ organizationId: racers[i]?.organizationId }),
      });
      const body = (await response.json()) as { status?: string; personId?: string };
      latencies.push(performance.now() - started);
      return { i, status: response.status, told: body.status };
    };
    const started = performance.now();
    const answers = await Promise.all([
      ...racers.map((_, i) => press(i)),
      ...racers.slice(0, DOUBLE_PRESSES).map((_, i) => press(i)),
    ]);
    busy += performance.now() - started;
    const created = answers.filter((a) => a.status === 201);
    enrolled += created.length;
    const problem = (what: string) => problems.push(`round ${rounds} (training ${trainingId}): ${what}`);
    if (created.length !== racers.length)
      problem(`${created.length} enrolments answered 201 of ${racers.length} racers`);
    const refused = answers.filter((a) => a.status === 409).length;
    if (refused !== Math.min(DOUBLE_PRESSES, racers.length))
      problem(
        `${refused} second presses refused with 409, expected ${Math.min(DOUBLE_PRESSES, racers.length)}`,
      );
    const others = answers.filter((a) => a.status !== 201 && a.status !== 409);
    if (others.length > 0) problem(`answers other than 201/409: ${others.map((a) => a.status).join(", ")}`);
    const toldEnrolled = created.filter((a) => a.told === "enrolled").length;
    if (toldEnrolled !== Math.min(capacity, racers.length))
      problem(`${toldEnrolled} racers were told "enrolled", expected ${Math.min(capacity, racers.length)}`);
    // The training as staff see it: the list the seats were taken from.
    const view = await fetch(`${url}/api/trainings/${trainingId}`, {
      headers: { cookie: options.staffCookie },
    });
    const { enrolments } = (await view.json()) as {
      enrolments: { personId: string; status: string; waitPosition: number | null }[];
    };
    const people = new Set(enrolments.map((e) => e.personId));
    const seated = enrolments.filter((e) => e.status === "enrolled").length;
    const waiting = enrolments.filter((e) => e.status === "waiting");
    const positions = waiting.map((e) => e.waitPosition).sort((a, b) => (a ?? 0) - (b ?? 0));
    if (enrolments.length !== racers.length || people.size !== racers.length)
      problem(
        `${enrolments.length} enrolments of ${people.size} people, expected ${racers.length} of ${racers.length}`,
      );
    if (seated !== Math.min(capacity, racers.length)) problem(`${seated} enrolled for ${capacity} seats`);
    if (waiting.length !== Math.max(0, racers.length - capacity) || positions.some((p, i) => p !== i + 1))
      problem(`waitlist of ${waiting.length} at positions ${positions.join(",")}`);
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? Number.NaN;
  return {
    racers: racers.length,
    capacity,
    rounds,
    perSecond: busy > 0 ? enrolled / (busy / 1000) : 0,
    p50: at(0.5),
    p99: at(0.99),
    problems,
  };
}

/** The CSRF token a browser echoes from its cookie (the double submit every POST needs). */
function csrfOf(cookie: string | undefined): string {
  const pair = (cookie ?? "").split("; ").find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return pair?.slice(CSRF_COOKIE.length + 1) ?? "";
}

/**
 * Loaded into the server under test (`node --import tsx --import ./bench/sql-probe.ts`), idle
 * until the bench asks over the child's IPC channel. It answers what the bench cannot see from
 * outside, without anything in the application's own code:
 *
 * - `record` / `take`: every SQL statement the server sends (text and parameters), at the two
 *   drivers' query functions (pg's Client, the embedded database's client), between the two messages. The bench sends
 *   requests one at a time in between, so the count per request is the route's.
 * - `replay`: runs one request's statements again, one after another, on the same engine
 *   (its own connection on PostgreSQL, the server's PGlite worker otherwise) and times them:
 *   what the database's part of the route costs without HTTP, validation or serialization.
 * - `profile-start` / `profile-stop`: the V8 CPU profiler over the inspector, stopped with the
 *   functions that took the most self time.
 *
 * Background work (the SMS outbox's drain, the notification listener) may slip a statement into
 * a recording; the bench divides by several requests, so a stray one shows as a fraction.
 */
import { Session } from "node:inspector/promises";
import pg from "pg";
import { PgliteRemote } from "../src/db/pglite-remote";

interface Statement {
  text: string;
  values: unknown[];
}

let recording = false;
let recorded: Statement[] = [];
/**
 * The server's PGlite client (its worker thread's, src/db/pglite-remote.ts), as last seen running
 * a query (the replay's engine). Statements inside a transaction go by another path and are not
 * recorded (as before, when PGlite ran in-process and its transaction's query was a closure too).
 */
let pglite: PgliteRemote | null = null;

function normalize(args: unknown[]): Statement | null {
  const [first, second] = args;
  if (typeof first === "string") return { text: first, values: Array.isArray(second) ? second : [] };
  if (first && typeof first === "object" && "text" in first) {
    const config = first as { text: string; values?: unknown[] };
    return { text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) };
  }
  return null;
}

const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (recording) {
    const statement = normalize(args);
    if (statement) recorded.push(statement);
  }
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pgQuery;

const pgliteQuery = PgliteRemote.prototype.query;
PgliteRemote.prototype.query = function (this: PgliteRemote, ...args: unknown[]) {
  pglite = this;
  if (recording) {
    const statement = normalize(args);
    if (statement) recorded.push(statement);
  }
  return (pgliteQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pgliteQuery;

type Run = (this: unknown, text: string, values: unknown[]) => Promise<unknown>;

async function replay(statements: Statement[], rounds: number): Promise<number[]> {
  const totals: number[] = [];
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      for (let r = 0; r < rounds; r++) {
        const started = performance.now();
        for (const s of statements) await (pgQuery as Run).call(client, s.text, s.values);
        totals.push(performance.now() - started);
      }
    } finally {
      await client.end();
    }
    return totals;
  }
  const db = pglite;
  if (!db) throw new Error("sql-probe: no PGlite query seen yet");
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (const s of statements) await (pgliteQuery as Run).call(db, s.text, s.values);
    totals.push(performance.now() - started);
  }
  return totals;
}

let session: Session | null = null;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function (name, file and line), largest first, as shares of all samples. */
function topSelf(profile: { nodes: ProfileNode[]; samples: number[] }, count: number) {
  const byNode = new Map<number, number>();
  for (const id of profile.samples) byNode.set(id, (byNode.get(id) ?? 0) + 1);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = byNode.get(node.id) ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    // Dependencies by their package path; tsx compiles each source file to one line, so a
    // source file is named without a line.
    const file = url
      .replace(/^file:\/\//, "")
      .replace(/^.*\/node_modules\//, "")
      .replace(`${process.cwd()}/`, "");
    const line = lineNumber > 0 ? `:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${file}${line}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  }
  const total = profile.samples.length || 1;
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => ({ name, share: hits / total }));
}

type Message =
  | { probe: "record" }
  | { probe: "take" }
  | { probe: "replay"; statements: Statement[]; rounds: number }
  | { probe: "profile-start" }
  | { probe: "profile-stop"; top: number };

process.on("message", (message: Message) => {
  if (!message || typeof message !== "object" || !("probe" in message)) return;
  const answer = (body: Record<string, unknown>) => process.send?.({ probe: message.probe, ...body });
  const fail = (error: Error) => answer({ error: error.message });
  switch (message.probe) {
    case "record":
      recorded = [];
      recording = true;
      answer({});
      break;
    case "take":
      recording = false;
      answer({ statements: recorded });
      recorded = [];
      break;
    case "replay":
      replay(message.statements, message.rounds).then((totals) => answer({ totals }), fail);
      break;
    case "profile-start":
      session = new Session();
      session.connect();
      session
        .post("Profiler.enable")
        .then(() => session?.post("Profiler.setSamplingInterval", { interval: 200 }))
        .then(() => session?.post("Profiler.start"))
        .then(() => answer({}), fail);
      break;
    case "profile-stop":
      if (!session) {
        fail(new Error("sql-probe: the profiler was not started"));
        break;
      }
      session.post("Profiler.stop").then(({ profile }) => {
        session?.disconnect();
        session = null;
        answer({ top: topSelf(profile as never, message.top) });
      }, fail);
      break;
  }
});
// The IPC channel must not keep the server alive once it is asked to stop.
process.channel?.unref();

/**
 * The bench's output: the machine it ran on, one table row per engine, scenario and concurrency,
 * and one per engine for the SMS outbox's drain, as Markdown so it goes into docs/PERFORMANCE.md
 * as printed.
 */
import os from "node:os";
import type { RaceResult } from "./enrolment-race";
import type { Measurement } from "./scenarios";
import type { ProfileLine, SqlFigures } from "./server-figures";
import type { SmsDrain } from "./sms-drain";

export interface Row {
  engine: string;
  scenario: string;
  connections: number;
  measurement: Measurement;
  /** This row's requests/s over the no-database route's at the same concurrency, same run. */
  ratio: number;
  /** The server's peak resident memory during the row, MiB (0 where /proc is not there). */
  rssMiB: number;
  /** The route's SQL, measured one request at a time before its rows; null: not measured. */
  sql: SqlFigures | null;
}

export function machineLines(command: string): string[] {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  return [
    `date:    ${new Date().toISOString()}`,
    `command: ${command}`,
    `machine: ${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()} (${os.arch()})`,
    `node:    ${process.version}`,
    `load:    ${load} (1/5/15 min average when the bench started)`,
  ];
}

export interface SmsRow {
  engine: string;
  drain: SmsDrain;
}

export function table(rows: Row[]): string {
  const header = [
    "engine",
    "scenario",
    "connections",
    "requests/s",
    "p50 ms",
    "p99 ms",
    "ratio",
    "SQL/request",
    "SQL direct ms",
    "RSS MiB",
    "non-2xx",
  ];
  const figure = (n: number | undefined, digits: number) =>
    n === undefined || Number.isNaN(n) ? "-" : n.toFixed(digits);
  return markdown(
    header,
    2,
    rows.map((r) => [
      r.engine,
      r.scenario,
      String(r.connections),
      // A route slower than ten a second still shows how slow (0.3, not 0).
      r.measurement.requestsPerSecond.toFixed(r.measurement.requestsPerSecond < 10 ? 1 : 0),
      figure(r.measurement.p50, 2),
      figure(r.measurement.p99, 2),
      figure(r.ratio, 3),
      r.sql
        ? r.sql.fewest === r.sql.most
          ? String(r.sql.statements)
          : `${r.sql.statements} (${r.sql.fewest}-${r.sql.most})`
        : "-",
      figure(r.sql?.directMs, 2),
      r.rssMiB.toFixed(0),
      String(r.measurement.non2xx + r.measurement.errors),
    ]),
  );
}

export function smsTable(rows: SmsRow[]): string {
  const header = [
    "engine",
    "SMS outbox",
    "texts",
    "queued in s",
    "drained in s",
    "passes",
    "texts/s",
    "unsent",
  ];
  return markdown(
    header,
    2,
    rows.map(({ engine, drain }) => [
      engine,
      "drain, log adapter",
      String(drain.notices),
      drain.enqueueSeconds.toFixed(2),
      drain.drainSeconds.toFixed(2),
      String(drain.passes),
      drain.perSecond.toFixed(0),
      String(drain.notices - drain.sent),
    ]),
  );
}

/** A CPU profile's top functions by self time, with their share of all samples. */
export function profileTable(lines: ProfileLine[]): string {
  return markdown(
    ["function (file:line)", "self time"],
    1,
    lines.map((l) => [`\`${l.name}\``, `${(l.share * 100).toFixed(1)} %`]),
  );
}

/** Rows whose drain left queued texts unsent (deferred, retried or failed). */
export function smsFailures(rows: SmsRow[]): string[] {
  return rows
    .filter(({ drain }) => drain.sent !== drain.notices)
    .map(({ engine, drain }) => `${engine}: ${drain.sent} of ${drain.notices} texts sent`);
}

export interface RaceRow {
  engine: string;
  race: RaceResult;
}

export function raceTable(rows: RaceRow[]): string {
  const header = [
    "engine",
    "enrolment race",
    "racers",
    "seats",
    "rounds",
    "enrolments/s",
    "p50 ms",
    "p99 ms",
    "checks",
  ];
  return markdown(
    header,
    2,
    rows.map(({ engine, race }) => [
      engine,
      "one training, all at once",
      String(race.racers),
      String(race.capacity),
      String(race.rounds),
      race.perSecond.toFixed(0),
      race.p50.toFixed(1),
      race.p99.toFixed(1),
      race.problems.length === 0 ? "all held" : `${race.problems.length} failed`,
    ]),
  );
}

export function raceFailures(rows: RaceRow[]): string[] {
  return rows.flatMap(({ engine, race }) => race.problems.map((p) => `${engine}: ${p}`));
}

/** The first `left` columns are text (left-aligned), the others numbers. */
function markdown(header: string[], left: number, body: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((cells) => width(cells[i] ?? ""))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < left ? padEnd(c, widths[i] ?? 0) : padStart(c, widths[i] ?? 0))).join(" | ")} |`;
  // The rule row in the form Biome formats Markdown tables, so the table pastes into the docs as is.
  const rule = `| ${widths.map((w, i) => (i < left ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(header), rule, ...body.map(line)].join("\n");
}

/** Rows that saw anything but 2xx answers (or connection errors), described for the failure. */
export function failures(rows: Row[]): string[] {
  return rows
    .filter((r) => r.measurement.non2xx > 0 || r.measurement.errors > 0)
    .map(
      (r) =>
        `${r.engine} / ${r.scenario} / ${r.connections} connections: ${r.measurement.non2xx} non-2xx ` +
        `${JSON.stringify(r.measurement.statusCodes)}, ${r.measurement.errors} connection errors or timeouts`,
    );
}

// Chinese characters take two columns in a terminal.
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

function padEnd(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}

function padStart(text: string, to: number): string {
  return " ".repeat(Math.max(0, to - width(text))) + text;
}

/**
 * The bench's bulk load: rows as Drizzle's objects, written with COPY ... FROM STDIN in its text
 * format on both engines (PostgreSQL through the `pg` connection's COPY sub-protocol, PGlite
 * through its `/dev/blob` device). At city scale (about three million rows) this takes a
 * fraction of what 1,000-row INSERTs do, whose SQL text Drizzle builds and PostgreSQL parses
 * row by row. Values go through each column's own driver mapping (jsonb, arrays, timestamps), so
 * what lands is what the application would have written.
 */
import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Database } from "../src/db/client";

type Row = Record<string, unknown>;

/** Rows per COPY: large enough that the round trips do not count, small enough to stream. */
const CHUNK = 20_000;

/** Time spent in copyRows so far (text made and sent), to tell the load's own cost from it. */
export const copyClock = { seconds: 0, rows: 0 };

/**
 * COPYs `rows` into `table`. A row that leaves a column out gets its default: rows are grouped
 * by the columns they set, one COPY per group (COPY has no DEFAULT per value).
 */
export async function copyRows(database: Database, table: Table, rows: Row[]): Promise<void> {
  const started = performance.now();
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    // A generated column is the database's to fill (as Drizzle's insert leaves it out).
    const keys = Object.keys(columns)
      .filter((k) => row[k] !== undefined && !columns[k]?.generated)
      .join(",");
    const group = groups.get(keys);
    if (group) group.push(row);
    else groups.set(keys, [row]);
  }
  for (const [joined, group] of groups) {
    const keys = joined.split(",");
    const names = keys.map((k) => `"${(columns[k] as PgColumn).name}"`).join(", ");
    const statement = `COPY "${getTableName(table)}" (${names}) FROM STDIN`;
    for (let start = 0; start < group.length; start += CHUNK) {
      const lines: string[] = [];
      for (const row of group.slice(start, start + CHUNK)) {
        lines.push(keys.map((k) => copyText(columns[k] as PgColumn, row[k])).join("\t"));
      }
      await copyIn(database, statement, `${lines.join("\n")}\n`);
    }
  }
  copyClock.seconds += (performance.now() - started) / 1000;
  copyClock.rows += rows.length;
}

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyText(column: PgColumn, value: unknown): string {
  if (value === null) return "\\N";
  const mapped = column.mapToDriverValue(value);
  const text =
    mapped instanceof Date
      ? mapped.toISOString()
      : typeof mapped === "object"
        ? JSON.stringify(mapped)
        : String(mapped);
  return text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] as string);
}
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

async function copyIn(database: Database, statement: string, data: string): Promise<void> {
  if (database.pglite) {
    await database.pglite.query(statement.replace("FROM STDIN", "FROM '/dev/blob'"), [], {
      blob: new Blob([data]),
    });
    return;
  }
  if (!database.pool) throw new Error("bench: a database with neither PGlite nor a pool");
  const client = await database.pool.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      client.query(
        new CopyFromText(statement, Buffer.from(data), (error) => (error ? reject(error) : resolve())),
      );
    });
  } finally {
    client.release();
  }
}

/**
 * A `pg` submittable (the interface `pg-copy-streams` implements) that sends one buffer as the
 * COPY's data: the client hands it the connection when PostgreSQL asks for the rows, and calls
 * back once the server is ready for the next query, or with the error as soon as it failed.
 */
class CopyFromText implements pg.Submittable {
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly done: (error: Error | null) => void,
  ) {}

  submit(connection: pg.Connection): void {
    (connection as unknown as { query(text: string): void }).query(this.text);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    const copy = connection as unknown as { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void };
    // CopyData messages carry at most 1 GiB; chunks of a few MiB keep the socket's buffer small.
    for (let at = 0; at < this.data.length; at += 4 << 20)
      copy.sendCopyFromChunk(this.data.subarray(at, at + (4 << 20)));
    copy.endCopyFrom();
  }

  handleCommandComplete(): void {}

  /** The client forgets a failed query before the server is ready again: answer now. */
  handleError(error: Error): void {
    this.done(error);
  }

  handleReadyForQuery(): void {
    this.done(null);
  }
}

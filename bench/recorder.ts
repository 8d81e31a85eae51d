/**
 * A stand-in for the database the demo seed's writers (src/db/seed/application-*.ts) write to:
 * it keeps their rows in memory, so the bench plays thousands of applications with the demo's own
 * code and then COPYs every table's rows in (bench/bulk.ts) instead of one statement per row.
 * It answers only what those writers ask: `insert().values()` (with `.returning()` of columns it
 * knows, or `.onConflictDoUpdate()`), and `update().set().where(eq(table.id, …))`. Anything else
 * throws at once, so a writer that starts to read from the database is noticed on the first run.
 */
import { getTableColumns, getTableName, type SQL, type Table } from "drizzle-orm";
import { getTableConfig, type PgColumn, PgDialect, type PgTable } from "drizzle-orm/pg-core";
import type { Database, Db } from "../src/db/client";
import { copyRows } from "./bulk";

type Row = Record<string, unknown>;

export class RowRecorder {
  private readonly rows = new Map<Table, Row[]>();
  private readonly byId = new Map<Table, Map<string, Row>>();
  /** Rows inserted with `onConflictDoUpdate`, by their conflict target's values. */
  private readonly byKey = new Map<Table, Map<string, Row>>();
  private readonly dialect = new PgDialect();

  /** `newId` gives the ids the writers get back from `.returning()` (seeded: the same every run). */
  constructor(private readonly newId: () => string) {}

  /** What the writers take for their `tx`. */
  get db(): Db {
    const unsupported = (what: string) => () => {
      throw new Error(`bench: the row recorder does not answer ${what}`);
    };
    return {
      insert: (table: Table) => ({ values: (values: Row | Row[]) => this.insert(table, values) }),
      update: (table: Table) => ({
        set: (values: Row) => ({ where: (where: SQL) => this.update(table, values, where) }),
      }),
      select: unsupported("select()"),
      execute: unsupported("execute()"),
      delete: unsupported("delete()"),
      transaction: unsupported("transaction()"),
    } as unknown as Db;
  }

  count(table: Table): number {
    return this.rows.get(table)?.length ?? 0;
  }

  /** COPYs every recorded row in, table by table in `order` (parents before children). */
  async insertAll(database: Database, order: Table[]): Promise<void> {
    for (const table of this.rows.keys()) {
      if (!order.includes(table)) throw new Error(`bench: no insert order given for ${getTableName(table)}`);
    }
    for (const table of order)
      await copyRows(database, table, referencedFirst(table, this.rows.get(table) ?? []));
  }

  /** Forgets the recorded rows (once inserted); returns how many there were. */
  clear(): number {
    let n = 0;
    for (const rows of this.rows.values()) n += rows.length;
    this.rows.clear();
    this.byId.clear();
    this.byKey.clear();
    return n;
  }

  private insert(table: Table, values: Row | Row[]) {
    const added = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v }));
    const list = this.rows.get(table) ?? [];
    this.rows.set(table, list);
    list.push(...added);
    return Object.assign(Promise.resolve([]), {
      returning: (fields: Record<string, PgColumn>) =>
        Promise.resolve(added.map((row) => this.returned(table, row, fields))),
      onConflictDoUpdate: (config: { target: PgColumn[]; set: Row }) => {
        const keys = config.target.map((column) => keyOf(table, column));
        const seen = this.byKey.get(table) ?? new Map<string, Row>();
        this.byKey.set(table, seen);
        for (const row of added) {
          const key = JSON.stringify(keys.map((k) => row[k]));
          const existing = seen.get(key);
          if (!existing) {
            seen.set(key, row);
            continue;
          }
          Object.assign(existing, config.set);
          list.splice(list.lastIndexOf(row), 1);
        }
        return Promise.resolve([]);
      },
    });
  }

  private returned(table: Table, row: Row, fields: Record<string, PgColumn>): Row {
    const out: Row = {};
    for (const [alias, column] of Object.entries(fields)) {
      const key = keyOf(table, column);
      if (key === "id" && row.id === undefined) {
        row.id = this.newId();
        const ids = this.byId.get(table) ?? new Map<string, Row>();
        this.byId.set(table, ids);
        ids.set(row.id as string, row);
      }
      if (row[key] === undefined)
        throw new Error(`bench: the recorder cannot know ${getTableName(table)}.${key}`);
      out[alias] = row[key];
    }
    return out;
  }

  private update(table: Table, values: Row, where: SQL): Promise<never[]> {
    const query = this.dialect.sqlToQuery(where);
    const id = query.params[0];
    const row = typeof id === "string" ? this.byId.get(table)?.get(id) : undefined;
    if (!/^"[a-z_]+"\."id" = \$1$/.test(query.sql) || !row) {
      throw new Error(`bench: the recorder updates only a recorded row by id, not where ${query.sql}`);
    }
    Object.assign(row, values);
    return Promise.resolve([]);
  }
}

/**
 * The rows with every row another one of them refers to placed before it (a replaced document
 * names its replacement, which the writers insert later): a reference from one INSERT of 1,000
 * to a row of the next would fail its foreign key.
 */
function referencedFirst(table: Table, rows: Row[]): Row[] {
  const keys = getTableConfig(table as PgTable)
    .foreignKeys.map((fk) => fk.reference())
    .filter((reference) => reference.foreignTable === table)
    .flatMap((reference) => reference.columns.map((column) => keyOf(table, column)));
  if (keys.length === 0) return rows;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const placed = new Set<Row>();
  const ordered: Row[] = [];
  const place = (row: Row) => {
    if (placed.has(row)) return;
    placed.add(row);
    for (const key of keys) {
      const referenced = row[key] === undefined || row[key] === null ? undefined : byId.get(row[key]);
      if (referenced) place(referenced);
    }
    ordered.push(row);
  };
  for (const row of rows) place(row);
  return ordered;
}

/** The property name of `column` in `table`'s rows (the writers' objects use these). */
function keyOf(table: Table, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!entry) throw new Error(`bench: ${column.name} is not a column of ${getTableName(table)}`);
  return entry[0];
}

/** A version-4 UUID from a seeded generator: repeatable ids for repeatable data. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

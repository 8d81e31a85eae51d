/**
 * CHECK constraints for the enumerations the domain defines (tracks, statuses, roles, ...), built
 * from the same constant arrays, so the database refuses a value the code does not know, whoever
 * writes it. Adding a value to an array changes the constraint, and drizzle-kit writes the
 * migration that replaces it.
 */
import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, check } from "drizzle-orm/pg-core";

const literals = (values: readonly string[]): SQL =>
  sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", "));

/** The column holds one of `values` (or NULL, where the column allows it). */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  return check(name, sql`${column} IN (${literals(values)})`);
}

/** Every element of the array column is one of `values`. */
export function eachOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  return check(name, sql`${column} <@ ARRAY[${literals(values)}]::text[]`);
}

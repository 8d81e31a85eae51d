/**
 * Every string a request can carry goes through the one text rule (src/schemas/common.ts) or a
 * strict format (uuid, ISO date, email): walks every request contract exported by src/schemas.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { isCheckedString } from "../../src/schemas/common";

const modules = import.meta.glob<Record<string, unknown>>("../../src/schemas/**/*.ts", { eager: true });
/** Request contracts by their names: inputs, edits, bodies, queries, params, filters. */
const REQUEST =
  /^Z\w*(Input|Update|Body|Query|Request|Params|Filter|Draft|Create|Submit|Withdraw|Action|Item)$/;

type Def = { type: string; [key: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** The paths of string nodes that skip the rule. */
function unchecked(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: unknown, at: string) => unchecked(child as z.ZodType, at, seen);
  switch (def.type) {
    case "string":
      return isCheckedString(schema) ? [] : [path];
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) =>
        walk(v, `${path}.${k}`),
      );
    case "array":
      return walk(def.element, `${path}[]`);
    case "record":
      return [...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case "union":
      return (def.options as unknown[]).flatMap((o, i) => walk(o, `${path}|${i}`));
    case "pipe":
      return [...walk(def.in, path), ...walk(def.out, path)];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return walk(def.innerType, path);
    default:
      return [];
  }
}

describe("request contracts", () => {
  const contracts = Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(
        ([name, value]) =>
          REQUEST.test(name) && typeof value === "object" && value !== null && "_zod" in value,
      )
      .map(
        ([name, value]) => [`${file.replace("../../src/schemas/", "")} ${name}`, value as z.ZodType] as const,
      ),
  );

  it("are found (the walk is not silently empty)", () => {
    expect(contracts.length).toBeGreaterThan(25);
  });

  it.each(contracts)("%s: every string field uses the text rule", (_name, schema) => {
    expect(unchecked(schema, "")).toEqual([]);
  });
});

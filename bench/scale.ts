/**
 * How much data a bench run loads (`--scale=`): three named sizes of an installation, or a bare
 * number of organizations as before the sizes existed (with the recruitment of that time: one
 * call of about 2,000 applications).
 *
 * The applications are spread over `calls` calls of `perCall` each: the demo's open call (its
 * stories in the demo's mix of statuses, its accepted applications in an open round that the
 * demo `expert` is scoring) and `calls - 1` earlier calls generated before it, whose
 * applications were all accepted, inspected and scored in a closed round, `k` reviews each, by
 * the same `experts`. A round of an earlier call is the ranking the bench times (1,500
 * applications and 7,500 reviews at city scale).
 */
import type { Engine } from "../src/db/client";

export interface Scale {
  name: string;
  organizations: number;
  calls: number;
  /** Applications per call (fewer where the rules or the organizations run out). */
  perCall: number;
  experts: number;
  /** Reviews per application in a round. */
  k: number;
  /** The engines this size may run on. */
  engines: Engine[];
}

const SCALES: Record<string, Scale> = {
  // One district's base: the embedded engine's home.
  district: {
    name: "district",
    organizations: 150,
    calls: 4,
    perCall: 100,
    experts: 20,
    k: 3,
    engines: ["pglite", "postgres"],
  },
  // 60,000 applications, about 300,000 reviews (1.5 million criterion scores).
  city: {
    name: "city",
    organizations: 20_000,
    calls: 40,
    perCall: 1500,
    experts: 300,
    k: 5,
    engines: ["pglite", "postgres"],
  },
  // 300,000 applications and 1.5 million reviews: more than one embedded process should hold.
  province: {
    name: "province",
    organizations: 100_000,
    calls: 200,
    perCall: 1500,
    experts: 300,
    k: 5,
    engines: ["postgres"],
  },
};

/** `district`, `city`, `province`, or a number of organizations (the older form). */
export function parseScale(raw: string): Scale {
  const named = SCALES[raw];
  if (named) return named;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(
      `bench: --scale must be ${Object.keys(SCALES).join(", ")} or a number of organizations, got "${raw}"`,
    );
  }
  return {
    name: `${n} organizations`,
    organizations: n,
    calls: 1,
    perCall: 2000,
    experts: 40,
    k: 3,
    engines: ["pglite", "postgres"],
  };
}

/** Refuses an engine the size is not meant for, before anything is loaded. */
export function checkEngines(scale: Scale, engines: Engine[]): void {
  const refused = engines.filter((e) => !scale.engines.includes(e));
  if (refused.length > 0) {
    throw new Error(
      `bench: --scale=${scale.name} runs on ${scale.engines.join(" and ")} only, not ${refused.join(", ")}: ` +
        "an embedded database in the server's own process is meant for one district's base. " +
        `Run it with --engines=${scale.engines.join(",")}.`,
    );
  }
}

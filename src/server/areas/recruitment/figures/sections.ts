/**
 * Grouped counts → one section per base. The database groups by the finest key once (base ×
 * track × status × town); the funnel and each breakdown are sums of those groups.
 */
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../../domain/application";
import { TRACKS, type Track } from "../../../../domain/call";
import { REGISTRATION_STATUSES, type RegistrationStatus } from "../../../../domain/organization";
import type { FiguresSection } from "../../../../schemas/recruitment/figures";

export interface ApplicationGroupRow {
  baseId: string;
  track: Track;
  status: ApplicationStatus;
  townId: string | null;
  townName: string | null;
  total: number;
  submitted: number;
  accepted: number;
}

interface Counts {
  calls: { baseId: string; upcoming: number; open: number; closed: number }[];
  applications: ApplicationGroupRow[];
  kinds: { baseId: string; kind: RegistrationStatus; count: number }[];
  fields: { baseId: string; field: string; count: number }[];
  withTowns: boolean;
}

type Stage = { total: number; submitted: number; accepted: number };

export function buildSections(baseRows: { id: string; name: string }[], counts: Counts): FiguresSection[] {
  return baseRows.map((base) => {
    const mine = counts.applications.filter((r) => r.baseId === base.id);
    const call = counts.calls.find((r) => r.baseId === base.id);
    const kinds = counts.kinds.filter((r) => r.baseId === base.id);
    const funnel = sum(mine);
    return {
      baseId: base.id,
      baseName: base.name,
      calls: { upcoming: call?.upcoming ?? 0, open: call?.open ?? 0, closed: call?.closed ?? 0 },
      applications: {
        funnel: { started: funnel.total, submitted: funnel.submitted, accepted: funnel.accepted },
        byStatus: APPLICATION_STATUSES.map((status) => ({
          status,
          count: sum(mine.filter((r) => r.status === status)).total,
        })),
        byTrack: TRACKS.map((track) => ({ track, ...sum(mine.filter((r) => r.track === track)) })),
        byTown: counts.withTowns ? byTown(mine) : [],
      },
      organizations: {
        total: kinds.reduce((n, r) => n + r.count, 0),
        byKind: REGISTRATION_STATUSES.map((kind) => ({
          kind,
          count: kinds.find((r) => r.kind === kind)?.count ?? 0,
        })),
        byField: counts.fields
          .filter((r) => r.baseId === base.id)
          .map((r) => ({ field: r.field, count: r.count }))
          .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field)),
      },
    };
  });
}

/** Largest first; organizations without a town last, as one row. */
function byTown(rows: ApplicationGroupRow[]) {
  const towns = new Map<string | null, { townName: string | null; rows: ApplicationGroupRow[] }>();
  for (const row of rows) {
    const entry = towns.get(row.townId) ?? { townName: row.townName, rows: [] };
    entry.rows.push(row);
    towns.set(row.townId, entry);
  }
  return [...towns.entries()]
    .map(([townId, entry]) => ({ townId, townName: entry.townName, ...sum(entry.rows) }))
    .sort((a, b) => Number(a.townId === null) - Number(b.townId === null) || b.total - a.total);
}

function sum(rows: Stage[]): Stage {
  return rows.reduce(
    (acc, r) => ({
      total: acc.total + r.total,
      submitted: acc.submitted + r.submitted,
      accepted: acc.accepted + r.accepted,
    }),
    { total: 0, submitted: 0, accepted: 0 },
  );
}

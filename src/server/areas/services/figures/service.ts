/**
 * The service figures (服务数据), read from the service ledger (服务台账) alone: deliveries by 4Z
 * category and month, by kind, hours, satisfaction, organizations served and the share of them
 * served while virtual, persons served. Two grouped reads whatever the number of bases, scoped by
 * the policy in SQL as the recruitment and incubation figures are.
 */
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { bases, organizations, serviceDeliveries, towns } from "../../../../db/schema";
import type { ListScope } from "../../../../domain/access";
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from "../../../../domain/services/categories";
import { defaultPeriod, FIGURES_MAX_MONTHS, monthsOf, share } from "../../../../domain/services/figures";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type {
  OrganizationServiceFigures,
  ServiceFigures,
  ServiceFiguresQuery,
  ServiceFiguresView,
} from "../../../../schemas/services/figures";
import type { Context } from "../../../context";
import { fieldError } from "../../../errors";
import { requireAccess } from "../../../policy";
import { requireListScope, scopeWhere } from "../../../scope";
import { type Reads, UNSHARED } from "../../../shared-reads";
import { growthOwner } from "../../incubation/growth/timeline";

interface TotalRow {
  key: string;
  deliveries: number;
  minutes: number;
  rated: number;
  ratingSum: number;
  organizations: number;
  virtualOrganizations: number;
  persons: number;
}

interface SliceRow {
  key: string;
  month: string;
  category: ServiceCategory;
  kind: DeliveryKind;
  deliveries: number;
  minutes: number;
}

/** The period asked for, or the last twelve months; longer than five years is refused. */
function periodOf(query: ServiceFiguresQuery): { from: string; to: string } {
  const today = shanghaiDate(new Date());
  const fallback = defaultPeriod(query.to ?? today);
  const period = { from: query.from ?? fallback.from, to: query.to ?? today };
  if (period.from > period.to) throw fieldError("to", "period_reversed");
  if (monthsOf(period.from, period.to).length > FIGURES_MAX_MONTHS)
    throw fieldError("from", "figures_period_too_long", { max: FIGURES_MAX_MONTHS });
  return period;
}

/** The base's figures (staff), the bases' (a city viewer), a liaison's town's. */
export async function serviceFigures(
  db: Db,
  ctx: Context,
  query: ServiceFiguresQuery,
  reads: Reads = UNSHARED,
): Promise<ServiceFigures> {
  // The audience and the scope of the recruitment and incubation figures.
  requireAccess(ctx.actor, "stats.recruitment");
  const scope = requireListScope(ctx.actor, "stats.recruitment");
  const period = periodOf(query);
  return reads.read(`service-figures:${JSON.stringify(scope)}:${period.from}:${period.to}`, () =>
    figuresOf(db, scope, period),
  );
}

async function figuresOf(
  db: Db,
  scope: ListScope,
  period: { from: string; to: string },
): Promise<ServiceFigures> {
  const empty = { town: null, ...period, sections: [] };
  if (scope.kind === "organization" || scope.kind === "assigned" || scope.kind === "partner")
    return { scope: "base", ...empty };
  let town: { id: string; name: string } | null = null;
  if (scope.kind === "town") {
    if (!scope.townId) return { scope: "town", ...empty };
    const [row] = await db
      .select({ id: towns.id, name: towns.name })
      .from(towns)
      .where(and(eq(towns.id, scope.townId), eq(towns.baseId, scope.baseId)));
    if (!row) return { scope: "town", ...empty };
    town = row;
  }
  const baseWhere =
    scope.kind === "town"
      ? eq(bases.id, scope.baseId)
      : scope.baseIds === "all"
        ? undefined
        : inArray(bases.id, scope.baseIds);
  // A liaison's town: the deliveries to its organizations (a person served on their own has no town).
  const where = and(
    scopeWhere(scope, {
      baseId: serviceDeliveries.baseId,
      organizationId: serviceDeliveries.organizationId,
      townId: organizations.townId,
    }),
    inPeriod(period),
  );
  const [baseRows, totals, slices] = await Promise.all([
    db.select({ id: bases.id, name: bases.name }).from(bases).where(baseWhere).orderBy(asc(bases.name)),
    readTotals(db, serviceDeliveries.baseId, where),
    readSlices(db, serviceDeliveries.baseId, where),
  ]);
  const months = monthsOf(period.from, period.to);
  const sections = baseRows.map((base) => ({
    baseId: base.id,
    baseName: base.name,
    ...viewOf(
      totals.find((t) => t.key === base.id),
      slices.filter((s) => s.key === base.id),
      months,
    ),
  }));
  return {
    scope: scope.kind === "town" ? "town" : scope.baseIds === "all" ? "bases" : "base",
    town,
    ...period,
    sections:
      scope.kind === "bases" && scope.baseIds === "all"
        ? sections.filter((s) => s.totals.deliveries > 0)
        : sections,
  };
}

/** One organization's figures: staff of its base, its own members (as its growth file is read). */
export async function organizationServiceFigures(
  db: Db,
  ctx: Context,
  organizationId: string,
  query: ServiceFiguresQuery,
): Promise<OrganizationServiceFigures> {
  const organization = await growthOwner(db, ctx, organizationId);
  const period = periodOf(query);
  const where = and(eq(serviceDeliveries.organizationId, organizationId), inPeriod(period)) as SQL;
  const [totals, slices] = await Promise.all([
    readTotals(db, serviceDeliveries.organizationId, where),
    readSlices(db, serviceDeliveries.organizationId, where),
  ]);
  return {
    organization,
    ...period,
    ...viewOf(totals[0], slices, monthsOf(period.from, period.to)),
  };
}

function inPeriod(period: { from: string; to: string }): SQL {
  return and(
    gte(serviceDeliveries.deliveredOn, period.from),
    lte(serviceDeliveries.deliveredOn, period.to),
  ) as SQL;
}

type KeyColumn = typeof serviceDeliveries.baseId | typeof serviceDeliveries.organizationId;

function readTotals(db: Db, key: KeyColumn, where: SQL | undefined): Promise<TotalRow[]> {
  return db
    .select({
      key: sql<string>`${key}`,
      deliveries: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${serviceDeliveries.minutes}), 0)::int`,
      rated: sql<number>`count(${serviceDeliveries.rating})::int`,
      ratingSum: sql<number>`coalesce(sum(${serviceDeliveries.rating}), 0)::int`,
      organizations: sql<number>`count(distinct ${serviceDeliveries.organizationId})::int`,
      virtualOrganizations: sql<number>`count(distinct ${serviceDeliveries.organizationId})
        filter (where ${serviceDeliveries.residency} = 'virtual')::int`,
      persons: sql<number>`count(distinct ${serviceDeliveries.personId})::int`,
    })
    .from(serviceDeliveries)
    .leftJoin(organizations, eq(organizations.id, serviceDeliveries.organizationId))
    .where(where)
    .groupBy(key) as Promise<TotalRow[]>;
}

function readSlices(db: Db, key: KeyColumn, where: SQL | undefined): Promise<SliceRow[]> {
  const month = sql<string>`to_char(${serviceDeliveries.deliveredOn}, 'YYYY-MM')`;
  return db
    .select({
      key: sql<string>`${key}`,
      month,
      category: serviceDeliveries.category,
      kind: serviceDeliveries.kind,
      deliveries: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${serviceDeliveries.minutes}), 0)::int`,
    })
    .from(serviceDeliveries)
    .leftJoin(organizations, eq(organizations.id, serviceDeliveries.organizationId))
    .where(where)
    .groupBy(key, month, serviceDeliveries.category, serviceDeliveries.kind) as Promise<SliceRow[]>;
}

function viewOf(total: TotalRow | undefined, slices: SliceRow[], months: string[]): ServiceFiguresView {
  const t = total ?? {
    deliveries: 0,
    minutes: 0,
    rated: 0,
    ratingSum: 0,
    organizations: 0,
    virtualOrganizations: 0,
    persons: 0,
  };
  const sum = (rows: SliceRow[]) => ({
    deliveries: rows.reduce((n, r) => n + r.deliveries, 0),
    minutes: rows.reduce((n, r) => n + r.minutes, 0),
  });
  return {
    totals: {
      deliveries: t.deliveries,
      minutes: t.minutes,
      hours: Math.round(t.minutes / 6) / 10,
      rated: t.rated,
      ratingMean: t.rated > 0 ? Math.round((t.ratingSum / t.rated) * 100) / 100 : null,
      ratedShare: share(t.rated, t.deliveries),
      organizations: t.organizations,
      virtualOrganizations: t.virtualOrganizations,
      virtualShare: share(t.virtualOrganizations, t.organizations),
      persons: t.persons,
    },
    byCategory: SERVICE_CATEGORIES.map((category) => ({
      category,
      ...sum(slices.filter((s) => s.category === category)),
    })),
    byKind: DELIVERY_KINDS.map((kind) => ({ kind, ...sum(slices.filter((s) => s.kind === kind)) })),
    byMonth: months.map((month) => {
      const rows = slices.filter((s) => s.month === month);
      return {
        month,
        ...sum(rows),
        byCategory: SERVICE_CATEGORIES.map((category) => ({
          category,
          ...sum(rows.filter((r) => r.category === category)),
        })),
      };
    }),
  };
}

/**
 * The staff's list of people (人员): the base's individuals with what their trainings add up to
 * (enrolments, attendances, minutes, series with progress), filtered, sorted and paged in the
 * database (one statement for the page, one for the total); the export reads the same query.
 */
import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { personProfiles, trainingEnrolments, trainings, users } from "../../../../db/schema";
import { escapeLike } from "../../../../db/sql-text";
import { maskMobile } from "../../../../domain/phone";
import type { PersonSort } from "../../../../domain/services/people";
import type { PersonListState, PersonRow } from "../../../../schemas/services/people";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";

/** One row per person: their enrolments' counts, joined once (not a sub-select per column). */
function trainingTotals(db: Db) {
  return db
    .select({
      personId: trainingEnrolments.personId,
      trainings: sql<number>`count(*) filter (where ${trainingEnrolments.status} <> 'cancelled')`.as(
        "trainings",
      ),
      attended: sql<number>`count(*) filter (where ${trainingEnrolments.attendedAt} is not null)`.as(
        "attended",
      ),
      // The session's length, as durationMinutes (src/domain/services/trainings.ts) counts it.
      minutes:
        sql<number>`coalesce(sum(round(extract(epoch from ${trainings.endsAt} - ${trainings.startsAt}) / 60)) filter (where ${trainingEnrolments.attendedAt} is not null), 0)`.as(
          "minutes",
        ),
      series:
        sql<number>`count(distinct ${trainings.seriesId}) filter (where ${trainingEnrolments.attendedAt} is not null)`.as(
          "series",
        ),
    })
    .from(trainingEnrolments)
    .innerJoin(trainings, eq(trainings.id, trainingEnrolments.trainingId))
    .groupBy(trainingEnrolments.personId)
    .as("totals");
}

type Filter = Omit<PersonListState, "page" | "pageSize">;

/** The rows of a filter, in its order; `page` limits them to one page. */
export async function peopleRows(
  db: Db,
  ctx: Context,
  filter: Filter,
  page?: { page: number; pageSize: number },
): Promise<{ items: PersonRow[]; total: number }> {
  requireAccess(ctx.actor, "person.manage");
  const totals = trainingTotals(db);
  const n = {
    trainings: sql<number>`coalesce(${totals.trainings}, 0)`,
    attended: sql<number>`coalesce(${totals.attended}, 0)`,
    minutes: sql<number>`coalesce(${totals.minutes}, 0)`,
    series: sql<number>`coalesce(${totals.series}, 0)`,
  };
  const where = and(...conditions(ctx, filter, n));
  const direction = filter.order === "asc" ? asc : desc;
  const query = db
    .select({
      id: users.id,
      displayName: users.displayName,
      mobile: users.mobile,
      email: users.email,
      workUnit: personProfiles.workUnit,
      jobTitle: personProfiles.jobTitle,
      source: personProfiles.source,
      status: users.status,
      trainings: n.trainings.mapWith(Number),
      attended: n.attended.mapWith(Number),
      minutes: n.minutes.mapWith(Number),
      series: n.series.mapWith(Number),
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(personProfiles, eq(personProfiles.userId, users.id))
    .leftJoin(totals, eq(totals.personId, users.id))
    .where(where)
    .orderBy(direction(sortColumn(filter.sort, n)), asc(users.id));
  const [total] = page
    ? await db
        .select({ n: count() })
        .from(users)
        .leftJoin(personProfiles, eq(personProfiles.userId, users.id))
        .leftJoin(totals, eq(totals.personId, users.id))
        .where(where)
    : [undefined];
  const rows = page
    ? await query.limit(page.pageSize).offset((page.page - 1) * page.pageSize)
    : await query.limit(EXPORT_MAX_ROWS);
  const items = rows.map((r) => ({
    ...r,
    mobile: maskMobile(r.mobile),
    createdAt: r.createdAt.toISOString(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  }));
  return { items, total: total?.n ?? items.length };
}

/** An export holds at most this many rows (a district's base has a few thousand people). */
const EXPORT_MAX_ROWS = 50_000;

export async function listPeople(db: Db, ctx: Context, query: PersonListState) {
  const { page, pageSize, ...filter } = query;
  const result = await peopleRows(db, ctx, filter, { page, pageSize });
  return { ...result, page, pageSize };
}

function conditions(
  ctx: Context,
  filter: Filter,
  n: Record<"trainings" | "series", SQL<number>>,
): (SQL | undefined)[] {
  const out: (SQL | undefined)[] = [
    eq(users.baseId, ctx.actor.baseId),
    sql`${users.roles} @> ARRAY['individual']::text[]`,
  ];
  const q = filter.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    out.push(or(ilike(users.displayName, like), ilike(users.mobile, like)));
  }
  if (filter.trainings)
    out.push(filter.trainings === "yes" ? sql`${n.trainings} > 0` : sql`${n.trainings} = 0`);
  if (filter.series) out.push(filter.series === "yes" ? sql`${n.series} > 0` : sql`${n.series} = 0`);
  if (filter.source) out.push(eq(personProfiles.source, filter.source));
  return out;
}

function sortColumn(sort: PersonSort, n: Record<"trainings" | "minutes", SQL<number>>) {
  switch (sort) {
    case "name":
      return users.displayName;
    case "trainings":
      return n.trainings;
    case "minutes":
      return n.minutes;
    case "created":
      return users.createdAt;
  }
}

/** A round as the API shows it, with its counts; and the detail with subjects and experts. */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  applications,
  calls,
  expertProfiles,
  organizations,
  reviews,
  roundExperts,
  roundSubjects,
  users,
} from "../../../../db/schema";
import type { Round, RoundDetail } from "../../../../schemas/admission/rounds";
import type { RoundRow } from "./load";

interface Counts {
  subjectCount: number;
  expertCount: number;
  reviewCount: number;
  submittedCount: number;
}

export async function roundCounts(db: Db, ids: readonly string[]): Promise<Map<string, Counts>> {
  const result = new Map<string, Counts>();
  if (ids.length === 0) return result;
  const list = [...ids];
  const [subjects, experts, reviewRows] = await Promise.all([
    db
      .select({ id: roundSubjects.roundId, n: count() })
      .from(roundSubjects)
      .where(inArray(roundSubjects.roundId, list))
      .groupBy(roundSubjects.roundId),
    db
      .select({ id: roundExperts.roundId, n: count() })
      .from(roundExperts)
      .where(and(inArray(roundExperts.roundId, list), sql`${roundExperts.droppedAt} is null`))
      .groupBy(roundExperts.roundId),
    db
      .select({
        id: reviews.roundId,
        n: count(),
        submitted: sql<number>`count(*) filter (where ${reviews.status} = 'submitted')::int`,
      })
      .from(reviews)
      .where(inArray(reviews.roundId, list))
      .groupBy(reviews.roundId),
  ]);
  for (const id of list) {
    result.set(id, {
      subjectCount: subjects.find((r) => r.id === id)?.n ?? 0,
      expertCount: experts.find((r) => r.id === id)?.n ?? 0,
      reviewCount: reviewRows.find((r) => r.id === id)?.n ?? 0,
      submittedCount: Number(reviewRows.find((r) => r.id === id)?.submitted ?? 0),
    });
  }
  return result;
}

export function roundView(row: RoundRow, callTitle: string | null, counts: Counts | undefined): Round {
  return {
    id: row.id,
    callId: row.callId,
    callTitle,
    title: row.title,
    status: row.status,
    reviewsPerSubject: row.reviewsPerSubject,
    deadline: row.deadline.toISOString(),
    method: row.method,
    trimmedMinReviews: row.trimmedMinReviews,
    spreadThreshold: row.spreadThreshold,
    expertDeviationThreshold: row.expertDeviationThreshold,
    revealAfterSubmit: row.revealAfterSubmit,
    quotas: row.quotas,
    rubricIds: row.rubricIds,
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    subjectCount: counts?.subjectCount ?? 0,
    expertCount: counts?.expertCount ?? 0,
    reviewCount: counts?.reviewCount ?? 0,
    submittedCount: counts?.submittedCount ?? 0,
  };
}

export async function callTitleOf(db: Db, callId: string | null): Promise<string | null> {
  if (!callId) return null;
  const [row] = await db.select({ title: calls.title }).from(calls).where(eq(calls.id, callId)).limit(1);
  return row?.title ?? null;
}

export async function roundDetail(db: Db, row: RoundRow): Promise<RoundDetail> {
  const [counts, callTitle, subjects, experts, reviewRows] = await Promise.all([
    roundCounts(db, [row.id]),
    callTitleOf(db, row.callId),
    db
      .select({
        applicationId: roundSubjects.subjectId,
        organizationId: roundSubjects.organizationId,
        organizationName: organizations.name,
        track: roundSubjects.track,
        fields: organizations.fields,
        status: applications.status,
      })
      .from(roundSubjects)
      .innerJoin(organizations, eq(organizations.id, roundSubjects.organizationId))
      .innerJoin(applications, eq(applications.id, roundSubjects.subjectId))
      .where(eq(roundSubjects.roundId, row.id))
      .orderBy(asc(roundSubjects.track), asc(organizations.name)),
    db
      .select({
        expertId: roundExperts.expertId,
        displayName: users.displayName,
        fields: expertProfiles.fields,
        maxLoad: roundExperts.maxLoad,
        droppedAt: roundExperts.droppedAt,
      })
      .from(roundExperts)
      .innerJoin(users, eq(users.id, roundExperts.expertId))
      .leftJoin(expertProfiles, eq(expertProfiles.userId, roundExperts.expertId))
      .where(eq(roundExperts.roundId, row.id))
      .orderBy(asc(roundExperts.addedAt), asc(users.displayName)),
    db
      .select({ subjectId: reviews.subjectId, expertId: reviews.expertId, status: reviews.status })
      .from(reviews)
      .where(eq(reviews.roundId, row.id)),
  ]);
  return {
    ...roundView(row, callTitle, counts.get(row.id)),
    subjects: subjects.map((s) => {
      const mine = reviewRows.filter((r) => r.subjectId === s.applicationId);
      return {
        ...s,
        fields: s.fields ?? [],
        reviewers: mine.length,
        submitted: mine.filter((r) => r.status === "submitted").length,
      };
    }),
    experts: experts.map((e) => {
      const mine = reviewRows.filter((r) => r.expertId === e.expertId);
      return {
        ...e,
        fields: e.fields ?? [],
        droppedAt: e.droppedAt?.toISOString() ?? null,
        load: mine.length,
        submitted: mine.filter((r) => r.status === "submitted").length,
        drafts: mine.filter((r) => r.status === "draft").length,
      };
    }),
  };
}

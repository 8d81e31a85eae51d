/** Submitted versions as they were frozen, and what changed between two of them. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationSubmissions, users } from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import { diffSubmissions } from "../../../../domain/submission-diff";
import type {
  Submission,
  SubmissionCompare,
  SubmissionSnapshot,
} from "../../../../schemas/recruitment/applications";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { loadForRead } from "./load";
import { isStaff } from "./view";

/** Members see their own phone masked, as in the detail. */
function forViewer(snapshot: SubmissionSnapshot, ctx: Context): SubmissionSnapshot {
  if (isStaff(ctx)) return snapshot;
  const phone = snapshot.organization.contactPhone;
  return {
    ...snapshot,
    organization: {
      ...snapshot.organization,
      contactPhone: typeof phone === "string" ? maskMobile(phone) : (phone ?? null),
    },
  };
}

export async function getSubmission(db: Db, ctx: Context, id: string, number: number): Promise<Submission> {
  await loadForRead(db, ctx, id);
  const [row] = await db
    .select({
      number: applicationSubmissions.number,
      createdAt: applicationSubmissions.createdAt,
      snapshot: applicationSubmissions.snapshot,
      submittedByName: users.displayName,
    })
    .from(applicationSubmissions)
    .leftJoin(users, eq(users.id, applicationSubmissions.submittedBy))
    .where(and(eq(applicationSubmissions.applicationId, id), eq(applicationSubmissions.number, number)))
    .limit(1);
  if (!row) throw notFound();
  return {
    number: row.number,
    createdAt: row.createdAt.toISOString(),
    submittedByName: row.submittedByName,
    snapshot: forViewer(row.snapshot as unknown as SubmissionSnapshot, ctx),
  };
}

export async function compareSubmissions(
  db: Db,
  ctx: Context,
  id: string,
  from: number,
  to: number,
): Promise<SubmissionCompare> {
  await loadForRead(db, ctx, id);
  const rows = await db
    .select({ number: applicationSubmissions.number, snapshot: applicationSubmissions.snapshot })
    .from(applicationSubmissions)
    .where(
      and(eq(applicationSubmissions.applicationId, id), inArray(applicationSubmissions.number, [from, to])),
    );
  const find = (n: number) => {
    const row = rows.find((r) => r.number === n);
    if (!row) throw notFound();
    return forViewer(row.snapshot as unknown as SubmissionSnapshot, ctx);
  };
  return { from, to, ...diffSubmissions(find(from), find(to)) };
}

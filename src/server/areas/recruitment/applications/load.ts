/**
 * Reading what an application service works on, with the policy check the action needs: a
 * member asking for another organization's application gets 404, as if it did not exist.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { findOrganizationProfile } from "../../../../db/organization-profile";
import { applicationDocuments, applications, calls, files } from "../../../../db/schema";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { reviewRelations } from "../../admission/reviews/relations";

export type ApplicationRow = typeof applications.$inferSelect;
export type CallRow = typeof calls.$inferSelect;

/** The application as `ctx` may read it (staff of its base, its own organization's member, its assigned expert). */
export async function loadForRead(db: Db, ctx: Context, id: string): Promise<ApplicationRow> {
  requireRoleFor(ctx.actor, "application.read");
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  if (!row) throw notFound();
  await authorizeRead(db, ctx, row);
  return row;
}

/** The read check on a row already loaded (the detail reads it with the rest). */
export async function authorizeRead(db: Db, ctx: Context, row: ApplicationRow): Promise<void> {
  // An expert reads it only as its assigned (and unconflicted) reviewer.
  requireAccess(ctx.actor, "application.read", {
    ...row,
    relations: await reviewRelations(db, ctx.actor, row),
  });
}

/** The application as its own organization acts on it; `lock` takes the row for this transaction. */
export async function loadForApply(
  tx: Db,
  ctx: Context,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ApplicationRow> {
  requireRoleFor(ctx.actor, "application.apply");
  const query = tx.select().from(applications).where(eq(applications.id, id)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  requireAccess(ctx.actor, "application.apply", row);
  return row;
}

/**
 * The call, optionally locked for this transaction: "update" to count against its caps, "share" to
 * put an application into one of its tracks (a staff edit removing that track waits, then sees it).
 */
export async function loadCall(
  tx: Db,
  callId: string,
  options: { lock?: "update" | "share" } = {},
): Promise<CallRow> {
  const query = tx.select().from(calls).where(eq(calls.id, callId)).limit(1);
  const [row] = options.lock ? await query.for(options.lock) : await query;
  if (!row) throw notFound();
  return row;
}

/** The registry profile eligibility and the submission snapshot are taken from. */
export async function loadProfile(tx: Db, organizationId: string) {
  const row = await findOrganizationProfile(tx, organizationId);
  if (!row) throw notFound();
  return row;
}
export type ProfileRow = Awaited<ReturnType<typeof loadProfile>>;

/** The documents attached now (not removed), oldest first, with their files. */
export async function activeDocuments(tx: Db, applicationId: string) {
  return tx
    .select({
      id: applicationDocuments.id,
      requirementKey: applicationDocuments.requirementKey,
      file: {
        id: files.id,
        originalName: files.originalName,
        size: files.size,
        mime: files.mime,
        sha256: files.sha256,
        createdAt: files.createdAt,
      },
    })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(and(eq(applicationDocuments.applicationId, applicationId), isNull(applicationDocuments.removedAt)))
    .orderBy(asc(applicationDocuments.createdAt), asc(applicationDocuments.id));
}
export type DocumentRow = Awaited<ReturnType<typeof activeDocuments>>[number];

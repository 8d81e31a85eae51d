/**
 * A call's lifecycle: draft → published (the rules checked in full; revision 1 written, which
 * applicants see) → closed (no more applications, whatever the closing time says).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { callRevisions, calls } from "../../../../db/schema";
import type { Call } from "../../../../schemas/recruitment/calls";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { callView, findCall } from "./view";
import { managedCall, statusInvalid, throwRulesProblems } from "./write";

export async function getCall(db: Db, ctx: Context, id: string): Promise<Call> {
  const row = await managedCall(db, ctx, id);
  return callView(db, row, ctx.lang);
}

export async function publishCall(db: Db, ctx: Context, id: string, version: number): Promise<Call> {
  const current = await managedCall(db, ctx, id);
  if (current.status !== "draft") throw statusInvalid(ctx, current);
  if (version !== current.version) throw versionConflict(current.version);
  throwRulesProblems(current.rules);
  if (current.closesAt.getTime() <= Date.now()) throw fieldError("rules.closesAt", "closes_in_past");

  const row = await db.transaction(async (tx) => {
    const [saved] = await tx
      .update(calls)
      .set({
        status: "published",
        revision: 1,
        publishedAt: sql`now()`,
        version: sql`${calls.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(calls.id, id), eq(calls.version, version), eq(calls.status, "draft")))
      .returning();
    if (!saved) throw versionConflict((await findCall(tx, id))?.version ?? current.version);
    await tx.insert(callRevisions).values({
      baseId: saved.baseId,
      callId: id,
      revision: 1,
      title: saved.title,
      description: saved.description,
      rules: saved.rules,
      note: null,
      changedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      baseId: saved.baseId,
      action: "call.published",
      entityType: "call",
      entityId: id,
      before: { status: current.status },
      after: { status: saved.status, revision: 1 },
    });
    return saved;
  });
  return callView(db, row, ctx.lang);
}

export async function closeCall(db: Db, ctx: Context, id: string, version: number): Promise<Call> {
  const current = await managedCall(db, ctx, id);
  if (current.status !== "published") throw statusInvalid(ctx, current);
  if (version !== current.version) throw versionConflict(current.version);

  const row = await db.transaction(async (tx) => {
    const [saved] = await tx
      .update(calls)
      .set({
        status: "closed",
        closedAt: sql`now()`,
        version: sql`${calls.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(calls.id, id), eq(calls.version, version), eq(calls.status, "published")))
      .returning();
    if (!saved) throw versionConflict((await findCall(tx, id))?.version ?? current.version);
    await recordAudit(tx, ctx, {
      baseId: saved.baseId,
      action: "call.closed",
      entityType: "call",
      entityId: id,
      before: { status: current.status },
      after: { status: saved.status },
    });
    return saved;
  });
  return callView(db, row, ctx.lang);
}

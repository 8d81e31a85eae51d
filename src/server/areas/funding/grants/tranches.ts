/**
 * A tranche's payment (分期拨付) in two hands: one staff member prepares it once its condition
 * holds (facts read from the progress reports and the milestones), another pays it (the
 * two-person rule) with the finance office's reference. The first tranche paid makes the grant
 * active. Each step locks the grant and then the tranche, so two staff paying one tranche at once
 * are served one after the other: the second finds it paid (409).
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { grantMilestones, grants, grantTranches, progressReports, projects } from "../../../../db/schema";
import {
  nextGrantStatus,
  nextTrancheStatus,
  type TrancheEvent,
  type TrancheFacts,
  trancheConditionMet,
  twoPersonRuleMet,
} from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import "../../../../schemas/funding/grant-growth";
import type { ZTrancheStep } from "../../../../schemas/funding/grants";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { logGrantEvent, twoPersonRefusal } from "./lifecycle";
import { type GrantRow, grantStatusInvalid, loadGrant, trancheStatusInvalid } from "./load";
import { CONDITION_WORDS } from "./words";

type TrancheRow = typeof grantTranches.$inferSelect;

/** The facts every tranche of the grant is checked against, milestone by milestone. */
export async function trancheFacts(
  tx: Db,
  grant: Pick<GrantRow, "id" | "status">,
): Promise<(milestoneId: string | null) => TrancheFacts> {
  const reports = await tx
    .select({ kind: progressReports.kind })
    .from(progressReports)
    .where(and(eq(progressReports.grantId, grant.id), eq(progressReports.status, "accepted")));
  const met = await tx
    .select({ id: grantMilestones.id })
    .from(grantMilestones)
    .where(and(eq(grantMilestones.grantId, grant.id), eq(grantMilestones.status, "met")));
  const metIds = new Set(met.map((m) => m.id));
  return (milestoneId) => ({
    grantStatus: grant.status,
    midtermAccepted: reports.some((r) => r.kind === "midterm"),
    finalReportAccepted: reports.some((r) => r.kind === "final"),
    milestoneMet: !!milestoneId && metIds.has(milestoneId),
  });
}

export async function stepTranche(
  db: Db,
  ctx: Context,
  grantId: string,
  trancheId: string,
  event: Extract<TrancheEvent, "prepare" | "withdraw" | "pay">,
  input: z.output<typeof ZTrancheStep>,
): Promise<{ id: string; status: string; version: number }> {
  return db.transaction(async (tx) => {
    const grant = await loadGrant(tx, ctx, grantId, "funding.manage", { lock: true });
    const [tranche] = await tx
      .select()
      .from(grantTranches)
      .where(and(eq(grantTranches.id, trancheId), eq(grantTranches.grantId, grant.id)))
      .for("update");
    if (!tranche) throw notFound();
    const to = nextTrancheStatus(tranche.status, event);
    if (!to) throw trancheStatusInvalid(ctx, tranche.status);
    if (tranche.version !== input.version) throw versionConflict(tranche.version);
    // Money moves only while the grant runs (signed, or active): not proposed, suspended or ended.
    if (event !== "withdraw" && !["agreement_signed", "active"].includes(grant.status))
      throw grantStatusInvalid(ctx, grant.status);

    const now = new Date();
    const set: Partial<typeof grantTranches.$inferInsert> = { status: to, version: tranche.version + 1 };
    if (event === "prepare") {
      const facts = (await trancheFacts(tx, grant))(tranche.milestoneId);
      if (!trancheConditionMet(tranche.condition, facts))
        throw new AppError("tranche_condition_unmet", {
          params: { condition: CONDITION_WORDS[ctx.lang][tranche.condition] },
        });
      set.preparedBy = ctx.actor.userId;
      set.preparedAt = now;
    }
    if (event === "withdraw") {
      set.preparedBy = null;
      set.preparedAt = null;
    }
    if (event === "pay") {
      if (!twoPersonRuleMet(tranche.preparedBy, ctx.actor.userId)) throw twoPersonRefusal(ctx, "tranche");
      if (!input.paymentReference) throw fieldError("paymentReference", "payment_reference_required");
      set.paidBy = ctx.actor.userId;
      set.paidAt = now;
      set.paymentReference = input.paymentReference;
    }
    const [updated] = await tx
      .update(grantTranches)
      .set(set)
      .where(and(eq(grantTranches.id, tranche.id), eq(grantTranches.version, tranche.version)))
      .returning();
    if (!updated) throw versionConflict(tranche.version);
    await recordAudit(tx, ctx, {
      baseId: grant.baseId,
      action: `grant.tranche_${event}`,
      entityType: "grant",
      entityId: grant.id,
      before: { trancheId: tranche.id, seq: tranche.seq, status: tranche.status },
      after: {
        trancheId: tranche.id,
        seq: tranche.seq,
        status: to,
        paymentReference: updated.paymentReference,
      },
    });
    if (event === "pay") await afterPayment(tx, ctx, grant, updated);
    return { id: tranche.id, status: to, version: updated.version };
  });
}

/** The growth file's line, and the first payment making the grant active (`activate`). */
async function afterPayment(tx: Db, ctx: Context, grant: GrantRow, tranche: TrancheRow) {
  const [project] = await tx
    .select({ incubationId: projects.incubationId })
    .from(projects)
    .where(eq(projects.id, grant.projectId));
  await recordGrowth(tx, {
    baseId: grant.baseId,
    organizationId: grant.organizationId,
    incubationId: project?.incubationId ?? null,
    kind: "funding.tranche_paid",
    title: {
      zhCN: `资助 ${grant.number} 第 ${tranche.seq} 笔拨付到账：${formatFen(tranche.amountFen)} 元`,
      en: `Grant ${grant.number}, tranche ${tranche.seq} paid: CNY ${formatFen(tranche.amountFen)}`,
    },
    params: { number: grant.number, seq: tranche.seq, amountFen: tranche.amountFen },
    subjectId: grant.id,
    actorName: ctx.actor.displayName,
  });
  const active = nextGrantStatus(grant.status, "activate");
  if (!active) return;
  const [updated] = await tx
    .update(grants)
    .set({ status: active, version: grant.version + 1, updatedAt: new Date() })
    .where(eq(grants.id, grant.id))
    .returning({ version: grants.version });
  await logGrantEvent(tx, ctx, grant, "activate", active, {
    version: updated?.version ?? grant.version + 1,
    details: { trancheSeq: tranche.seq },
  });
}

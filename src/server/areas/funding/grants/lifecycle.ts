/**
 * Every change of a grant's status goes through `changeGrantStatus`: the domain's table decides
 * (else 409 with the current status), the version must match (else 409). Approving keeps the
 * two-person rule (not the preparer), locks the fund's row and refuses when its committed grants
 * plus this one would pass what it holds, re-checks the project's cap, and moves a draft project
 * to active. Closing or cancelling stops the tranches not yet paid. The status, the history row,
 * the audit entry and the growth file's event are written in one transaction.
 */

import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { grantEvents, grants, grantTranches, projects } from "../../../../db/schema";
import {
  GRANT_EVENTS_NEEDING_REASON,
  type GrantEvent,
  type GrantStatus,
  nextGrantStatus,
  twoPersonRuleMet,
} from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import { nextProjectStatus } from "../../../../domain/funding/project";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import "../../../../schemas/funding/grant-growth";
import type { GrantEventName, ZGrantStep } from "../../../../schemas/funding/grants";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";
import { type GrantRow, grantStatusInvalid, loadGrant } from "./load";
import { lockFundableProject } from "./propose";
import { checkCap, checkFund, loadFund } from "./terms";

/** 409: the actor prepared what they are about to approve. */
export function twoPersonRefusal(ctx: Context, what: "grant" | "tranche"): AppError {
  const words = {
    "zh-CN": { grant: "该资助方案", tranche: "该笔拨付" },
    en: { grant: "this grant", tranche: "this tranche's payment" },
  };
  return new AppError("two_person_rule", { params: { what: words[ctx.lang][what] } });
}

/** Writes the history row and the audit entry of a status change. */
export async function logGrantEvent(
  tx: Db,
  ctx: Context,
  row: GrantRow,
  event: GrantEvent,
  to: GrantStatus,
  extra: { reason?: string | null; version: number; details?: Record<string, string | number | null> },
) {
  await tx.insert(grantEvents).values({
    baseId: row.baseId,
    grantId: row.id,
    event,
    fromStatus: row.status,
    toStatus: to,
    reason: extra.reason ?? null,
    details: extra.details ?? null,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(tx, ctx, {
    baseId: row.baseId,
    action: `grant.${event}`,
    entityType: "grant",
    entityId: row.id,
    before: { status: row.status, version: row.version },
    after: { status: to, version: extra.version, reason: extra.reason ?? null, ...extra.details },
  });
}

async function approve(tx: Db, ctx: Context, row: GrantRow) {
  if (!twoPersonRuleMet(row.preparedBy, ctx.actor.userId)) throw twoPersonRefusal(ctx, "grant");
  // Lock order everywhere: the grant, then its project, then its fund.
  const project = await lockFundableProject(tx, row.baseId, row.projectId);
  const fund = await loadFund(tx, row.baseId, row.fundId, true);
  await checkFund(tx, fund, row.amountFen, row.id);
  if (row.fundKind === "project_grant") await checkCap(tx, row.baseId, row.projectId, row.amountFen, row.id);
  // The project's first approved grant activates it (its own state table).
  const projectStatus = nextProjectStatus(project.status, "activate");
  if (projectStatus)
    await tx
      .update(projects)
      .set({ status: projectStatus, version: project.version + 1, updatedAt: new Date() })
      .where(eq(projects.id, project.id));
  await recordGrowth(tx, {
    baseId: row.baseId,
    organizationId: row.organizationId,
    incubationId: project.incubationId,
    kind: "funding.grant_approved",
    title: {
      zhCN: `获得资助 ${row.number}：${formatFen(row.amountFen)} 元（${fund.name}）`,
      en: `Grant ${row.number} approved: CNY ${formatFen(row.amountFen)} (${fund.name})`,
    },
    params: { number: row.number, amountFen: row.amountFen, fundName: fund.name },
    subjectId: row.id,
    actorName: ctx.actor.displayName,
  });
}

export async function changeGrantStatus(
  db: Db,
  ctx: Context,
  id: string,
  event: GrantEventName,
  input: z.output<typeof ZGrantStep>,
): Promise<{ id: string; status: GrantStatus; version: number }> {
  return db.transaction(async (tx) => {
    const row = await loadGrant(tx, ctx, id, "funding.manage", { lock: true });
    const to = nextGrantStatus(row.status, event);
    if (!to) throw grantStatusInvalid(ctx, row.status);
    if (row.version !== input.version) throw versionConflict(row.version);
    const reason = input.reason ?? null;
    if (GRANT_EVENTS_NEEDING_REASON.includes(event) && !reason) throw fieldError("reason", "reason_required");

    const now = new Date();
    const set: Partial<typeof grants.$inferInsert> = { status: to, version: row.version + 1, updatedAt: now };
    if (event === "approve") {
      await approve(tx, ctx, row);
      set.approvedBy = ctx.actor.userId;
      set.approvedAt = now;
    }
    if (event === "sign") set.signedOn = input.signedOn ?? shanghaiDate(now);
    if (event === "close" || event === "cancel") {
      set.closedReason = reason;
      await tx
        .update(grantTranches)
        .set({ status: "stopped", stoppedReason: reason })
        .where(
          and(eq(grantTranches.grantId, row.id), inArray(grantTranches.status, ["pending", "prepared"])),
        );
    }
    const [updated] = await tx
      .update(grants)
      .set(set)
      .where(and(eq(grants.id, row.id), eq(grants.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version);
    await logGrantEvent(tx, ctx, row, event, to, {
      reason,
      version: updated.version,
      details: event === "sign" ? { signedOn: updated.signedOn } : undefined,
    });
    return { id: row.id, status: to, version: updated.version };
  });
}

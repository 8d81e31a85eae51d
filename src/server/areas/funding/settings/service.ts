/**
 * The base's funding settings (资金设置): the cap on a project's project grants together, the
 * grace days before a late report counts as failed, the variance threshold of budget lines. A
 * base without a row runs on the defaults; the first save creates the row (version 1 → 2, so a
 * stale screen still gets 409). `fundingSettingsOf` reads them (export it when another part needs them).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { fundingSettings } from "../../../../db/schema";
import { DEFAULT_PROJECT_GRANT_CAP_FEN } from "../../../../domain/funding/money";
import type { FundingSettingsBody, FundingSettingsView } from "../../../../schemas/funding/settings";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";

/** What a base runs on until it saves its own settings. */
const DEFAULT_FUNDING_SETTINGS = {
  projectGrantCapFen: DEFAULT_PROJECT_GRANT_CAP_FEN,
  reportGraceDays: 15,
  varianceThresholdBp: 1000,
} as const;

/** The base's settings (its row, or the defaults at version 1); FOR UPDATE with `lock`. */
async function fundingSettingsOf(
  db: Db,
  baseId: string,
  options: { lock?: boolean } = {},
): Promise<FundingSettingsView> {
  const query = db.select().from(fundingSettings).where(eq(fundingSettings.baseId, baseId));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) return { ...DEFAULT_FUNDING_SETTINGS, version: 1, saved: false };
  return {
    projectGrantCapFen: row.projectGrantCapFen,
    reportGraceDays: row.reportGraceDays,
    varianceThresholdBp: row.varianceThresholdBp,
    version: row.version,
    saved: true,
  };
}

export async function getFundingSettings(db: Db, ctx: Context): Promise<FundingSettingsView> {
  requireAccess(ctx.actor, "funding.manage");
  return fundingSettingsOf(db, ctx.actor.baseId);
}

export async function putFundingSettings(
  db: Db,
  ctx: Context,
  body: FundingSettingsBody,
): Promise<FundingSettingsView> {
  requireAccess(ctx.actor, "funding.manage");
  const baseId = ctx.actor.baseId;
  await db.transaction(async (tx) => {
    const current = await fundingSettingsOf(tx, baseId, { lock: true });
    if (current.version !== body.version) throw versionConflict(current.version);
    const after = {
      projectGrantCapFen: body.projectGrantCapFen,
      reportGraceDays: body.reportGraceDays,
      varianceThresholdBp: body.varianceThresholdBp,
    };
    const values = {
      ...after,
      version: current.version + 1,
      updatedBy: ctx.actor.userId,
      updatedAt: new Date(),
    };
    if (current.saved) {
      await tx.update(fundingSettings).set(values).where(eq(fundingSettings.baseId, baseId));
    } else {
      // Two first saves at once: the second finds the primary key taken and answers 409.
      const inserted = await tx
        .insert(fundingSettings)
        .values({ baseId, ...values })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) throw versionConflict(current.version + 1);
    }
    const { version: _v, saved: _s, ...before } = current;
    await recordAudit(tx, ctx, {
      baseId,
      action: "funding.settings",
      entityType: "base",
      entityId: baseId,
      before,
      after,
    });
  });
  return fundingSettingsOf(db, baseId);
}

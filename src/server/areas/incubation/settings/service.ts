/**
 * The base's incubation settings (孵化设置): the term in months, when the baseline assessment is
 * due, how early an exit shows as due. A base without a row runs on the defaults; the first save
 * creates the row (version 1 → 2, so a stale screen still gets 409).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { incubationSettings } from "../../../../db/schema";
import {
  DEFAULT_INCUBATION_SETTINGS,
  type IncubationSettings,
} from "../../../../domain/incubation/lifecycle";
import type {
  IncubationSettingsBody,
  IncubationSettingsView,
} from "../../../../schemas/incubation/incubations";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";

/** The base's settings (its row, or the defaults at version 1). */
export async function settingsOf(
  db: Db,
  baseId: string,
  options: { lock?: boolean } = {},
): Promise<IncubationSettings & { version: number; saved: boolean }> {
  const query = db.select().from(incubationSettings).where(eq(incubationSettings.baseId, baseId));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) return { ...DEFAULT_INCUBATION_SETTINGS, version: 1, saved: false };
  return {
    termMonths: row.termMonths,
    baselineDueDays: row.baselineDueDays,
    exitDueDays: row.exitDueDays,
    version: row.version,
    saved: true,
  };
}

export async function getSettings(db: Db, ctx: Context): Promise<IncubationSettingsView> {
  requireAccess(ctx.actor, "incubation.manage");
  return settingsOf(db, ctx.actor.baseId);
}

export async function putSettings(
  db: Db,
  ctx: Context,
  body: IncubationSettingsBody,
): Promise<IncubationSettingsView> {
  requireAccess(ctx.actor, "incubation.manage");
  const baseId = ctx.actor.baseId;
  await db.transaction(async (tx) => {
    const current = await settingsOf(tx, baseId, { lock: true });
    if (current.version !== body.version) throw versionConflict(current.version);
    const values = {
      termMonths: body.termMonths,
      baselineDueDays: body.baselineDueDays,
      exitDueDays: body.exitDueDays,
      version: current.version + 1,
      updatedBy: ctx.actor.userId,
      updatedAt: new Date(),
    };
    if (current.saved) {
      await tx.update(incubationSettings).set(values).where(eq(incubationSettings.baseId, baseId));
    } else {
      // Two first saves at once: the second finds the row's primary key taken and retries as 409.
      const inserted = await tx
        .insert(incubationSettings)
        .values({ baseId, ...values })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) throw versionConflict(current.version + 1);
    }
    const { version: _v, saved: _s, ...before } = current;
    await recordAudit(tx, ctx, {
      baseId,
      action: "incubation.settings",
      entityType: "base",
      entityId: baseId,
      before,
      after: {
        termMonths: body.termMonths,
        baselineDueDays: body.baselineDueDays,
        exitDueDays: body.exitDueDays,
      },
    });
  });
  return settingsOf(db, baseId);
}

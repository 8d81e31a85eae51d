/**
 * Staff keep the base's capacity instruments. An instrument has versions: at most one draft,
 * which is edited (with `version` for 409s) and must pass instrumentProblems to be saved or
 * published; a published version is frozen, for good: every assessment keeps the version it
 * used, so a baseline and an exit on one version compare. Editing a published instrument starts
 * the next draft (number + 1, based on the latest published). Each track's new assessments use
 * one published version, the active one.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { activeInstruments, instruments, instrumentVersions } from "../../../../db/schema";
import type { Track } from "../../../../domain/call";
import type { InstrumentContent } from "../../../../domain/incubation/instrument";
import { instrumentProblems } from "../../../../domain/incubation/instrument-problems";
import type {
  Instrument,
  InstrumentCreate,
  InstrumentDraftSave,
  InstrumentList,
  InstrumentVersionView,
} from "../../../../schemas/incubation/instruments";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import {
  activeByVersion,
  ensureInstruments,
  type InstrumentVersionRow,
  instrumentView,
  loadInstrument,
  loadInstruments,
  loadVersion,
  versionView,
} from "./load";

/** A new, empty instrument starts as this skeleton: valid, so it can be saved as it is edited. */
function skeleton(): InstrumentContent {
  const levels = [1, 2, 3, 4].map((score) => ({
    score,
    description: { zhCN: `${score} 分的表现`, en: `What a ${score} looks like` },
  }));
  return {
    scale: { min: 1, max: 4 },
    dimensions: [
      {
        key: "dimension_1",
        name: { zhCN: "维度一", en: "Dimension 1" },
        description: { zhCN: "", en: "" },
        weight: 100,
        indicators: [
          {
            key: "indicator_1",
            name: { zhCN: "指标一", en: "Indicator 1" },
            description: { zhCN: "", en: "" },
            weight: 1,
            evidence: { zhCN: "", en: "" },
            levels,
          },
        ],
      },
    ],
  };
}

/** A 400 naming every problem: the first on its field, all of them in `details.problems`. */
function checkContent(content: InstrumentContent): void {
  const problems = instrumentProblems(content);
  const [first] = problems;
  if (!first) return;
  throw new AppError("validation_failed", {
    field: `content.${first.path}`,
    fieldMessage: first.code,
    params: first.params,
    details: { problems: problems.map((p) => ({ ...p, path: `content.${p.path}` })) },
  });
}

/** A published version changes no more: a clear 409. */
function requireDraft(row: InstrumentVersionRow): void {
  if (row.status !== "draft") throw new AppError("instrument_version_frozen");
}

export async function listInstruments(db: Db, ctx: Context): Promise<InstrumentList> {
  requireAccess(ctx.actor, "instrument.manage");
  const baseId = ctx.actor.baseId;
  const { rows, versions } = await loadInstruments(db, baseId);
  const active = await activeByVersion(db, baseId);
  return {
    instruments: rows.map((row) =>
      instrumentView(
        row,
        versions.filter((v) => v.instrumentId === row.id),
        active,
      ),
    ),
    active: [...active].flatMap(([versionId, tracks]) => tracks.map((track) => ({ track, versionId }))),
  };
}

export async function getInstrumentVersion(db: Db, ctx: Context, id: string): Promise<InstrumentVersionView> {
  requireAccess(ctx.actor, "instrument.manage");
  const row = await loadVersion(db, ctx.actor.baseId, id);
  const instrument = await loadInstrument(db, ctx.actor.baseId, row.instrumentId);
  const active = await activeByVersion(db, ctx.actor.baseId);
  return versionView(row, instrument, active.get(row.id) ?? []);
}

/** A new instrument with its first draft: a copy of a version of the base's, or the skeleton. */
export async function createInstrument(db: Db, ctx: Context, input: InstrumentCreate): Promise<Instrument> {
  requireAccess(ctx.actor, "instrument.manage");
  const baseId = ctx.actor.baseId;
  await ensureInstruments(db, baseId);
  const source = input.copyFromVersionId ? await loadVersion(db, baseId, input.copyFromVersionId) : null;
  const name = input.name.trim();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(instruments)
      .values({ baseId, name, description: input.description?.trim() ?? "" })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("duplicate", { field: "name", params: { label: name } });
    const [draft] = await tx
      .insert(instrumentVersions)
      .values({
        baseId,
        instrumentId: row.id,
        number: 1,
        content: source ? source.content : skeleton(),
        basedOnId: source?.id ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!draft) throw new Error("instrument draft insert returned nothing");
    await recordAudit(tx, ctx, {
      baseId,
      action: "instrument.create",
      entityType: "instrument",
      entityId: row.id,
      after: { name, copiedFrom: source?.id ?? null, draftId: draft.id },
    });
    return instrumentView(row, [draft], new Map());
  });
}

/**
 * Start editing: the instrument's one draft. If there is none, a new one copied from the latest
 * published version (number + 1, based on it). Two at once find the same draft: the instrument's
 * row is locked while the draft is looked for and made.
 */
export async function startDraft(db: Db, ctx: Context, instrumentId: string): Promise<InstrumentVersionView> {
  requireAccess(ctx.actor, "instrument.manage");
  const baseId = ctx.actor.baseId;
  return db.transaction(async (tx) => {
    const instrument = await loadInstrument(tx, baseId, instrumentId, true);
    const versions = await tx
      .select()
      .from(instrumentVersions)
      .where(eq(instrumentVersions.instrumentId, instrument.id))
      .orderBy(desc(instrumentVersions.number));
    const existing = versions.find((v) => v.status === "draft");
    if (existing) return versionView(existing, instrument, []);
    const latest = versions.find((v) => v.status === "published");
    const [draft] = await tx
      .insert(instrumentVersions)
      .values({
        baseId,
        instrumentId: instrument.id,
        number: (versions[0]?.number ?? 0) + 1,
        content: latest ? latest.content : skeleton(),
        basedOnId: latest?.id ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!draft) throw new Error("instrument draft insert returned nothing");
    await recordAudit(tx, ctx, {
      baseId,
      action: "instrument.draft",
      entityType: "instrument",
      entityId: instrument.id,
      after: { draftId: draft.id, number: draft.number, basedOnId: draft.basedOnId },
    });
    return versionView(draft, instrument, []);
  });
}

/** Save a draft's content and change note: it must pass instrumentProblems (else 400 on the fields). */
export async function saveDraft(
  db: Db,
  ctx: Context,
  id: string,
  input: InstrumentDraftSave,
): Promise<InstrumentVersionView> {
  requireAccess(ctx.actor, "instrument.manage");
  const baseId = ctx.actor.baseId;
  return db.transaction(async (tx) => {
    const row = await loadVersion(tx, baseId, id, true);
    requireDraft(row);
    if (row.version !== input.version) throw versionConflict(row.version);
    checkContent(input.content);
    const [updated] = await tx
      .update(instrumentVersions)
      .set({
        content: input.content,
        changeNote: input.changeNote,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(instrumentVersions.id, row.id), eq(instrumentVersions.status, "draft")))
      .returning();
    if (!updated) throw versionConflict(row.version + 1);
    await recordAudit(tx, ctx, {
      baseId,
      action: "instrument.draft",
      entityType: "instrument",
      entityId: row.instrumentId,
      before: { draftId: row.id, version: row.version, changeNote: row.changeNote, content: row.content },
      after: { version: updated.version, changeNote: updated.changeNote, content: updated.content },
    });
    const instrument = await loadInstrument(tx, baseId, row.instrumentId);
    return versionView(updated, instrument, []);
  });
}

/** Publish a draft: it must pass instrumentProblems; from then on it is frozen. */
export async function publishVersion(
  db: Db,
  ctx: Context,
  id: string,
  input: { version: number },
): Promise<InstrumentVersionView> {
  requireAccess(ctx.actor, "instrument.manage");
  const baseId = ctx.actor.baseId;
  return db.transaction(async (tx) => {
    const row = await loadVersion(tx, baseId, id, true);
    requireDraft(row);
    if (row.version !== input.version) throw versionConflict(row.version);
    const problems = instrumentProblems(row.content);
    if (problems.length > 0) {
      throw new AppError("instrument_not_publishable", {
        params: { count: problems.length },
        details: { problems: problems.map((p) => ({ ...p, path: `content.${p.path}` })) },
      });
    }
    const [published] = await tx
      .update(instrumentVersions)
      .set({
        status: "published",
        publishedAt: new Date(),
        publishedBy: ctx.actor.userId,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(instrumentVersions.id, row.id), eq(instrumentVersions.status, "draft")))
      .returning();
    if (!published) throw versionConflict(row.version + 1);
    await recordAudit(tx, ctx, {
      baseId,
      action: "instrument.publish",
      entityType: "instrument",
      entityId: row.instrumentId,
      after: { versionId: row.id, number: row.number, changeNote: row.changeNote },
    });
    const instrument = await loadInstrument(tx, baseId, row.instrumentId);
    return versionView(published, instrument, []);
  });
}

/** Throw a draft away (a published version cannot be deleted: 409). */
export async function deleteDraft(db: Db, ctx: Context, id: string): Promise<{ ok: true }> {
  requireAccess(ctx.actor, "instrument.manage");
  const baseId = ctx.actor.baseId;
  await db.transaction(async (tx) => {
    const row = await loadVersion(tx, baseId, id, true);
    requireDraft(row);
    await tx
      .delete(instrumentVersions)
      .where(and(eq(instrumentVersions.id, row.id), eq(instrumentVersions.status, "draft")));
    await recordAudit(tx, ctx, {
      baseId,
      action: "instrument.discard",
      entityType: "instrument",
      entityId: row.instrumentId,
      before: { draftId: row.id, number: row.number, changeNote: row.changeNote },
    });
  });
  return { ok: true };
}

/** Make a published version the one a track's new assessments use. */
export async function setActiveVersion(
  db: Db,
  ctx: Context,
  track: Track,
  versionId: string,
): Promise<{ track: Track; versionId: string }> {
  requireAccess(ctx.actor, "instrument.manage");
  const baseId = ctx.actor.baseId;
  return db.transaction(async (tx) => {
    const row = await loadVersion(tx, baseId, versionId, true);
    if (row.status !== "published") throw new AppError("instrument_version_not_published");
    const [before] = await tx
      .select()
      .from(activeInstruments)
      .where(and(eq(activeInstruments.baseId, baseId), eq(activeInstruments.track, track)));
    await tx
      .insert(activeInstruments)
      .values({ baseId, track, instrumentVersionId: row.id, setBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [activeInstruments.baseId, activeInstruments.track],
        set: { instrumentVersionId: row.id, setBy: ctx.actor.userId, setAt: sql`now()` },
      });
    await recordAudit(tx, ctx, {
      baseId,
      action: "instrument.activate",
      entityType: "instrument",
      entityId: row.instrumentId,
      before: before ? { track, versionId: before.instrumentVersionId } : null,
      after: { track, versionId: row.id, number: row.number },
    });
    return { track, versionId: row.id };
  });
}

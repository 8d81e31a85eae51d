/**
 * Staff write projects: create one for an open incubation (project or combined track, or an
 * organization track's seed fund project), edit it with its version (the logical framework and
 * its indicators in one save: an indicator left out is removed, keeping its reported values),
 * close or cancel it. Members read their project; the framework stays staff-edited.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { flagshipProgrammes, incubations, projectIndicators, projects } from "../../../../db/schema";
import type { Track } from "../../../../domain/call";
import {
  incubationOpen,
  nextProjectStatus,
  programmeProblem,
  projectEditable,
  trackTakesProject,
} from "../../../../domain/funding/project";
import type {
  ProjectEventBody,
  ProjectInput,
  ProjectUpdate,
  ProjectView,
} from "../../../../schemas/funding/projects";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { loadProject, projectStatusInvalid } from "./load";
import { getProject } from "./view";

type Fields = Omit<ProjectInput, "incubationId">;

/** The programme is one of the base's, not retired (unless the project already had it). */
async function checkProgramme(
  tx: Db,
  ctx: Context,
  track: Track,
  id: string | null | undefined,
  kept: string | null,
) {
  const problem = programmeProblem(track, id);
  if (problem) throw fieldError("flagshipProgrammeId", problem);
  if (!id || id === kept) return;
  const [row] = await tx
    .select({ id: flagshipProgrammes.id })
    .from(flagshipProgrammes)
    .where(
      and(
        eq(flagshipProgrammes.id, id),
        eq(flagshipProgrammes.baseId, ctx.actor.baseId),
        isNull(flagshipProgrammes.retiredAt),
      ),
    );
  if (!row) throw fieldError("flagshipProgrammeId", "programme_unknown");
}

function columns(input: Fields) {
  return {
    title: input.title,
    need: input.need,
    beneficiaries: input.beneficiaries,
    targetPeople: input.targetPeople ?? null,
    sites: input.sites,
    fields: input.fields,
    flagshipProgrammeId: input.flagshipProgrammeId ?? null,
    goal: input.goal,
    outcomes: input.outcomes,
    outputs: input.outputs,
    activities: input.activities,
  };
}

/** The indicators as given: kept ones updated, new ones added, the others marked removed. */
async function saveIndicators(tx: Db, ctx: Context, projectId: string, input: Fields): Promise<void> {
  const current = await tx
    .select({ id: projectIndicators.id })
    .from(projectIndicators)
    .where(and(eq(projectIndicators.projectId, projectId), isNull(projectIndicators.removedAt)));
  const currentIds = new Set(current.map((r) => r.id));
  const keptIds = new Set<string>();
  for (const [i, ind] of input.indicators.entries()) {
    const values = {
      level: ind.level,
      name: ind.name,
      unit: ind.unit,
      baselineValue: ind.baselineValue.toFixed(2),
      targetValue: ind.targetValue.toFixed(2),
      method: ind.method,
      frequency: ind.frequency,
      sortOrder: i,
    };
    if (ind.id) {
      if (!currentIds.has(ind.id)) throw fieldError(`indicators.${i}.id`, "invalid_id");
      keptIds.add(ind.id);
      await tx.update(projectIndicators).set(values).where(eq(projectIndicators.id, ind.id));
    } else {
      await tx.insert(projectIndicators).values({ baseId: ctx.actor.baseId, projectId, ...values });
    }
  }
  const removed = [...currentIds].filter((id) => !keptIds.has(id));
  if (removed.length > 0)
    await tx
      .update(projectIndicators)
      .set({ removedAt: new Date() })
      .where(and(eq(projectIndicators.projectId, projectId), inArray(projectIndicators.id, removed)));
}

export async function createProject(db: Db, ctx: Context, input: ProjectInput): Promise<ProjectView> {
  requireAccess(ctx.actor, "funding.manage");
  const id = await db.transaction(async (tx) => {
    const [incubation] = await tx
      .select()
      .from(incubations)
      .where(and(eq(incubations.id, input.incubationId), eq(incubations.baseId, ctx.actor.baseId)));
    if (!incubation) throw fieldError("incubationId", "incubation_unknown");
    if (!incubationOpen(incubation.status)) throw fieldError("incubationId", "incubation_not_open");
    if (!trackTakesProject(incubation.track)) throw fieldError("incubationId", "incubation_track_no_project");
    await checkProgramme(tx, ctx, incubation.track, input.flagshipProgrammeId, null);
    const values = columns(input);
    const [row] = await tx
      .insert(projects)
      .values({
        baseId: ctx.actor.baseId,
        incubationId: incubation.id,
        organizationId: incubation.organizationId,
        ...values,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: projects.id });
    if (!row) throw new Error("project insert returned nothing");
    await saveIndicators(tx, ctx, row.id, input);
    await recordAudit(tx, ctx, {
      baseId: ctx.actor.baseId,
      action: "project.created",
      entityType: "project",
      entityId: row.id,
      after: { incubationId: incubation.id, ...values, indicators: input.indicators.length },
    });
    return row.id;
  });
  return getProject(db, ctx, id);
}

export async function updateProject(
  db: Db,
  ctx: Context,
  id: string,
  input: ProjectUpdate,
): Promise<ProjectView> {
  await db.transaction(async (tx) => {
    const before = await loadProject(tx, ctx, id, "funding.manage", { lock: true });
    if (before.version !== input.version) throw versionConflict(before.version);
    if (!projectEditable(before.status)) throw projectStatusInvalid(ctx, before);
    const [incubation] = await tx
      .select({ track: incubations.track })
      .from(incubations)
      .where(eq(incubations.id, before.incubationId));
    await checkProgramme(
      tx,
      ctx,
      incubation?.track ?? "project",
      input.flagshipProgrammeId,
      before.flagshipProgrammeId,
    );
    const values = columns(input);
    await tx
      .update(projects)
      .set({ ...values, version: before.version + 1, updatedAt: new Date() })
      .where(eq(projects.id, id));
    await saveIndicators(tx, ctx, id, input);
    const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...old } = before;
    await recordAudit(tx, ctx, {
      baseId: before.baseId,
      action: "project.updated",
      entityType: "project",
      entityId: id,
      before: old,
      after: { ...values, indicators: input.indicators.length },
    });
  });
  return getProject(db, ctx, id);
}

/** Staff close (结项) an active project or cancel a draft one; the domain says which. */
export async function projectEvent(
  db: Db,
  ctx: Context,
  id: string,
  event: "close" | "cancel",
  body: ProjectEventBody,
): Promise<ProjectView> {
  await db.transaction(async (tx) => {
    const before = await loadProject(tx, ctx, id, "funding.manage", { lock: true });
    if (before.version !== body.version) throw versionConflict(before.version);
    const to = nextProjectStatus(before.status, event);
    if (!to) throw projectStatusInvalid(ctx, before);
    await tx
      .update(projects)
      .set({ status: to, version: before.version + 1, updatedAt: new Date() })
      .where(eq(projects.id, id));
    await recordAudit(tx, ctx, {
      baseId: before.baseId,
      action: event === "close" ? "project.closed" : "project.cancelled",
      entityType: "project",
      entityId: id,
      before: { status: before.status },
      after: { status: to, reason: body.reason ?? null },
    });
  });
  return getProject(db, ctx, id);
}

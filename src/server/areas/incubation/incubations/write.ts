/**
 * Starting an incubation and every change of one. It starts when an organization confirms its
 * admitted place (in the same transaction as the confirmation) or when staff enrol it directly
 * with a reason. Every status change goes through `applyIncubationTransition`: the lifecycle
 * decides, then the status, the history row, the audit entry, the growth file and the notice to
 * the organization's members are written in one transaction, with the version checked.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { recordGrowth } from "../../../../db/growth";
import { cohorts, incubationEvents, incubations, organizations, users } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import type { Track } from "../../../../domain/call";
import {
  EVENTS_NEEDING_END_DATE,
  EVENTS_NEEDING_REASON,
  type IncubationEvent,
  type IncubationStatus,
  nextIncubationStatus,
  plannedEndOn,
  type Residency,
} from "../../../../domain/incubation/lifecycle";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import {
  enrolledTitle,
  INCUBATION_LABELS,
  statusTitle,
} from "../../../../schemas/incubation/incubation-labels";
import type { EnrolBody, IncubationEdit, TransitionBody } from "../../../../schemas/incubation/incubations";
import { changedFields, recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";
import { notify } from "../../../notify";
import { requireAccess } from "../../../policy";
import { cohortOfBase, currentCohort } from "../cohorts/service";
import { settingsOf } from "../settings/service";
import "./growth";
import { type IncubationRow, loadIncubation } from "./load";

const OPEN_STATUSES_CLOSED: IncubationStatus[] = ["graduated", "terminated"];

function incubationStatusInvalid(ctx: Context, current: IncubationStatus): AppError {
  return new AppError("incubation_status_invalid", {
    params: { status: INCUBATION_LABELS[ctx.lang].status[current] },
    details: { currentStatus: current },
  });
}

/** The organization's open incubation, if any (at most one, by the partial unique index). */
async function openIncubationOf(tx: Db, organizationId: string) {
  const [row] = await tx
    .select({ id: incubations.id, cohortName: cohorts.name })
    .from(incubations)
    .innerJoin(cohorts, eq(cohorts.id, incubations.cohortId))
    .where(
      and(
        eq(incubations.organizationId, organizationId),
        ne(incubations.status, "graduated"),
        ne(incubations.status, "terminated"),
      ),
    )
    .limit(1);
  return row ?? null;
}

function openExists(cohortName: string): AppError {
  return new AppError("incubation_open_exists", {
    params: { cohort: cohortName },
    details: { cohort: cohortName },
  });
}

/** Staff or an administrator of the base, active; 400 on the field otherwise. */
async function requireResponsible(
  tx: Db,
  baseId: string,
  id: string | null | undefined,
): Promise<string | null> {
  if (!id) return null;
  const [user] = await tx
    .select({ id: users.id, roles: users.roles, status: users.status })
    .from(users)
    .where(and(eq(users.id, id), eq(users.baseId, baseId)));
  if (user?.status !== "active" || !user.roles.some((r) => r === "staff" || r === "admin")) {
    throw fieldError("responsibleId", "responsible_not_staff");
  }
  return user.id;
}

interface NewIncubation {
  baseId: string;
  organizationId: string;
  applicationId: string | null;
  cohort: { id: string; name: string; startsOn: string };
  track: Track;
  residency: Residency;
  needsDesk: boolean;
  origin: "admission" | "direct";
  enrolReason: string | null;
  startOn: string;
  responsibleId: string | null;
}

async function insertIncubation(tx: Db, ctx: Context, input: NewIncubation): Promise<IncubationRow> {
  const settings = await settingsOf(tx, input.baseId);
  const end = plannedEndOn(input.startOn, settings.termMonths);
  const [row] = await tx
    .insert(incubations)
    .values({
      baseId: input.baseId,
      organizationId: input.organizationId,
      applicationId: input.applicationId,
      cohortId: input.cohort.id,
      track: input.track,
      residency: input.residency,
      needsDesk: input.needsDesk,
      origin: input.origin,
      enrolReason: input.enrolReason,
      startOn: input.startOn,
      plannedEndOn: end,
      responsibleId: input.responsibleId,
      status: "active",
    })
    .returning();
  if (!row) throw new Error("incubation insert returned nothing");
  const actor = { id: ctx.actor.userId, name: ctx.actor.displayName };
  await tx.insert(incubationEvents).values({
    baseId: row.baseId,
    incubationId: row.id,
    event: "enrol",
    fromStatus: null,
    toStatus: "active",
    reason: input.enrolReason,
    details: { cohort: input.cohort.name, startOn: row.startOn, plannedEndOn: row.plannedEndOn },
    actorId: actor.id,
    actorName: actor.name,
  });
  await recordAudit(tx, ctx, {
    baseId: row.baseId,
    action: "incubation.enrol",
    entityType: "incubation",
    entityId: row.id,
    after: {
      organizationId: row.organizationId,
      applicationId: row.applicationId,
      cohortId: row.cohortId,
      track: row.track,
      residency: row.residency,
      origin: row.origin,
      startOn: row.startOn,
      plannedEndOn: row.plannedEndOn,
      responsibleId: row.responsibleId,
      reason: row.enrolReason,
    },
  });
  await recordGrowth(tx, {
    baseId: row.baseId,
    organizationId: row.organizationId,
    incubationId: row.id,
    kind: "incubation.enrolled",
    title: enrolledTitle(input.cohort.name, row.track),
    params: {
      cohortName: input.cohort.name,
      track: row.track,
      startOn: row.startOn,
      plannedEndOn: row.plannedEndOn,
      origin: row.origin,
    },
    subjectId: row.id,
    actorName: actor.name,
  });
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  await notify(tx, {
    baseId: row.baseId,
    recipients: { kind: "organization", organizationId: row.organizationId },
    kind: "incubation_status",
    params: {
      event: "enrol",
      status: "active",
      organizationName: organization?.name ?? null,
      cohortName: input.cohort.name,
      startOn: row.startOn,
      plannedEndOn: row.plannedEndOn,
    },
    link: `/incubations/${row.id}`,
    exceptUserId: ctx.actor.userId,
  });
  return row;
}

/**
 * The organization confirmed its admitted place: its incubation starts, in the caller's
 * transaction. The latest cohort (or a new one), from the later of the cohort's start and today.
 * An organization already incubating (a second place confirmed while the first runs) keeps its
 * open incubation: nothing is created, and null is returned.
 */
export async function enrolFromAdmission(
  tx: Db,
  ctx: Context,
  application: { id: string; baseId: string; organizationId: string; track: Track },
  decision: { track: Track | null; decidedBy: string | null },
): Promise<IncubationRow | null> {
  if (await openIncubationOf(tx, application.organizationId)) return null;
  const today = shanghaiDate(new Date());
  const cohort = await currentCohort(tx, application.baseId, today);
  const track = decision.track ?? application.track;
  const responsibleId = decision.decidedBy
    ? await requireResponsible(tx, application.baseId, decision.decidedBy).catch(() => null)
    : null;
  return insertIncubation(tx, ctx, {
    baseId: application.baseId,
    organizationId: application.organizationId,
    applicationId: application.id,
    cohort,
    track,
    residency: "resident",
    needsDesk: track === "space",
    origin: "admission",
    enrolReason: null,
    startOn: [cohort.startsOn, today].sort().at(-1) as string,
    responsibleId,
  });
}

/** Staff enrol an organization of the base directly, with a reason; 409 when it has an open one. */
export async function enrolDirect(db: Db, ctx: Context, body: EnrolBody): Promise<string> {
  requireAccess(ctx.actor, "incubation.manage");
  const baseId = ctx.actor.baseId;
  try {
    return await db.transaction(async (tx) => {
      const [organization] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.id, body.organizationId), eq(organizations.baseId, baseId)));
      if (!organization) throw fieldError("organizationId", "organization_not_in_base");
      const cohort = await cohortOfBase(tx, baseId, body.cohortId);
      if (!cohort) throw fieldError("cohortId", "cohort_not_in_base");
      const responsibleId = await requireResponsible(tx, baseId, body.responsibleId);
      const open = await openIncubationOf(tx, organization.id);
      if (open) throw openExists(open.cohortName);
      const row = await insertIncubation(tx, ctx, {
        baseId,
        organizationId: organization.id,
        applicationId: null,
        cohort,
        track: body.track,
        residency: body.residency ?? "virtual",
        needsDesk: body.needsDesk ?? body.track === "space",
        origin: "direct",
        enrolReason: body.reason.trim(),
        startOn: body.startOn,
        responsibleId,
      });
      return row.id;
    });
  } catch (error) {
    // Two enrolments of one organization at once: the partial unique index stops the second.
    if (isUniqueViolation(error)) throw openExists("");
    throw error;
  }
}

/**
 * Moves `row` (read FOR UPDATE in this transaction) by `event`: 409 with the current status when
 * the lifecycle refuses, 409 on a stale version; suspend/extend/terminate need a reason, extend a
 * new planned end later than the current one. Graduation and termination set the end day.
 */
async function applyIncubationTransition(
  tx: Db,
  ctx: Context,
  row: IncubationRow,
  body: TransitionBody,
): Promise<IncubationRow> {
  const event: IncubationEvent = body.event;
  const to = nextIncubationStatus(row.status, event);
  if (!to) throw incubationStatusInvalid(ctx, row.status);
  if (body.version !== row.version) throw versionConflict(row.version);
  const reason = body.reason?.trim() || null;
  if (EVENTS_NEEDING_REASON.includes(event) && !reason)
    throw fieldError("reason", "incubation_reason_required");
  let newEnd = row.plannedEndOn;
  if (EVENTS_NEEDING_END_DATE.includes(event)) {
    if (!body.plannedEndOn) throw fieldError("plannedEndOn", "required");
    if (body.plannedEndOn <= row.plannedEndOn) {
      throw fieldError("plannedEndOn", "incubation_end_not_later", { current: row.plannedEndOn });
    }
    newEnd = body.plannedEndOn;
  }
  const today = shanghaiDate(new Date());
  const ends = OPEN_STATUSES_CLOSED.includes(to);
  const [updated] = await tx
    .update(incubations)
    .set({
      status: to,
      plannedEndOn: newEnd,
      endedOn: ends ? today : row.endedOn,
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(incubations.id, row.id), eq(incubations.version, row.version)))
    .returning();
  if (!updated) throw versionConflict(row.version + 1);
  const details = event === "extend" ? { from: row.plannedEndOn, to: newEnd } : null;
  await tx.insert(incubationEvents).values({
    baseId: row.baseId,
    incubationId: row.id,
    event,
    fromStatus: row.status,
    toStatus: to,
    reason,
    details,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(tx, ctx, {
    baseId: row.baseId,
    action: `incubation.${event}`,
    entityType: "incubation",
    entityId: row.id,
    before: { status: row.status, plannedEndOn: row.plannedEndOn },
    after: { status: to, plannedEndOn: newEnd, endedOn: updated.endedOn, reason },
  });
  await recordGrowth(tx, {
    baseId: row.baseId,
    organizationId: row.organizationId,
    incubationId: row.id,
    kind: "incubation.status",
    title: statusTitle(event, newEnd),
    params: { event, fromStatus: row.status, toStatus: to, note: reason, plannedEndOn: newEnd },
    subjectId: row.id,
    actorName: ctx.actor.displayName,
  });
  await notify(tx, {
    baseId: row.baseId,
    recipients: { kind: "organization", organizationId: row.organizationId },
    kind: "incubation_status",
    params: { event, status: to, reason, plannedEndOn: newEnd },
    link: `/incubations/${row.id}`,
    exceptUserId: ctx.actor.userId,
  });
  return updated;
}

export async function transitionIncubation(
  db: Db,
  ctx: Context,
  id: string,
  body: TransitionBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadIncubation(tx, ctx, id, "incubation.manage", { lock: true });
    await applyIncubationTransition(tx, ctx, row, body);
  });
}

/**
 * Edit the cohort, the start (the planned end follows unless the stay was extended), the person
 * responsible, the residency and the desk; with the version. A closed incubation is read-only.
 */
export async function editIncubation(db: Db, ctx: Context, id: string, body: IncubationEdit): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadIncubation(tx, ctx, id, "incubation.manage", { lock: true });
    if (OPEN_STATUSES_CLOSED.includes(row.status)) throw incubationStatusInvalid(ctx, row.status);
    if (body.version !== row.version) throw versionConflict(row.version);
    const set: Partial<typeof incubations.$inferInsert> = {};
    if (body.cohortId !== undefined && body.cohortId !== row.cohortId) {
      const cohort = await cohortOfBase(tx, row.baseId, body.cohortId);
      if (!cohort) throw fieldError("cohortId", "cohort_not_in_base");
      set.cohortId = cohort.id;
    }
    if (body.responsibleId !== undefined)
      set.responsibleId = await requireResponsible(tx, row.baseId, body.responsibleId);
    if (body.residency !== undefined) set.residency = body.residency;
    if (body.needsDesk !== undefined) set.needsDesk = body.needsDesk;
    if (body.startOn !== undefined && body.startOn !== row.startOn) {
      set.startOn = body.startOn;
      const extended = await wasExtended(tx, row.id);
      if (!extended) {
        const settings = await settingsOf(tx, row.baseId);
        set.plannedEndOn = plannedEndOn(body.startOn, settings.termMonths);
      }
    }
    const before = {
      cohortId: row.cohortId,
      startOn: row.startOn,
      plannedEndOn: row.plannedEndOn,
      responsibleId: row.responsibleId,
      residency: row.residency,
      needsDesk: row.needsDesk,
    };
    const after = { ...before, ...set } as typeof before;
    const changed = changedFields(before, after);
    if (Object.keys(changed.after).length === 0) return;
    const [updated] = await tx
      .update(incubations)
      .set({ ...set, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(incubations.id, row.id), eq(incubations.version, row.version)))
      .returning({ id: incubations.id });
    if (!updated) throw versionConflict(row.version + 1);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "incubation.update",
      entityType: "incubation",
      entityId: row.id,
      ...changed,
    });
  });
}

async function wasExtended(tx: Db, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: incubationEvents.id })
    .from(incubationEvents)
    .where(and(eq(incubationEvents.incubationId, id), inArray(incubationEvents.event, ["extend"])))
    .limit(1);
  return !!row;
}

/**
 * An organization asks for a service (服务申请): from the catalogue (only a service its audience
 * may ask for) or in its own words with a category, optionally tied to its incubation's need or
 * plan goal. The expected response time runs from now in working days.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import {
  incubationPlans,
  incubations,
  needs,
  planGoals,
  serviceCatalogue,
  serviceRequestEvents,
  serviceRequests,
} from "../../../../db/schema";
import { audiencesOf, mayBeServed } from "../../../../domain/services/audience";
import { workingDaysEnd } from "../../../../domain/working-days";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import type { ZRequestCreate } from "../../../../schemas/services/requests";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError } from "../../../errors";
import { requireAccess } from "../../../policy";
import { audienceFactsOf } from "./audience";
import { noticeRequest } from "./notices";

/** A free-text request is answered within this many working days. */
const FREE_TEXT_RESPONSE_DAYS = 3;

export async function askForService(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZRequestCreate>,
): Promise<{ id: string; version: number }> {
  requireAccess(ctx.actor, "service.ask");
  const organizationId = ctx.actor.organizationId as string;
  return db.transaction(async (tx) => {
    const facts = await audienceFactsOf(tx, organizationId);
    if (!facts) throw new AppError("not_found");
    let category = input.category ?? null;
    let title = input.title ?? null;
    let responseDays = FREE_TEXT_RESPONSE_DAYS;
    let handler: { handlerKind: "partner"; handlerPartnerId: string } | null = null;
    if (input.catalogueId) {
      const [service] = await tx
        .select()
        .from(serviceCatalogue)
        .where(
          and(
            eq(serviceCatalogue.id, input.catalogueId),
            eq(serviceCatalogue.baseId, ctx.actor.baseId),
            eq(serviceCatalogue.status, "active"),
          ),
        );
      if (!service) throw fieldError("catalogueId", "service_unknown");
      if (!mayBeServed(service.audiences, facts))
        throw fieldError("catalogueId", "service_not_for_audience", {
          audiences: audiencesOf(facts)
            .map((a) => SERVICE_LABELS[ctx.lang].audience[a])
            .join(ctx.lang === "en" ? ", " : "、"),
        });
      category = service.category;
      title = title ?? service.name;
      responseDays = service.responseDays;
      // A partner's service goes to its default partner at once; staff may reassign it.
      if (service.handlerKind === "partner" && service.defaultPartnerId)
        handler = { handlerKind: "partner", handlerPartnerId: service.defaultPartnerId };
    }
    if (!category) throw fieldError("category", "required");
    if (!title) throw fieldError("title", "required");
    if (input.needId) await checkNeed(tx, organizationId, input.needId);
    if (input.goalId) await checkGoal(tx, organizationId, input.goalId);

    const now = new Date();
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        baseId: ctx.actor.baseId,
        organizationId,
        catalogueId: input.catalogueId ?? null,
        category,
        title,
        detail: input.detail,
        needId: input.needId ?? null,
        goalId: input.goalId ?? null,
        respondBy: workingDaysEnd(now, responseDays),
        requestedBy: ctx.actor.userId,
        ...(handler ?? {}),
      })
      .returning();
    if (!row) throw new AppError("internal");
    await tx.insert(serviceRequestEvents).values({
      baseId: row.baseId,
      requestId: row.id,
      event: "submit",
      toStatus: "submitted",
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
    });
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "service.submit",
      entityType: "service_request",
      entityId: row.id,
      after: { catalogueId: row.catalogueId, category, title },
    });
    await noticeRequest(tx, ctx, row, "base", "submit");
    return { id: row.id, version: row.version };
  });
}

async function checkNeed(tx: Db, organizationId: string, needId: string): Promise<void> {
  const [row] = await tx
    .select({ id: needs.id })
    .from(needs)
    .innerJoin(incubations, eq(incubations.id, needs.incubationId))
    .where(and(eq(needs.id, needId), eq(incubations.organizationId, organizationId)));
  if (!row) throw fieldError("needId", "need_unknown");
}

async function checkGoal(tx: Db, organizationId: string, goalId: string): Promise<void> {
  const [row] = await tx
    .select({ id: planGoals.id })
    .from(planGoals)
    .innerJoin(incubationPlans, eq(incubationPlans.id, planGoals.planId))
    .innerJoin(incubations, eq(incubations.id, incubationPlans.incubationId))
    .where(and(eq(planGoals.id, goalId), eq(incubations.organizationId, organizationId)));
  if (!row) throw fieldError("goalId", "goal_unknown");
}

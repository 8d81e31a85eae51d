/**
 * Proposing a grant (staff) and editing it while it is proposed. The one who proposes (or last
 * edits) the terms is the preparer (`preparedBy`): the two-person rule then needs someone else to
 * approve. The number is the base's next of the year (ZZ-2027-001), drawn under an advisory lock
 * so two proposals at once never draw the same one.
 */
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { grantEvents, grants, incubations, projects } from "../../../../db/schema";
import type { Track } from "../../../../domain/call";
import { grantTermsEditable } from "../../../../domain/funding/grant";
import { fundServesTrack } from "../../../../domain/funding/project";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { ZGrantCreate, ZGrantUpdate } from "../../../../schemas/funding/grants";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";
import { requireRoleFor } from "../../../policy";
import { grantStatusInvalid, loadGrant } from "./load";
import { checkCap, checkFund, checkTerms, loadFund, type Terms, writeTermRows } from "./terms";

type Done = { id: string; status: string; version: number };

/** The project `id` of the base, FOR UPDATE (the cap is checked under it), fundable now. */
export async function lockFundableProject(tx: Db, baseId: string, id: string) {
  const [row] = await tx
    .select({ project: projects, incubationStatus: incubations.status, track: incubations.track })
    .from(projects)
    .innerJoin(incubations, eq(incubations.id, projects.incubationId))
    .where(and(eq(projects.id, id), eq(projects.baseId, baseId)))
    .limit(1)
    .for("update", { of: projects });
  if (!row) throw fieldError("projectId", "invalid");
  const open = !["graduated", "terminated"].includes(row.incubationStatus);
  if (!["draft", "active"].includes(row.project.status) || !open) throw new AppError("project_not_fundable");
  return { ...row.project, track: row.track };
}

async function checkMoney(
  tx: Db,
  project: { baseId: string; id: string; track: Track },
  terms: Terms,
  exceptGrantId?: string,
) {
  const { baseId, id: projectId } = project;
  checkTerms(terms);
  const fund = await loadFund(tx, baseId, terms.fundId);
  // An organization-track incubation's project is a seed fund project: no other fund grants it.
  if (!fundServesTrack(project.track, fund.kind)) throw fieldError("fundId", "seed_fund_only");
  await checkFund(tx, fund, terms.amountFen, exceptGrantId);
  if (fund.kind === "project_grant") await checkCap(tx, baseId, projectId, terms.amountFen, exceptGrantId);
  return fund;
}

async function nextNumber(tx: Db, baseId: string): Promise<string> {
  const year = shanghaiDate(new Date()).slice(0, 4);
  const prefix = `ZZ-${year}-`;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727013, hashtext(${`${baseId}:${year}`}))`);
  const [row] = await tx
    .select({ last: sql<number | null>`max(substring(${grants.number} from '[0-9]+$')::int)` })
    .from(grants)
    .where(and(eq(grants.baseId, baseId), sql`${grants.number} LIKE ${`${prefix}%`}`));
  return `${prefix}${String(Number(row?.last ?? 0) + 1).padStart(3, "0")}`;
}

export async function proposeGrant(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZGrantCreate>,
): Promise<Done> {
  requireRoleFor(ctx.actor, "funding.manage");
  const { projectId, ...terms } = input;
  return db.transaction(async (tx) => {
    const project = await lockFundableProject(tx, ctx.actor.baseId, projectId);
    const fund = await checkMoney(tx, project, terms);
    const [row] = await tx
      .insert(grants)
      .values({
        baseId: project.baseId,
        number: await nextNumber(tx, project.baseId),
        projectId: project.id,
        organizationId: project.organizationId,
        fundId: fund.id,
        fundKind: fund.kind,
        partnerId: fund.partnerId,
        amountFen: terms.amountFen,
        startsOn: terms.startsOn,
        endsOn: terms.endsOn,
        preparedBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("grant not inserted");
    await writeTermRows(tx, row, terms);
    await tx.insert(grantEvents).values({
      baseId: row.baseId,
      grantId: row.id,
      event: "propose",
      fromStatus: null,
      toStatus: "proposed",
      details: { amountFen: row.amountFen },
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
    });
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "grant.propose",
      entityType: "grant",
      entityId: row.id,
      after: { number: row.number, amountFen: row.amountFen, fundId: fund.id, projectId: project.id },
    });
    return { id: row.id, status: row.status, version: row.version };
  });
}

export async function updateGrant(
  db: Db,
  ctx: Context,
  id: string,
  input: z.output<typeof ZGrantUpdate>,
): Promise<Done> {
  const { version, ...terms } = input;
  return db.transaction(async (tx) => {
    const row = await loadGrant(tx, ctx, id, "funding.manage", { lock: true });
    if (!grantTermsEditable(row.status)) throw grantStatusInvalid(ctx, row.status);
    if (row.version !== version) throw versionConflict(row.version);
    const project = await lockFundableProject(tx, row.baseId, row.projectId);
    const fund = await checkMoney(tx, project, terms, row.id);
    const [updated] = await tx
      .update(grants)
      .set({
        fundId: fund.id,
        fundKind: fund.kind,
        partnerId: fund.partnerId,
        amountFen: terms.amountFen,
        startsOn: terms.startsOn,
        endsOn: terms.endsOn,
        // Whoever last shaped the terms prepared them: they may not approve them either.
        preparedBy: ctx.actor.userId,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(grants.id, row.id), eq(grants.version, row.version)))
      .returning();
    if (!updated) throw versionConflict(row.version);
    await writeTermRows(tx, row, terms);
    await recordAudit(tx, ctx, {
      baseId: row.baseId,
      action: "grant.update",
      entityType: "grant",
      entityId: row.id,
      before: { amountFen: row.amountFen, fundId: row.fundId, version: row.version },
      after: { amountFen: updated.amountFen, fundId: updated.fundId, version: updated.version },
    });
    return { id: row.id, status: updated.status, version: updated.version };
  });
}

/**
 * The service catalogue (服务目录): staff add and edit services (versioned); members read the
 * active ones with whether their organization may ask; handlers read it to know what they do.
 */
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../../db/client";
import { partners, serviceCatalogue } from "../../../../db/schema";
import { isUniqueViolation } from "../../../../db/sql-text";
import { hasRole } from "../../../../domain/roles";
import { mayBeServed } from "../../../../domain/services/audience";
import type {
  CatalogueEntry,
  CatalogueView,
  ZCatalogueInput,
  ZCatalogueQuery,
  ZCatalogueUpdate,
} from "../../../../schemas/services/catalogue";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, notFound, versionConflict } from "../../../errors";
import { requireAccess } from "../../../policy";
import { audienceFactsOf } from "../requests/audience";

type Row = typeof serviceCatalogue.$inferSelect;

export async function listCatalogue(
  db: Db,
  ctx: Context,
  query: z.output<typeof ZCatalogueQuery>,
): Promise<CatalogueView> {
  requireAccess(ctx.actor, "service.catalogue.read");
  const staff = hasRole(ctx.actor, "admin", "staff");
  const where: SQL[] = [eq(serviceCatalogue.baseId, ctx.actor.baseId)];
  // Only staff see archived services: for everyone else they are gone.
  if (!staff || query.status === "active") where.push(eq(serviceCatalogue.status, "active"));
  const [rows, facts] = await Promise.all([
    db
      .select({ row: serviceCatalogue, partnerName: partners.name })
      .from(serviceCatalogue)
      .leftJoin(partners, eq(partners.id, serviceCatalogue.defaultPartnerId))
      .where(and(...where))
      .orderBy(asc(serviceCatalogue.category), asc(serviceCatalogue.position), asc(serviceCatalogue.name)),
    ctx.actor.organizationId && hasRole(ctx.actor, "org_member")
      ? audienceFactsOf(db, ctx.actor.organizationId)
      : Promise.resolve(null),
  ]);
  return {
    items: rows.map(({ row, partnerName }) =>
      toEntry(row, partnerName, facts ? mayBeServed(row.audiences, facts) : staff),
    ),
  };
}

export async function createCatalogueEntry(
  db: Db,
  ctx: Context,
  input: z.output<typeof ZCatalogueInput>,
): Promise<CatalogueEntry> {
  requireAccess(ctx.actor, "service.catalogue.manage");
  return db.transaction(async (tx) => {
    const partnerName = await checkPartner(tx, ctx, input.defaultPartnerId ?? null);
    try {
      const [row] = await tx
        .insert(serviceCatalogue)
        .values({ ...catalogueValues(input), baseId: ctx.actor.baseId })
        .returning();
      if (!row) throw new AppError("internal");
      await recordAudit(tx, ctx, {
        baseId: row.baseId,
        action: "service.catalogue_create",
        entityType: "service_catalogue",
        entityId: row.id,
        after: catalogueValues(input),
      });
      return toEntry(row, partnerName, true);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
  });
}

export async function updateCatalogueEntry(
  db: Db,
  ctx: Context,
  id: string,
  input: z.output<typeof ZCatalogueUpdate>,
): Promise<CatalogueEntry> {
  requireAccess(ctx.actor, "service.catalogue.manage");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(serviceCatalogue)
      .where(eq(serviceCatalogue.id, id))
      .for("update");
    if (!current) throw notFound();
    requireAccess(ctx.actor, "service.catalogue.manage", { baseId: current.baseId });
    if (current.version !== input.version) throw versionConflict(current.version);
    const partnerName = await checkPartner(tx, ctx, input.defaultPartnerId ?? null);
    try {
      const [row] = await tx
        .update(serviceCatalogue)
        .set({
          ...catalogueValues(input),
          status: input.status,
          version: current.version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(serviceCatalogue.id, id), eq(serviceCatalogue.version, input.version)))
        .returning();
      if (!row) throw versionConflict(current.version);
      await recordAudit(tx, ctx, {
        baseId: row.baseId,
        action: "service.catalogue_update",
        entityType: "service_catalogue",
        entityId: row.id,
        before: { name: current.name, status: current.status, version: current.version },
        after: { ...catalogueValues(input), status: input.status, version: row.version },
      });
      return toEntry(row, partnerName, true);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
  });
}

function catalogueValues(input: z.output<typeof ZCatalogueInput>) {
  return {
    category: input.category,
    name: input.name,
    description: input.description,
    audiences: input.audiences,
    handlerKind: input.handlerKind,
    // A default partner only for services partners handle.
    defaultPartnerId: input.handlerKind === "partner" ? (input.defaultPartnerId ?? null) : null,
    responseDays: input.responseDays,
  };
}

async function checkPartner(tx: Db, ctx: Context, partnerId: string | null): Promise<string | null> {
  if (!partnerId) return null;
  const [row] = await tx
    .select({ name: partners.name })
    .from(partners)
    .where(
      and(eq(partners.id, partnerId), eq(partners.baseId, ctx.actor.baseId), eq(partners.status, "active")),
    );
  if (!row) throw fieldError("defaultPartnerId", "handler_unknown");
  return row.name;
}

function nameTaken(name: string): AppError {
  return new AppError("catalogue_name_taken", { params: { name }, field: "name" });
}

function toEntry(row: Row, partnerName: string | null, mayAsk: boolean): CatalogueEntry {
  return {
    id: row.id,
    category: row.category,
    name: row.name,
    description: row.description,
    audiences: row.audiences,
    handlerKind: row.handlerKind,
    defaultPartnerId: row.defaultPartnerId,
    defaultPartnerName: partnerName,
    responseDays: row.responseDays,
    status: row.status,
    version: row.version,
    mayAsk,
  };
}

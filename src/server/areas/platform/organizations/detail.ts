import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { organizations } from "../../../../db/schema";
import type { Organization } from "../../../../schemas/platform/organizations";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { findOrganizationView, seesOwnPhone, subjectOf, toOrganization } from "./view";

/**
 * One organization. The record is looked up first because the policy decides on it (its base,
 * and for members whether it is their own); a record the actor may not see is a 404.
 */
export async function getOrganization(db: Db, ctx: Context, id: string): Promise<Organization> {
  requireRoleFor(ctx.actor, "organization.read");
  const row = await findOrganizationView(db, id);
  if (!row) throw notFound();
  requireAccess(ctx.actor, "organization.read", subjectOf(row));
  return toOrganization(row, { revealPhone: seesOwnPhone(ctx.actor, row.id) });
}

/** The whole contact phone, for base staff; every look is written to the audit log. */
export async function revealContact(
  db: Db,
  ctx: Context,
  id: string,
): Promise<{ contactPhone: string | null }> {
  requireRoleFor(ctx.actor, "organization.revealContact");
  const [row] = await db
    .select({
      id: organizations.id,
      baseId: organizations.baseId,
      townId: organizations.townId,
      contactPhone: organizations.contactPhone,
    })
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1);
  if (!row) throw notFound();
  // A record the actor cannot read stays a 404 here too; one it can read but not reveal is a 403.
  requireAccess(ctx.actor, "organization.read", subjectOf(row));
  requireAccess(ctx.actor, "organization.revealContact", subjectOf(row));
  await recordAudit(db, ctx, {
    baseId: row.baseId,
    action: "organization.contact_revealed",
    entityType: "organization",
    entityId: row.id,
  });
  return { contactPhone: row.contactPhone };
}

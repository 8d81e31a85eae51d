/**
 * A grant as the owner of its spending receipts (the files area's owner registry, kind
 * grant_receipt): whoever reads the grant reads them; the grantee's members attach them. Apart
 * from receipts.ts, so the registry and this area do not import each other.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { grants } from "../../../../db/schema";
import type { Subject } from "../../../../domain/access";
import type { Actor } from "../../../../domain/roles";
import { grantSubject } from "./load";

export async function grantReceiptOwnerSubject(db: Db, id: string, actor: Actor): Promise<Subject | null> {
  const [row] = await db.select().from(grants).where(eq(grants.id, id)).limit(1);
  return row ? grantSubject(db, actor, row) : null;
}

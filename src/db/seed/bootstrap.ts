/**
 * A real installation's first start (SEED_DEMO=false): one base and one administrator, nothing
 * else. The administrator must change the password at first sign-in.
 */
import { count, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, bases, users } from "../schema";
import { seedDefaultInstrument } from "./instruments";
import { seedDefaultRubrics } from "./rubrics";

export interface BootstrapInput {
  base: { code: string; name: string; district: string };
  admin: { username: string; displayName: string; passwordHash: string };
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(bases);
  return (row?.n ?? 0) === 0;
}

/** Creates the base and its administrator unless a base exists; true when it created them. */
export async function bootstrapIfEmpty(db: Db, input: BootstrapInput): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The same lock as the demo seed: instances starting together create one base, not several.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
    if (!(await databaseIsEmpty(tx))) return false;
    const [base] = await tx.insert(bases).values(input.base).returning();
    if (!base) throw new Error("bootstrap: base insert returned nothing");
    await seedDefaultRubrics(tx, base.id);
    await seedDefaultInstrument(tx, base.id);
    const [admin] = await tx
      .insert(users)
      .values({ baseId: base.id, ...input.admin, roles: ["admin"], mustChangePassword: true })
      .returning({ id: users.id });
    await tx.insert(auditLog).values({
      baseId: base.id,
      action: "system.bootstrap",
      entityType: "base",
      entityId: base.id,
      after: { base: input.base, admin: input.admin.username, adminId: admin?.id },
    });
    return true;
  });
}

/**
 * How a user account leaves the server: the `User` contract (no password hash, mobile masked)
 * and the snapshot an audit entry records before and after a change.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { organizations, partners, towns, users } from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import type { User } from "../../../../schemas/platform/users";

export type UserRow = typeof users.$inferSelect;

/** The columns of the `User` contract, joined with the linked organization's name. */
const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  mobile: users.mobile,
  email: users.email,
  roles: users.roles,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  townId: users.townId,
  townName: towns.name,
  partnerId: users.partnerId,
  partnerName: partners.name,
  status: users.status,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  createdAt: users.createdAt,
};

/** Accounts with their organization's and town's names; callers add `where`, order and paging. */
export function selectUsers(db: Db) {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(towns, eq(towns.id, users.townId))
    .leftJoin(partners, eq(partners.id, users.partnerId));
}
type UserColumnsRow = Awaited<ReturnType<typeof selectUsers>>[number];

export function toUser(row: UserColumnsRow): User {
  return {
    ...row,
    // Personal data is masked wherever accounts are shown; nobody needs the whole number here.
    mobile: maskMobile(row.mobile),
    roles: [...row.roles],
    lockedUntil:
      row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function userView(db: Db, id: string): Promise<User> {
  const [row] = await selectUsers(db).where(eq(users.id, id));
  if (!row) throw new Error(`user ${id} vanished`);
  return toUser(row);
}

/** What the audit log keeps of an account: the editable facts, never the password hash. */
export function auditSnapshot(row: UserRow) {
  return {
    username: row.username,
    displayName: row.displayName,
    mobile: row.mobile,
    email: row.email,
    roles: [...row.roles],
    organizationId: row.organizationId,
    townId: row.townId,
    partnerId: row.partnerId,
    status: row.status,
  };
}

/**
 * Staff disable and re-enable a person's account. The account rules are the administrators'
 * (platform/users/account.ts: sessions end at once, a disabled account cannot sign in, versioned,
 * audited as user.disabled / user.enabled); only who may, and on which accounts, differs here.
 */
import type { Db } from "../../../../db/client";
import type { PersonDetail } from "../../../../schemas/services/people";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import { requireAccess } from "../../../policy";
import { disableAccount, enableAccount } from "../../platform/users/account";
import type { AccountGuard } from "../../platform/users/service";
import { personDetail } from "./detail";

export async function disablePerson(
  db: Db,
  ctx: Context,
  id: string,
  version: number,
): Promise<PersonDetail> {
  requireAccess(ctx.actor, "person.manage");
  await disableAccount(db, ctx, id, version, personGuard(ctx));
  return personDetail(db, ctx, id);
}

export async function enablePerson(db: Db, ctx: Context, id: string, version: number): Promise<PersonDetail> {
  requireAccess(ctx.actor, "person.manage");
  await enableAccount(db, ctx, id, version, personGuard(ctx));
  return personDetail(db, ctx, id);
}

/**
 * Staff change individuals of their base and no other account: a staff member's, an
 * organization member's or another base's is not a person here (404), as on the person's page.
 */
export function personGuard(ctx: Context): AccountGuard {
  return (row) => {
    if (!row.roles.includes("individual")) throw notFound();
    requireAccess(ctx.actor, "person.manage", { baseId: row.baseId });
  };
}

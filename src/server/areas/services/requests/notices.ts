/** Telling the other side of a request what happened (the bell and email). */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { organizations, users } from "../../../../db/schema";
import type { Context } from "../../../context";
import { notify, type Recipients } from "../../../notify";
import type { RequestRow } from "./load";

export type RequestNoticeTo = "organization" | "base" | "handler";

/** Who "the handler" is: the user assigned, every active user of the partner, or else the staff. */
async function handlerRecipients(tx: Db, row: RequestRow): Promise<Recipients> {
  if (row.handlerKind === "partner" && row.handlerPartnerId) {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.partnerId, row.handlerPartnerId), eq(users.status, "active")));
    return { kind: "users", userIds: rows.map((r) => r.id) };
  }
  if (row.handlerUserId) return { kind: "users", userIds: [row.handlerUserId] };
  return { kind: "staff", baseId: row.baseId };
}

export async function noticeRequest(
  tx: Db,
  ctx: Context,
  row: RequestRow,
  to: RequestNoticeTo,
  event: string,
  note: string | null = null,
): Promise<void> {
  const [org] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  const recipients: Recipients =
    to === "organization"
      ? { kind: "organization", organizationId: row.organizationId }
      : to === "base"
        ? { kind: "staff", baseId: row.baseId }
        : await handlerRecipients(tx, row);
  await notify(tx, {
    baseId: row.baseId,
    recipients,
    kind: "service_request",
    params: {
      event,
      title: row.title,
      organizationName: org?.name ?? null,
      note: note?.slice(0, 80) ?? null,
    },
    link: to === "organization" ? `/services/mine/${row.id}` : `/services/requests/${row.id}`,
    exceptUserId: ctx.actor.userId,
  });
}

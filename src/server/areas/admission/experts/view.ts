/** How invitations, experts and conflicts leave the server: mobiles masked, times as ISO. */
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../../db/client";
import { expertInvitations, users } from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import type { Invitation, InvitationViewStatus } from "../../../../schemas/admission/experts";

const inviter = alias(users, "inviter");

/** Invitations with the inviter's name; callers add where, order and paging. */
export function selectInvitations(db: Db) {
  return db
    .select({ invitation: expertInvitations, createdByName: inviter.displayName })
    .from(expertInvitations)
    .leftJoin(inviter, eq(inviter.id, expertInvitations.createdBy));
}

type InvitationRow = typeof expertInvitations.$inferSelect;

export function invitationStatus(row: InvitationRow, now = new Date()): InvitationViewStatus {
  return row.status === "sent" && row.expiresAt.getTime() <= now.getTime() ? "expired" : row.status;
}

export function toInvitation(row: { invitation: InvitationRow; createdByName: string | null }): Invitation {
  const i = row.invitation;
  return {
    id: i.id,
    name: i.name,
    mobile: maskMobile(i.mobile),
    email: i.email,
    fields: i.fields,
    message: i.message,
    status: invitationStatus(i),
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    userId: i.userId,
    createdByName: row.createdByName,
    createdAt: i.createdAt.toISOString(),
  };
}

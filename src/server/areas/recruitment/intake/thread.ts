/**
 * The message thread of one application, for both sides: the applicant (its own organization's
 * member, `application.apply`) and base staff (`application.intake`). Messages stay open in every
 * status, withdrawn and ineligible included: the conversation may need to go on after a decision.
 * Reading the thread marks nothing; the page that shows it calls `markRead`, so a glance at the
 * queue's counts does not clear them.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationMessages, files, organizations } from "../../../../db/schema";
import type { ApplicationSide } from "../../../../domain/application";
import { hasRole } from "../../../../domain/roles";
import type { UploadedFile } from "../../../../schemas/platform/files";
import type { Thread, ThreadMessage } from "../../../../schemas/recruitment/application-thread";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { fieldError } from "../../../errors";
import { noticeOtherSide } from "../applications/notice";
import { attachableFiles } from "./attachments";
import { type ApplicationRow, type CallRow, loadApplication } from "./load";

/** Staff and admins speak for the base; everyone else may only be the applicant. */
function sideOf(ctx: Context): ApplicationSide {
  return hasRole(ctx.actor, "admin", "staff") ? "staff" : "applicant";
}

async function loadFor(tx: Db, ctx: Context, id: string, lock = false) {
  const side = sideOf(ctx);
  const found = await loadApplication(
    tx,
    ctx,
    id,
    side === "staff" ? "application.intake" : "application.apply",
    {
      lock,
    },
  );
  return { ...found, side };
}

export async function getThread(db: Db, ctx: Context, id: string): Promise<Thread> {
  const { application, side } = await loadFor(db, ctx, id);
  const rows = await db
    .select()
    .from(applicationMessages)
    .where(eq(applicationMessages.applicationId, application.id))
    .orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id));
  const fileIds = [...new Set(rows.flatMap((r) => r.fileIds))];
  const fileRows =
    fileIds.length === 0
      ? []
      : await db
          .select({ id: files.id, originalName: files.originalName, size: files.size, mime: files.mime })
          .from(files)
          .where(inArray(files.id, fileIds));
  const byId = new Map<string, UploadedFile>(fileRows.map((f) => [f.id, f]));
  const items: ThreadMessage[] = rows.map((r) => ({
    id: r.id,
    side: r.side,
    authorName: r.authorName,
    body: r.body,
    files: r.fileIds.flatMap((f) => byId.get(f) ?? []),
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    mine: r.side === side,
  }));
  const unread = items.filter((m) => m.side !== side && m.readAt === null).length;
  return { items, unread, side };
}

export async function postMessage(
  db: Db,
  ctx: Context,
  id: string,
  input: { body: string; fileIds: string[] },
): Promise<ThreadMessage> {
  const body = input.body.trim();
  if (!body) throw fieldError("body", "required");
  return db.transaction(async (tx) => {
    const { application, call, side } = await loadFor(tx, ctx, id, true);
    const attached = await attachableFiles(tx, application, side, [...new Set(input.fileIds)]);
    const [row] = await tx
      .insert(applicationMessages)
      .values({
        baseId: application.baseId,
        applicationId: application.id,
        side,
        authorId: ctx.actor.userId,
        authorName: ctx.actor.displayName,
        body,
        fileIds: attached.map((f) => f.id),
      })
      .returning();
    if (!row) throw new Error("message insert returned nothing");
    await recordAudit(tx, ctx, {
      baseId: application.baseId,
      action: "application.message",
      entityType: "application",
      entityId: application.id,
      after: { messageId: row.id, side, files: attached.length },
    });
    await notifyOtherSide(tx, ctx, application, call, side, body);
    return {
      id: row.id,
      side,
      authorName: row.authorName,
      body: row.body,
      files: attached,
      readAt: null,
      createdAt: row.createdAt.toISOString(),
      mine: true,
    };
  });
}

async function notifyOtherSide(
  tx: Db,
  ctx: Context,
  application: ApplicationRow,
  call: CallRow,
  side: ApplicationSide,
  body: string,
) {
  const preview = [...body].slice(0, 80).join("");
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, application.organizationId));
  await noticeOtherSide(tx, ctx, application, side, "application_message", {
    preview,
    callTitle: call.title,
    organizationName: side === "applicant" ? (organization?.name ?? null) : null,
  });
}

/** Marks the other side's unread messages read (the thread was shown to the viewer's side). */
export async function markRead(db: Db, ctx: Context, id: string): Promise<{ marked: number }> {
  const { application, side } = await loadFor(db, ctx, id);
  const marked = await db
    .update(applicationMessages)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(applicationMessages.applicationId, application.id),
        ne(applicationMessages.side, side),
        isNull(applicationMessages.readAt),
      ),
    )
    .returning({ id: applicationMessages.id });
  return { marked: marked.length };
}

/**
 * The owner kinds: every stored file belongs to one record (`files.owner_type` + `owner_id`), and
 * this registry says, per kind, how to find that record's policy subject, which action reads its
 * files and which attaches one to it. A download asks the policy about that very record, so a
 * later stage adds a kind here (and to FILE_OWNER_KINDS and the CHECK) instead of a new check.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, inspections } from "../../../../db/schema";
import { type Action, decide, type Subject } from "../../../../domain/access";
import type { Actor } from "../../../../domain/roles";
import { FILE_OWNER_KINDS, type FileOwnerKind } from "../../../../domain/upload";
import type { Context } from "../../../context";
import { AppError, notFound } from "../../../errors";
import { requireAccess, requireRoleFor } from "../../../policy";
import { inspectionSubject } from "../../admission/inspections/load";
import { reviewRelations } from "../../admission/reviews/relations";
import { reportOwnerSubject } from "../../funding/reports/files";
import { grantReceiptOwnerSubject } from "../../funding/spending/files";
import { actorWriteAction, assessmentOwnerSubject } from "../../incubation/assessments/load";
import { postOwnerSubject } from "../../services/posts/load";
import { requestOwnerSubject, requestWriteAction } from "../../services/requests/files";

interface OwnerKind {
  /**
   * The owner's policy subject for `actor`, or null when no such record exists (the actor is
   * there for kinds whose relations depend on who asks: an inspection's inspectors, an
   * application's assigned experts). `fileId`, when a file is read: a kind may grant less for a
   * file its owner no longer carries (a post's attachment left out).
   */
  subject(db: Db, ownerId: string, actor: Actor, fileId?: string): Promise<Subject | null>;
  /** Whoever may do this to the owner may read its files. */
  read: Action;
  /** What attaching a file to the owner takes, for this actor. */
  attach(actor: Actor): Action;
  /**
   * The stored-bytes ceiling its files count against (UPLOAD_LIMITS.stored*): the files of every
   * kind with the same account and the same owner id count together.
   */
  account: "application" | "inspection" | "assessment" | "service" | "post" | "grant" | "funding";
}

async function applicationSubject(db: Db, id: string, actor: Actor): Promise<Subject | null> {
  const [row] = await db
    .select({ id: applications.id, baseId: applications.baseId, organizationId: applications.organizationId })
    .from(applications)
    .where(eq(applications.id, id))
    .limit(1);
  if (!row) return null;
  // An assigned expert reads the application's files as staff do (review relation, no conflict).
  return {
    baseId: row.baseId,
    organizationId: row.organizationId,
    relations: await reviewRelations(db, actor, row),
  };
}

/** Staff answer in the thread as the base; members as the applicant. */
function threadAction(actor: Actor): Action {
  return decide(actor, "application.intake") === "allow" ? "application.intake" : "application.apply";
}

/** An inspection's subject with the actor's relations (src/server/areas/admission/inspections/load.ts). */
async function inspectionOwnerSubject(db: Db, id: string, actor: Actor): Promise<Subject | null> {
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id)).limit(1);
  return row ? inspectionSubject(db, actor, row) : null;
}

const OWNER_KINDS: Record<FileOwnerKind, OwnerKind> = {
  // Uploaded by the applicant for one requirement; the documents service also checks the form
  // is still theirs to change.
  application_document: {
    subject: applicationSubject,
    read: "application.read",
    attach: () => "application.apply",
    account: "application",
  },
  // The thread is between the applicant and the base: no relation reaches it (an expert gets 404).
  application_thread: {
    subject: async (db, id, actor) => {
      const subject = await applicationSubject(db, id, actor);
      return subject && { baseId: subject.baseId, organizationId: subject.organizationId };
    },
    read: "application.read",
    attach: threadAction,
    account: "application",
  },
  // Photos and scans of an inspection record: read by whoever reads the record (staff, its
  // inspectors, the experts reviewing the application), attached by whoever records it; the
  // record service checks it is still open.
  inspection: {
    subject: inspectionOwnerSubject,
    read: "inspection.read",
    attach: () => "inspection.record",
    account: "inspection",
  },
  // Evidence of a capacity assessment, for one indicator: read by whoever sees the assessment (a
  // member not the assessor's draft, an expert only one naming them), attached by whoever fills
  // in its side; the assessment service checks it is still a draft and the side is the actor's.
  assessment: {
    subject: assessmentOwnerSubject,
    read: "assessment.read",
    attach: actorWriteAction,
    account: "assessment",
  },
  // A service request's attachments: read by whoever reads the request (staff, the organization,
  // the handler), attached by the organization (its thread) or whoever handles it (the record).
  service_request: {
    subject: requestOwnerSubject,
    read: "service.read",
    attach: requestWriteAction,
    account: "service",
  },
  // An attachment of a post (资讯): read by whoever may open the post (a reader only a published
  // post meant for them, and only a file the post carries), attached by staff while writing it.
  post: {
    subject: postOwnerSubject,
    read: "post.read",
    attach: () => "post.manage",
    account: "post",
  },
  // A receipt of a grant's spending item: read by whoever reads the grant (staff, the grantee,
  // the fund's partner, the incubation's mentor), attached by the grantee's members.
  grant_receipt: {
    subject: grantReceiptOwnerSubject,
    read: "funding.read",
    attach: () => "funding.report",
    account: "grant",
  },
  // A progress report's photos and evidence: read by whoever reads the grant (staff, the grantee,
  // the fund's partner), attached by the grantee while the report is its to write.
  progress_report: {
    subject: (db, id) => reportOwnerSubject(db, id),
    read: "funding.read",
    attach: () => "funding.report",
    account: "funding",
  },
};

/** The kinds whose files count against the same ceiling as `kind`'s. */
export function kindsSharingAccount(kind: FileOwnerKind): FileOwnerKind[] {
  return FILE_OWNER_KINDS.filter((k) => OWNER_KINDS[k].account === OWNER_KINDS[kind].account);
}

/** The role half of attaching, before the request body is read (403 for a role that never may). */
export function requireAttachRole(ctx: Context, kind: FileOwnerKind): void {
  requireRoleFor(ctx.actor, OWNER_KINDS[kind].attach(ctx.actor));
}

/** The owner `ctx` may attach a file to, with its subject; 404 when it is not theirs to see. */
export async function ownerForAttach(
  db: Db,
  ctx: Context,
  kind: FileOwnerKind,
  ownerId: string,
): Promise<Subject> {
  const action = OWNER_KINDS[kind].attach(ctx.actor);
  requireRoleFor(ctx.actor, action);
  const subject = await OWNER_KINDS[kind].subject(db, ownerId, ctx.actor);
  if (!subject) throw notFound();
  requireAccess(ctx.actor, action, subject);
  return subject;
}

/** A role that may read no kind's owner gets 403 for any file id, before one is looked up. */
export function requireSomeReadRole(ctx: Context): void {
  if (FILE_OWNER_KINDS.every((k) => decide(ctx.actor, OWNER_KINDS[k].read) === "forbidden")) {
    throw new AppError("forbidden");
  }
}

/** Whether `ctx` may read the owner of a file (of `baseId`): the file's own read rule. */
export async function mayReadOwner(
  db: Db,
  ctx: Context,
  file: { id: string; baseId: string; ownerType: FileOwnerKind; ownerId: string },
): Promise<boolean> {
  const kind = OWNER_KINDS[file.ownerType];
  const subject = await kind.subject(db, file.ownerId, ctx.actor, file.id);
  // A file and its owner share a base; were they ever to differ, the file's base decides too.
  if (!subject || subject.baseId !== file.baseId) return false;
  return decide(ctx.actor, kind.read, subject) === "allow";
}

/**
 * The items that hold back an acceptance (src/domain/intake-gaps.ts), read for one application
 * or a batch in three queries, and the 409 that lists them per application until staff confirm.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationDocuments, files, intakeVerdicts, organizations } from "../../../../db/schema";
import { nextStatus } from "../../../../domain/application";
import { gapsConfirmed, type IntakeGap, intakeGaps, intakeItems } from "../../../../domain/intake-gaps";
import type { Lang } from "../../../../schemas/messages";
import type { IntakeGapsDetails } from "../../../../schemas/recruitment/intake";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { AppError, versionConflict } from "../../../errors";
import { illegalTransition } from "../applications/transition";
import type { ApplicationRow, CallRow } from "./load";

type Row = { application: ApplicationRow; call: CallRow };

/** Per application id, its gaps now (none: an empty list), read in `tx`. */
export async function gapsOf(tx: Db, rows: Row[]): Promise<Map<string, IntakeGap[]>> {
  const ids = rows.map((r) => r.application.id);
  if (ids.length === 0) return new Map();
  // One after the other: in a transaction they share one connection.
  const documents = await tx
    .select({
      applicationId: applicationDocuments.applicationId,
      requirementKey: applicationDocuments.requirementKey,
      // The file's time, as the detail shows it, so the page and the server agree on "stale".
      uploadedAt: files.createdAt,
    })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(and(inArray(applicationDocuments.applicationId, ids), isNull(applicationDocuments.removedAt)));
  const verdicts = await tx
    .select({
      applicationId: intakeVerdicts.applicationId,
      requirementKey: intakeVerdicts.requirementKey,
      status: intakeVerdicts.status,
      checkedAt: intakeVerdicts.checkedAt,
    })
    .from(intakeVerdicts)
    .where(inArray(intakeVerdicts.applicationId, ids));
  const gaps = new Map<string, IntakeGap[]>();
  for (const { application, call } of rows) {
    const mine = <T extends { applicationId: string }>(list: T[]) =>
      list.filter((x) => x.applicationId === application.id);
    gaps.set(
      application.id,
      intakeGaps(intakeItems(call.rules, application.track), mine(verdicts), mine(documents)),
    );
  }
  return gaps;
}

/** Organization names for the 409's list (the queue shows applications by them). */
export async function organizationNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * 409 `intake_items_unchecked`: the message lists the items in the request's language, the
 * details per application (what a client shows, then sends back as its confirmation).
 */
export function uncheckedItems(lang: Lang, applications: IntakeGapsDetails["applications"]): AppError {
  const words = RECRUITMENT_LABELS[lang].intakeGap;
  const [open, close, comma, semicolon, colon] =
    lang === "en" ? [" (", ")", ", ", "; ", ": "] : ["（", "）", "、", "；", "："];
  const items = applications
    .map(
      (a) =>
        `${a.organizationName}${colon}` +
        a.items.map((i) => `${i.label}${open}${words[i.state]}${close}`).join(comma),
    )
    .join(semicolon);
  const details: IntakeGapsDetails = { applications };
  return new AppError("intake_items_unchecked", { params: { items }, details: { ...details } });
}

/**
 * Before an accept, in its transaction (the application locked): the status must allow it and
 * the version match (those answers come first: a stale screen reloads before anything else), then
 * every gap must be among those confirmed. Answers the gaps accepted over, for the audit entry.
 */
export async function requireGapsConfirmed(
  tx: Db,
  lang: Lang,
  row: Row,
  expectedVersion: number | undefined,
  confirmed: { key: string; state: IntakeGap["state"] }[],
): Promise<IntakeGap[]> {
  const { application } = row;
  if (!nextStatus(application.status, "accept")) throw illegalTransition(application.status);
  if (expectedVersion !== undefined && expectedVersion !== application.version)
    throw versionConflict(application.version);
  const gaps = (await gapsOf(tx, [row])).get(application.id) ?? [];
  if (gapsConfirmed(gaps, confirmed)) return gaps;
  const names = await organizationNames(tx, [application.organizationId]);
  throw uncheckedItems(lang, [
    { id: application.id, organizationName: names.get(application.organizationId) ?? "", items: gaps },
  ]);
}

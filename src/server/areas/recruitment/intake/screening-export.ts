/**
 * The screening base file (初筛基础文件) as .xlsx: one row per application of the queue's filter,
 * every field, every extra answer, each required document's files and verdict state. Phones are
 * masked; the export is audited.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  applicationDocuments,
  applications,
  calls,
  files,
  intakeVerdicts,
  organizations,
  towns,
} from "../../../../db/schema";
import { trackOf } from "../../../../domain/call";
import { isVerdictStale } from "../../../../domain/intake-gaps";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { writeExportSheet } from "../../../xlsx-export";
import { eligibilityReport } from "../applications/view";
import type { CallRow } from "./load";
import { type QueueFilter, queueOrder, queueWhere } from "./queue";
import { type ScreeningRow, screeningColumns } from "./screening-columns";

/** A call of a hundred applications is the case; ten thousand is already more than anyone reads. */
const EXPORT_LIMIT = 10_000;
const CHUNK = 1000;

export interface ScreeningFile {
  buffer: Buffer;
  filename: string;
  rows: number;
}

export async function exportScreeningFile(db: Db, ctx: Context, filter: QueueFilter): Promise<ScreeningFile> {
  requireAccess(ctx.actor, "application.export");
  const base = await db
    .select({
      application: applications,
      organization: organizations,
      townName: towns.name,
      callTitle: calls.title,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .where(queueWhere(ctx, filter))
    .orderBy(...queueOrder(filter))
    .limit(EXPORT_LIMIT);
  const ids = base.map((r) => r.application.id);
  const { documents, verdicts } = await attachmentsOf(db, ids);
  const callIds = [...new Set(base.map((r) => r.application.callId))];
  if (filter.callId && !callIds.includes(filter.callId)) callIds.push(filter.callId);
  const callRows: CallRow[] =
    callIds.length === 0 ? [] : await db.select().from(calls).where(inArray(calls.id, callIds));
  const callById = new Map(callRows.map((c) => [c.id, c]));
  const now = new Date();
  const rows: ScreeningRow[] = base.map((r) => {
    const call = callById.get(r.application.callId);
    const track = call && trackOf(call.rules, r.application.track);
    return {
      application: r.application,
      organization: r.organization,
      townName: r.townName,
      callTitle: r.callTitle,
      documents: documents.get(r.application.id) ?? new Map(),
      verdicts: verdicts.get(r.application.id) ?? new Map(),
      eligibility: track
        ? eligibilityReport(track.eligibility, r.organization, r.application, now).checks
        : null,
    };
  });
  callRows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const columns = screeningColumns(callRows);
  const buffer = await writeExportSheet(
    "初筛基础文件",
    columns,
    rows,
    (row) => columns.map((c) => c.value(row)),
    1,
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "application.exported",
    entityType: "application",
    after: { filter, rows: rows.length, limited: rows.length === EXPORT_LIMIT },
  });
  const single = callRows.length === 1 ? callRows[0]?.title : undefined;
  const name = (single ?? "全部招募").replace(/[\\/:*?"<>|]/g, "_");
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `初筛基础文件-${name}-${date}.xlsx`, rows: rows.length };
}

type Docs = Map<string, Map<string, string[]>>;
type Verdicts = Map<string, ScreeningRow["verdicts"]>;

/** Current documents' file names and the verdict of each item, for all rows in a few queries. */
async function attachmentsOf(db: Db, ids: string[]): Promise<{ documents: Docs; verdicts: Verdicts }> {
  const documents: Docs = new Map();
  const verdicts: Verdicts = new Map();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const docs = await db
      .select({
        applicationId: applicationDocuments.applicationId,
        key: applicationDocuments.requirementKey,
        name: files.originalName,
        // The file's time, as the detail and the accept check (gaps.ts) take it.
        uploadedAt: files.createdAt,
      })
      .from(applicationDocuments)
      .innerJoin(files, eq(files.id, applicationDocuments.fileId))
      .where(and(inArray(applicationDocuments.applicationId, chunk), isNull(applicationDocuments.removedAt)))
      .orderBy(applicationDocuments.createdAt);
    const uploads = new Map<string, Date[]>();
    for (const d of docs) {
      const perApp = documents.get(d.applicationId) ?? new Map<string, string[]>();
      perApp.set(d.key, [...(perApp.get(d.key) ?? []), d.name]);
      documents.set(d.applicationId, perApp);
      const at = `${d.applicationId}/${d.key}`;
      uploads.set(at, [...(uploads.get(at) ?? []), d.uploadedAt]);
    }
    const revs = await db.select().from(intakeVerdicts).where(inArray(intakeVerdicts.applicationId, chunk));
    for (const r of revs) {
      const perApp: ScreeningRow["verdicts"] = verdicts.get(r.applicationId) ?? new Map();
      // A file uploaded after the verdict: the verdict is about a file no longer there.
      const stale = isVerdictStale(r, uploads.get(`${r.applicationId}/${r.requirementKey}`) ?? []);
      perApp.set(r.requirementKey, { status: r.status, reason: r.reason, stale });
      verdicts.set(r.applicationId, perApp);
    }
  }
  return { documents, verdicts };
}

/**
 * The screening base file (初筛基础文件) as .xlsx: one call's applications of the queue's filter
 * (by default those that reached screening), every field, every extra answer, each required
 * document's files (linked to the platform) and verdict state. A first sheet says what the file
 * holds. Phones are masked; the export is audited.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import {
  applicationDocuments,
  applications,
  calls,
  files,
  inspectionInspectors,
  inspections,
  intakeVerdicts,
  organizations,
  towns,
  users,
} from "../../../../db/schema";
import { SCREENING_STATUSES } from "../../../../domain/application";
import { trackOf } from "../../../../domain/call";
import { exclusionsFound, type InspectionFinding } from "../../../../domain/inspection";
import { isVerdictStale } from "../../../../domain/intake-gaps";
import type { RegistrationStatus } from "../../../../domain/organization";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { INSPECTION_LABELS } from "../../../../schemas/admission/inspection-labels";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError } from "../../../errors";
import { requireAccess } from "../../../policy";
import { writeExportSheet } from "../../../xlsx-export";
import { eligibilityReport } from "../applications/view";
import { type QueueFilter, queueOrder, queueWhere } from "./queue";
import { type ScreeningRow, screeningColumns } from "./screening-columns";
import { prefaceLines } from "./screening-preface";

/** A call of a hundred applications is the case; ten thousand is already more than anyone reads. */
const EXPORT_LIMIT = 10_000;
const CHUNK = 1000;

export interface ScreeningFile {
  buffer: Buffer;
  filename: string;
  rows: number;
}

/**
 * `origin` is the platform's address as the request reached it (protocol and host, behind a
 * trusted proxy its forwarded ones), so the file's links open where the staff member works.
 */
export async function exportScreeningFile(
  db: Db,
  ctx: Context,
  query: QueueFilter & { callId: string },
  origin: string,
): Promise<ScreeningFile> {
  requireAccess(ctx.actor, "application.export");
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, query.callId), eq(calls.baseId, ctx.actor.baseId)));
  if (!call) throw new AppError("not_found");
  // No status asked for: only what reached screening, never drafts or returned ones by surprise.
  const filter: QueueFilter =
    query.status && query.status.length > 0 ? query : { ...query, status: [...SCREENING_STATUSES] };
  const base = await db
    .select({
      application: applications,
      organization: organizations,
      townName: towns.name,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .where(queueWhere(ctx, filter))
    .orderBy(...queueOrder(filter))
    .limit(EXPORT_LIMIT);
  const ids = base.map((r) => r.application.id);
  const { documents, verdicts } = await attachmentsOf(db, ids);
  const inspected = await latestInspections(db, ids);
  const now = new Date();
  const rows: ScreeningRow[] = base.map((r) => {
    const track = trackOf(call.rules, r.application.track);
    return {
      application: r.application,
      organization: r.organization,
      townName: r.townName,
      callTitle: call.title,
      documents: documents.get(r.application.id) ?? new Map(),
      verdicts: verdicts.get(r.application.id) ?? new Map(),
      eligibility: track
        ? eligibilityReport(track.eligibility, r.organization, r.application, now).checks
        : null,
      inspection: inspectionOf(inspected.get(r.application.id), r.organization.registrationStatus),
    };
  });
  const columns = screeningColumns(call, origin);
  const limited = rows.length === EXPORT_LIMIT;
  const townName = filter.townId
    ? ((await db.select({ name: towns.name }).from(towns).where(eq(towns.id, filter.townId)))[0]?.name ??
      null)
    : null;
  const lines = prefaceLines({
    callTitle: call.title,
    filter: query,
    townName,
    rows: rows.length,
    limited,
    exportedBy: ctx.actor.displayName,
    at: now,
  });
  const buffer = await writeExportSheet(
    "初筛基础文件",
    columns,
    rows,
    (row) => columns.map((c) => c.value(row)),
    { frozenColumns: 1, autoFilter: true, preface: { name: "说明", lines } },
  );
  await recordAudit(db, ctx, {
    baseId: ctx.actor.baseId,
    action: "application.exported",
    entityType: "application",
    after: { filter, rows: rows.length, limited },
  });
  const name = call.title.replace(/[\\/:*?"<>|]/g, "_");
  const date = shanghaiDate(new Date()).replaceAll("-", "");
  return { buffer, filename: `初筛基础文件-${name}-${date}.xlsx`, rows: rows.length };
}

type Docs = Map<string, ScreeningRow["documents"]>;
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
        fileId: files.id,
        name: files.originalName,
        // The file's time, as the detail and the accept check (gaps.ts) take it.
        uploadedAt: files.createdAt,
      })
      .from(applicationDocuments)
      .innerJoin(files, eq(files.id, applicationDocuments.fileId))
      .where(and(inArray(applicationDocuments.applicationId, chunk), isNull(applicationDocuments.removedAt)))
      // The detail's order: documents added in one transaction share their time, so the id decides.
      .orderBy(applicationDocuments.createdAt, applicationDocuments.id);
    const uploads = new Map<string, Date[]>();
    for (const d of docs) {
      const perApp: ScreeningRow["documents"] = documents.get(d.applicationId) ?? new Map();
      perApp.set(d.key, [...(perApp.get(d.key) ?? []), { id: d.fileId, name: d.name }]);
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

type LatestInspection = { row: typeof inspections.$inferSelect; inspectors: string[] };

/** Each application's latest inspection (highest revision) with its inspectors' names. */
async function latestInspections(db: Db, ids: string[]): Promise<Map<string, LatestInspection>> {
  const latest = new Map<string, LatestInspection>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db
      .select()
      .from(inspections)
      .where(inArray(inspections.applicationId, chunk))
      .orderBy(inspections.revision);
    for (const row of rows) latest.set(row.applicationId, { row, inspectors: [] });
    const wanted = [...latest.values()].filter((l) => chunk.includes(l.row.applicationId));
    if (wanted.length === 0) continue;
    const byInspection = new Map(wanted.map((l) => [l.row.id, l]));
    const names = await db
      .select({ inspectionId: inspectionInspectors.inspectionId, name: users.displayName })
      .from(inspectionInspectors)
      .innerJoin(users, eq(users.id, inspectionInspectors.userId))
      .where(inArray(inspectionInspectors.inspectionId, [...byInspection.keys()]))
      .orderBy(users.displayName);
    for (const n of names) byInspection.get(n.inspectionId)?.inspectors.push(n.name);
  }
  return latest;
}

function inspectionOf(
  latest: LatestInspection | undefined,
  registration: RegistrationStatus,
): ScreeningRow["inspection"] {
  if (!latest) return null;
  const words = INSPECTION_LABELS["zh-CN"].check;
  return {
    scheduledAt: latest.row.scheduledAt,
    status: latest.row.status,
    inspectors: latest.inspectors,
    recommendation: latest.row.recommendation,
    exclusions: exclusionsFound(latest.row.finding as InspectionFinding, registration).map((c) => words[c]),
  };
}

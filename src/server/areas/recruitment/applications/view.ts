/** The application detail both sides see: one shape, the phone masked unless the viewer is staff. */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { PROFILE_COLUMNS } from "../../../../db/organization-profile";
import { applications, calls, organizations, towns } from "../../../../db/schema";
import { availableEvents, deadlineOf } from "../../../../domain/application";
import { canSubmitAt, questionsFor, trackOf } from "../../../../domain/call";
import { eligibilityChecks } from "../../../../domain/eligibility";
import { maskMobile } from "../../../../domain/phone";
import { hasRole } from "../../../../domain/roles";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type {
  ApplicationDetail,
  ApplicationDocument,
  ApplicationOrganization,
  EligibilityReport,
} from "../../../../schemas/recruitment/applications";
import type { Context } from "../../../context";
import { notFound } from "../../../errors";
import type { ApplicationRow, DocumentRow, ProfileRow } from "./load";
import { applicationProblems } from "./problems";

export function isStaff(ctx: Context): boolean {
  return hasRole(ctx.actor, "admin", "staff");
}

function profileView(profile: ProfileRow, revealPhone: boolean): ApplicationOrganization {
  return {
    ...profile,
    contactPhone:
      revealPhone || !profile.contactPhone ? profile.contactPhone : maskMobile(profile.contactPhone),
  };
}

/** A current document as both sides see it (the detail, and the answer to an upload). */
export function documentView(d: {
  id: string;
  requirementKey: string;
  file: { id: string; originalName: string; size: number; mime: string; createdAt: Date };
}): ApplicationDocument {
  const { id, originalName, size, mime, createdAt } = d.file;
  return {
    id: d.id,
    requirementKey: d.requirementKey,
    file: { id, originalName, size, mime, createdAt: createdAt.toISOString() },
  };
}

/**
 * The track's rules judged on the registry's record as it is now, counted to the day of the last
 * submit (the day the rule speaks of, src/domain/call.ts), or to today before any.
 */
export function eligibilityReport(
  rule: Parameters<typeof eligibilityChecks>[0],
  profile: Parameters<typeof eligibilityChecks>[1],
  row: Pick<ApplicationRow, "lastSubmittedAt">,
  now: Date,
): EligibilityReport {
  const onDate = shanghaiDate(row.lastSubmittedAt ?? now);
  return { onDate, checks: eligibilityChecks(rule, profile, onDate) };
}

export async function applicationDetail(
  db: Db,
  ctx: Context,
  row: ApplicationRow,
): Promise<ApplicationDetail> {
  const loaded = await loadDetail(db, row.id);
  if (!loaded) throw notFound();
  return detailView(ctx, row, loaded);
}

/**
 * The detail by the application's id, the application read in the same statement as the rest;
 * `authorize` sees the row before anything of it is answered (404 or 403 as the caller decides).
 */
export async function readApplicationDetail(
  db: Db,
  ctx: Context,
  id: string,
  authorize: (row: ApplicationRow) => Promise<void>,
): Promise<ApplicationDetail> {
  const loaded = await loadDetail(db, id);
  if (!loaded) throw notFound();
  await authorize(loaded.application);
  return detailView(ctx, loaded.application, loaded);
}

function detailView(
  ctx: Context,
  row: ApplicationRow,
  { call, profile, documents, replaced, verdicts, events, submissions }: DetailData,
): ApplicationDetail {
  const now = new Date();
  const staff = isStaff(ctx);
  const track = trackOf(call.rules, row.track);
  return {
    id: row.id,
    baseId: row.baseId,
    status: row.status,
    track: row.track,
    version: row.version,
    callRevision: row.callRevision,
    missingItems: row.missingItems,
    submissionCount: row.submissionCount,
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    lastSubmittedAt: row.lastSubmittedAt?.toISOString() ?? null,
    statusChangedAt: row.statusChangedAt.toISOString(),
    extendedUntil: row.extendedUntil?.toISOString() ?? null,
    statusReason: row.statusReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    call: {
      id: call.id,
      title: call.title,
      status: call.status,
      revision: call.revision,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
    },
    organization: profileView(profile, staff),
    requirements: {
      documents: track?.documents ?? [],
      questions: questionsFor(call.rules, row.track),
    },
    answers: row.answers,
    documents: documents.map(documentView),
    replacedDocuments: replaced.map((d) => ({
      ...documentView(d),
      replacedAt: (d.replacedAt ?? d.file.createdAt).toISOString(),
      replacedById: d.replacedById ?? "",
    })),
    verdicts: verdicts.map((r) => ({ ...r, checkedAt: r.checkedAt.toISOString() })),
    events: events.map((e) => ({
      id: e.id,
      event: e.event,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      side: e.side,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    })),
    submissions: submissions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
    problems: applicationProblems(row, call, profile, documents, now),
    canSubmitNow: canSubmitAt(call, now, row.extendedUntil),
    deadline: deadlineOf(call.closesAt, row.extendedUntil).toISOString(),
    availableEvents: availableEvents(row.status, staff ? "staff" : "applicant"),
    ...(staff ? { eligibility: track ? eligibilityReport(track.eligibility, profile, row, now) : null } : {}),
    serverNow: now.toISOString(),
  };
}

/** What the detail's lists hold as the database's JSON gives them (times as ISO strings). */
interface DetailLists {
  documents: (Omit<DocumentRow, "file"> & {
    file: Omit<DocumentRow["file"], "createdAt"> & { createdAt: string };
  })[];
  replaced: {
    id: string;
    requirementKey: string;
    replacedAt: string | null;
    replacedById: string | null;
    file: { id: string; originalName: string; size: number; mime: string; createdAt: string };
  }[];
  verdicts: {
    requirementKey: string;
    status: ApplicationDetail["verdicts"][number]["status"];
    reason: string | null;
    checkedAt: string;
    checkerName: string | null;
  }[];
  events: (Omit<ApplicationDetail["events"][number], "createdAt"> & { createdAt: string })[];
  submissions: { number: number; createdAt: string; submittedByName: string | null }[];
}

/**
 * The application, its call, the registry profile and the five lists of the detail (current and replaced
 * documents, intake verdicts, history, submissions) in one statement: as seven, they cost a city
 * base's busiest page more in round trips and per-statement work than in reading (each list is a
 * handful of rows by an index on the application). Each list keeps the order it had as a query.
 */
type DetailData = NonNullable<Awaited<ReturnType<typeof loadDetail>>>;

async function loadDetail(db: Db, id: string) {
  const [found] = await db
    .select({
      application: applications,
      call: calls,
      profile: { ...PROFILE_COLUMNS, townName: towns.name },
      lists: sql<DetailLists>`json_build_object(
        'documents', coalesce((
          select json_agg(json_build_object('id', d.id, 'requirementKey', d.requirement_key,
            'file', json_build_object('id', f.id, 'originalName', f.original_name, 'size', f.size,
              'mime', f.mime, 'sha256', f.sha256, 'createdAt', f.created_at))
            order by d.created_at, d.id)
          from application_documents d join files f on f.id = d.file_id
          where d.application_id = ${id} and d.removed_at is null), '[]'),
        'replaced', coalesce((
          select json_agg(json_build_object('id', d.id, 'requirementKey', d.requirement_key,
            'replacedAt', d.removed_at, 'replacedById', d.replaced_by_id,
            'file', json_build_object('id', f.id, 'originalName', f.original_name, 'size', f.size,
              'mime', f.mime, 'createdAt', f.created_at))
            order by d.removed_at, d.id)
          from application_documents d join files f on f.id = d.file_id
          where d.application_id = ${id} and d.replaced_by_id is not null), '[]'),
        'verdicts', coalesce((
          select json_agg(json_build_object('requirementKey', v.requirement_key, 'status', v.status,
            'reason', v.reason, 'checkedAt', v.checked_at, 'checkerName', u.display_name)
            order by v.requirement_key)
          from intake_verdicts v left join users u on u.id = v.checked_by
          where v.application_id = ${id}), '[]'),
        'events', coalesce((
          select json_agg(json_build_object('id', e.id, 'event', e.event, 'fromStatus', e.from_status,
            'toStatus', e.to_status, 'reason', e.reason, 'side', e.side, 'actorName', e.actor_name,
            'createdAt', e.created_at)
            order by e.created_at, e.id)
          from application_events e
          where e.application_id = ${id}), '[]'),
        'submissions', coalesce((
          select json_agg(json_build_object('number', s.number, 'createdAt', s.created_at,
            'submittedByName', u.display_name)
            order by s.number)
          from application_submissions s left join users u on u.id = s.submitted_by
          where s.application_id = ${id}), '[]')
      )`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(towns, eq(towns.id, organizations.townId))
    .where(eq(applications.id, id))
    .limit(1);
  if (!found) return null;
  const lists = typeof found.lists === "string" ? (JSON.parse(found.lists) as DetailLists) : found.lists;
  const at = (iso: string) => new Date(iso);
  return {
    application: found.application,
    call: found.call,
    profile: found.profile as ProfileRow,
    documents: lists.documents.map((d) => ({ ...d, file: { ...d.file, createdAt: at(d.file.createdAt) } })),
    replaced: lists.replaced.map((d) => ({
      ...d,
      replacedAt: d.replacedAt === null ? null : at(d.replacedAt),
      file: { ...d.file, createdAt: at(d.file.createdAt) },
    })),
    verdicts: lists.verdicts.map((v) => ({ ...v, checkedAt: at(v.checkedAt) })),
    events: lists.events.map((e) => ({ ...e, createdAt: at(e.createdAt) })),
    submissions: lists.submissions.map((s) => ({ ...s, createdAt: at(s.createdAt) })),
  };
}

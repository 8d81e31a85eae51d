/**
 * What the inspection page shows: the record with its application and organization, the
 * inspectors, the gaps still keeping it from sign-off, the exclusions it found, and the earlier
 * revisions a correction superseded. Also the application's current inspection (the staff
 * application page, the dossier) and the people staff may name as inspectors.
 */
import { and, arrayOverlaps, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, calls, inspections, organizations, users } from "../../../../db/schema";
import { decide } from "../../../../domain/access";
import {
  checksFor,
  exclusionsFound,
  type InspectionFinding,
  inspectionGaps,
} from "../../../../domain/inspection";
import type {
  ApplicationInspection,
  InspectionDetail,
  InspectionFindingInput,
} from "../../../../schemas/admission/inspections";
import type { Context } from "../../../context";
import { requireAccess } from "../../../policy";
import { loadApplication } from "../../recruitment/intake/load";
import { filesNamed } from "./files";
import { inspectorNames } from "./list";
import { type InspectionRow, inspectionSubject, loadInspection } from "./load";

export async function inspectionDetail(db: Db, ctx: Context, id: string): Promise<InspectionDetail> {
  const row = await loadInspection(db, ctx, id, "inspection.read");
  const [context] = await db
    .select({ application: applications, organization: organizations, callTitle: calls.title })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, row.applicationId));
  if (!context) throw new Error("inspection without its application");
  const registration = context.organization.registrationStatus;
  const finding = row.finding as InspectionFinding;
  const revisions = await earlierRevisions(db, row);
  const names = await inspectorNames(db, [row.id, ...revisions.map((r) => r.id)]);
  const signers = await signerNames(db, [row, ...revisions]);
  const subject = await inspectionSubject(db, ctx.actor, row);
  const open = row.status === "planned" || row.status === "recording";
  const [successor] = await db
    .select({ id: inspections.id })
    .from(inspections)
    .where(eq(inspections.supersedesId, row.id))
    .limit(1);
  const mayRecord = decide(ctx.actor, "inspection.record", subject) === "allow";
  return {
    id: row.id,
    applicationId: row.applicationId,
    callTitle: context.callTitle,
    revision: row.revision,
    status: row.status,
    mode: row.mode,
    scheduledAt: row.scheduledAt.toISOString(),
    place: row.place,
    inspectors: names.get(row.id) ?? [],
    recommendation: row.recommendation,
    version: row.version,
    application: {
      id: context.application.id,
      status: context.application.status,
      track: context.application.track,
      version: context.application.version,
    },
    organization: {
      id: context.organization.id,
      name: context.organization.name,
      registrationStatus: registration,
      creditCode: context.organization.creditCode,
    },
    finding: finding as Record<string, unknown>,
    checks: [...checksFor(registration)],
    gaps: inspectionGaps(finding, registration),
    exclusionsFound: exclusionsFound(finding, registration),
    supersedesId: row.supersedesId,
    correctionReason: row.correctionReason,
    cancelledReason: row.cancelledReason,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    signedOffBy: row.signedOffBy ? (signers.get(row.signedOffBy) ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
    revisions: revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      status: r.status,
      signedOffAt: r.signedOffAt?.toISOString() ?? null,
      signedOffBy: r.signedOffBy ? (signers.get(r.signedOffBy) ?? null) : null,
      correctionReason: r.correctionReason,
      recommendation: r.recommendation,
      finding: r.finding as Record<string, unknown>,
    })),
    files: await filesNamed(db, finding as InspectionFindingInput),
    can: {
      plan: decide(ctx.actor, "inspection.plan", subject) === "allow" && open,
      record: mayRecord && open,
      correct: mayRecord && row.status === "signed_off" && !successor,
    },
    supersededById: successor?.id ?? null,
  };
}

/** The revisions this one supersedes, newest first (a correction's chain back to the first). */
async function earlierRevisions(db: Db, row: InspectionRow): Promise<InspectionRow[]> {
  const chain: InspectionRow[] = [];
  let next = row.supersedesId;
  while (next) {
    const [earlier] = await db.select().from(inspections).where(eq(inspections.id, next));
    if (!earlier) break;
    chain.push(earlier);
    next = earlier.supersedesId;
  }
  return chain;
}

async function signerNames(db: Db, rows: InspectionRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.signedOffBy).filter((x): x is string => !!x))];
  const map = new Map<string, string>();
  for (const id of ids) {
    const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
    if (u) map.set(id, u.name);
  }
  return map;
}

/** The application's latest inspection (any status), or null: for staff pages of the application. */
export async function applicationInspection(
  db: Db,
  ctx: Context,
  applicationId: string,
): Promise<ApplicationInspection> {
  const { application } = await loadApplication(db, ctx, applicationId, "application.intake");
  return latestInspectionOf(db, application.id);
}

async function latestInspectionOf(db: Db, applicationId: string): Promise<ApplicationInspection> {
  const [row] = await db
    .select({ inspection: inspections, registration: organizations.registrationStatus })
    .from(inspections)
    .innerJoin(organizations, eq(organizations.id, inspections.organizationId))
    .where(eq(inspections.applicationId, applicationId))
    .orderBy(desc(inspections.revision))
    .limit(1);
  if (!row) return null;
  const i = row.inspection;
  const names = await inspectorNames(db, [i.id]);
  return {
    id: i.id,
    revision: i.revision,
    status: i.status,
    mode: i.mode,
    scheduledAt: i.scheduledAt.toISOString(),
    place: i.place,
    inspectors: names.get(i.id) ?? [],
    recommendation: i.recommendation,
    signedOffAt: i.signedOffAt?.toISOString() ?? null,
    exclusionsFound: exclusionsFound(i.finding as InspectionFinding, row.registration),
    version: i.version,
  };
}

/** Active users of the base who may inspect: staff, administrators and experts. */
export async function inspectorCandidates(db: Db, ctx: Context) {
  requireAccess(ctx.actor, "inspection.plan", { baseId: ctx.actor.baseId });
  const rows = await db
    .select({ id: users.id, name: users.displayName, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.baseId, ctx.actor.baseId),
        eq(users.status, "active"),
        arrayOverlaps(users.roles, ["staff", "admin", "expert"]),
      ),
    )
    .orderBy(asc(users.displayName));
  return rows.map((r) => ({ id: r.id, name: r.name, roles: [...r.roles] }));
}

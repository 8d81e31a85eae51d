/**
 * Conflicts of interest between experts and organizations: the stored ones (declared by the
 * expert, recorded by staff) and the detected ones, computed from the records each time so they
 * never go stale. Assignment never pairs a conflicted expert with the organization's
 * application, and the expert cannot open it (404); staff see the reason.
 *
 * Detected kinds (src/domain/review/round.ts DETECTED_CONFLICTS):
 * - member: the expert's account belongs to the organization;
 * - linked: the expert's own organization is the organization's hub organization (枢纽组织,
 *   organizations.hub_organization_id), or the organization is the hub of the expert's;
 * - phone: the expert's mobile is the organization's contact phone or a member account's mobile;
 * - email_domain: the expert's email domain, when not a public webmail (src/domain/review/
 *   email-domains.ts), is a member account's domain (organizations keep no email of their own);
 * - inspector: the expert inspected the organization in this base;
 * - mentor: the expert mentors or mentored the organization (a mentorship of the mentor
 *   programme, current or ended, in this base): who coached it cannot judge it.
 * The reason of a detected conflict says what was found in the same words for every language: a
 * masked phone, a domain, the linked organization's name ("member" and "inspector" need none).
 */
import { and, eq, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "../../../../db/client";
import {
  expertConflicts,
  inspectionInspectors,
  inspections,
  mentorships,
  organizations,
  users,
} from "../../../../db/schema";
import { maskMobile } from "../../../../domain/phone";
import { emailDomain, telltaleDomain } from "../../../../domain/review/email-domains";
import type { ConflictSource, DetectedConflict } from "../../../../domain/review/round";

export interface ConflictFinding {
  expertId: string;
  organizationId: string;
  kind: ConflictSource | DetectedConflict;
  /** For stored conflicts, the reason as written; for detected ones, what was found. */
  reason: string;
}

/**
 * Every conflict between these experts and these organizations of one base. Two statements in
 * the usual case (an expert with a mobile and no organization of their own): the experts with
 * their stored and inspection conflicts, then the phone matches; it runs on every page an expert
 * opens (their list, the scoring page, the application and its files).
 */
export async function findConflicts(
  db: Db,
  baseId: string,
  expertIds: readonly string[],
  organizationIds: readonly string[],
): Promise<ConflictFinding[]> {
  if (expertIds.length === 0 || organizationIds.length === 0) return [];
  const experts = [...expertIds];
  // A long list (an expert's thousand past assignments) is not sent as parameters to three
  // statements: the experts' conflicts with any organization are few, and are narrowed here.
  const wanted = organizationIds.length > MANY_ORGANIZATIONS ? new Set(organizationIds) : null;
  const orgs = wanted ? "all" : [...organizationIds];
  const inOrgs = (column: typeof expertConflicts.organizationId | typeof inspections.organizationId) =>
    orgs === "all" ? undefined : inArray(column, orgs);
  const stored = db
    .select({
      found: sql`coalesce(json_agg(json_build_object('organizationId', ${expertConflicts.organizationId}, 'kind', ${expertConflicts.source}, 'reason', ${expertConflicts.reason})), '[]')`,
    })
    .from(expertConflicts)
    .where(
      and(
        eq(expertConflicts.baseId, baseId),
        eq(expertConflicts.expertId, users.id),
        // Repeated as constants: the planner then reads by the expert's index (a correlated
        // reference alone left it guessing, and it hashed every inspection of the organizations).
        inArray(expertConflicts.expertId, experts),
        inOrgs(expertConflicts.organizationId),
      ),
    );
  // The expert inspected the organization (any inspection of it, in this base).
  const inspected = db
    .select({ found: sql`coalesce(json_agg(distinct ${inspections.organizationId}), '[]')` })
    .from(inspectionInspectors)
    .innerJoin(inspections, eq(inspections.id, inspectionInspectors.inspectionId))
    .where(
      and(
        eq(inspections.baseId, baseId),
        eq(inspectionInspectors.userId, users.id),
        inArray(inspectionInspectors.userId, experts),
        inOrgs(inspections.organizationId),
      ),
    );
  // The expert mentors or mentored the organization (the mentor programme's pairings).
  const mentored = db
    .select({ found: sql`coalesce(json_agg(distinct ${mentorships.organizationId}), '[]')` })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.baseId, baseId),
        eq(mentorships.mentorId, users.id),
        inArray(mentorships.mentorId, experts),
        orgs === "all" ? undefined : inArray(mentorships.organizationId, orgs),
      ),
    );
  const rows = await db
    .select({
      key: users.id,
      mobile: users.mobile,
      email: users.email,
      organizationId: users.organizationId,
      stored: sql<StoredFinding[] | string>`(${stored})`,
      inspected: sql<string[] | string>`(${inspected})`,
      mentored: sql<string[] | string>`(${mentored})`,
    })
    .from(users)
    .where(inArray(users.id, experts));
  const people: Person[] = rows.map(({ key, mobile, email, organizationId }) => ({
    key,
    mobile,
    email,
    organizationId,
  }));
  const detected = await detectConflicts(db, baseId, people, orgs);
  const found: ConflictFinding[] = [
    ...rows.flatMap((r) => json(r.stored).map((c) => ({ expertId: r.key, ...c }))),
    ...detected.map(({ key, ...rest }) => ({ expertId: key, ...rest })),
    ...rows.flatMap((r) =>
      json(r.inspected).map((organizationId) => ({
        expertId: r.key,
        organizationId,
        kind: "inspector" as const,
        reason: "inspector",
      })),
    ),
    ...rows.flatMap((r) =>
      json(r.mentored).map((organizationId) => ({
        expertId: r.key,
        organizationId,
        kind: "mentor" as const,
        reason: "mentor",
      })),
    ),
  ];
  return wanted ? found.filter((f) => wanted.has(f.organizationId)) : found;
}

/** Above this many organizations, the conflicts are found with all of the base's and narrowed. */
const MANY_ORGANIZATIONS = 100;

interface StoredFinding {
  organizationId: string;
  kind: ConflictSource;
  reason: string;
}

/** A JSON column as the driver gives it: parsed by node-postgres, maybe text elsewhere. */
function json<T>(value: T[] | string): T[] {
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/** Someone who may review: an expert's account, or a candidate staff think of inviting. */
export interface Person {
  /** The expert's id, or any key the caller matches the findings by. */
  key: string;
  mobile: string | null;
  email: string | null;
  /** The organization the person's account belongs to, if any. */
  organizationId: string | null;
}

export interface DetectedFinding {
  key: string;
  organizationId: string;
  kind: Exclude<DetectedConflict, "inspector" | "mentor">;
  reason: string;
}

/**
 * The conflicts found from the records (member, linked, phone, email_domain) between these
 * people and the base's organizations: those listed, or (`"all"`) any organization of the base.
 */
export async function detectConflicts(
  db: Db,
  baseId: string,
  people: readonly Person[],
  organizationIds: readonly string[] | "all",
): Promise<DetectedFinding[]> {
  if (people.length === 0 || organizationIds.length === 0) return [];
  const inOrgs = (column: typeof organizations.id | typeof users.organizationId): SQL | undefined =>
    organizationIds === "all" ? undefined : inArray(column, [...organizationIds]);
  const findings: DetectedFinding[] = [];
  const seen = new Set<string>();
  const add = (f: DetectedFinding) => {
    const id = `${f.key}|${f.organizationId}|${f.kind}|${f.reason}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(f);
  };

  // member
  const ownOrgIds = [...new Set(people.flatMap((p) => (p.organizationId ? [p.organizationId] : [])))];
  if (ownOrgIds.length > 0) {
    const own = await db
      .select({ id: organizations.id, name: organizations.name, hubId: organizations.hubOrganizationId })
      .from(organizations)
      .where(and(eq(organizations.baseId, baseId), inArray(organizations.id, ownOrgIds)));
    const wanted = (id: string) => organizationIds === "all" || organizationIds.includes(id);
    for (const p of people) {
      if (p.organizationId && own.some((o) => o.id === p.organizationId) && wanted(p.organizationId)) {
        add({ key: p.key, organizationId: p.organizationId, kind: "member", reason: "member" });
      }
    }
    // linked: the hub of the person's organization, and the organizations whose hub it is.
    const hubs = own.filter((o) => o.hubId);
    const hubRows =
      hubs.length === 0
        ? []
        : await db
            .select({ id: organizations.id, name: organizations.name })
            .from(organizations)
            .where(
              and(
                eq(organizations.baseId, baseId),
                inArray(
                  organizations.id,
                  hubs.map((o) => o.hubId as string),
                ),
                inOrgs(organizations.id),
              ),
            );
    const spokes = await db
      .select({ id: organizations.id, hubId: organizations.hubOrganizationId })
      .from(organizations)
      .where(
        and(
          eq(organizations.baseId, baseId),
          inArray(organizations.hubOrganizationId, ownOrgIds),
          inOrgs(organizations.id),
        ),
      );
    for (const p of people) {
      const mine = own.find((o) => o.id === p.organizationId);
      if (!mine) continue;
      for (const hub of hubRows.filter((h) => h.id === mine.hubId)) {
        add({ key: p.key, organizationId: hub.id, kind: "linked", reason: mine.name });
      }
      for (const spoke of spokes.filter((s) => s.hubId === mine.id)) {
        add({ key: p.key, organizationId: spoke.id, kind: "linked", reason: mine.name });
      }
    }
  }

  // phone: the organization's contact phone, or a member account's mobile.
  const mobiles = [...new Set(people.flatMap((p) => (p.mobile ? [p.mobile] : [])))];
  if (mobiles.length > 0) {
    // The contact phones and the member accounts' mobiles in one statement.
    const matches = await unionAll(
      db
        .select({
          source: sql<"contact" | "member">`'contact'`.as("source"),
          organizationId: organizations.id,
          phone: organizations.contactPhone,
        })
        .from(organizations)
        .where(
          and(
            eq(organizations.baseId, baseId),
            inArray(organizations.contactPhone, mobiles),
            inOrgs(organizations.id),
          ),
        ),
      db
        .select({
          source: sql<"contact" | "member">`'member'`.as("source"),
          organizationId: sql<string>`${users.organizationId}`.as("organization_id"),
          phone: users.mobile,
        })
        .from(users)
        .where(
          and(
            eq(users.baseId, baseId),
            isNotNull(users.organizationId),
            inArray(users.mobile, mobiles),
            inOrgs(users.organizationId),
          ),
        ),
    );
    const contacts = matches
      .filter((m) => m.source === "contact")
      .map((m) => ({ id: m.organizationId, phone: m.phone }));
    const memberPhones = matches
      .filter((m) => m.source === "member")
      .map((m) => ({ organizationId: m.organizationId, mobile: m.phone }));
    for (const p of people) {
      if (!p.mobile) continue;
      const masked = maskMobile(p.mobile) ?? "";
      for (const c of contacts.filter((c) => c.phone === p.mobile)) {
        add({ key: p.key, organizationId: c.id, kind: "phone", reason: masked });
      }
      for (const m of memberPhones.filter((m) => m.mobile === p.mobile)) {
        // The person's own account in the organization is "member", not a shared phone.
        if (m.organizationId === p.organizationId) continue;
        add({ key: p.key, organizationId: m.organizationId as string, kind: "phone", reason: masked });
      }
    }
  }

  // email_domain: a member account at the same non-public domain.
  const domains = [...new Set(people.flatMap((p) => telltaleDomain(p.email) ?? []))];
  if (domains.length > 0) {
    const members = await db
      .select({ id: users.id, organizationId: users.organizationId, email: users.email })
      .from(users)
      .where(
        and(
          eq(users.baseId, baseId),
          isNotNull(users.organizationId),
          or(...domains.map((d) => sql`lower(${users.email}) LIKE ${`%@${d.replace(/[\\%_]/g, "\\$&")}`}`)),
          inOrgs(users.organizationId),
        ),
      );
    for (const p of people) {
      const domain = telltaleDomain(p.email);
      if (!domain) continue;
      for (const m of members.filter((m) => emailDomain(m.email) === domain)) {
        if (m.organizationId === p.organizationId && m.id === p.key) continue;
        add({ key: p.key, organizationId: m.organizationId as string, kind: "email_domain", reason: domain });
      }
    }
  }
  return findings;
}

/** The stored conflicts and everything detected between one expert and any organization of the base. */
export async function conflictsOfExpert(db: Db, baseId: string, expert: Person): Promise<ConflictFinding[]> {
  const stored = await db
    .select({ organizationId: expertConflicts.organizationId })
    .from(expertConflicts)
    .where(and(eq(expertConflicts.baseId, baseId), eq(expertConflicts.expertId, expert.key)));
  const inspected = await db
    .selectDistinct({ organizationId: inspections.organizationId })
    .from(inspectionInspectors)
    .innerJoin(inspections, eq(inspections.id, inspectionInspectors.inspectionId))
    .where(and(eq(inspections.baseId, baseId), eq(inspectionInspectors.userId, expert.key)));
  const detected = await detectConflicts(db, baseId, [expert], "all");
  const mentored = await db
    .selectDistinct({ organizationId: mentorships.organizationId })
    .from(mentorships)
    .where(and(eq(mentorships.baseId, baseId), eq(mentorships.mentorId, expert.key)));
  const orgIds = [
    ...new Set([
      ...stored.map((s) => s.organizationId),
      ...inspected.map((i) => i.organizationId),
      ...mentored.map((m) => m.organizationId),
      ...detected.map((d) => d.organizationId),
    ]),
  ];
  return findConflicts(db, baseId, [expert.key], orgIds);
}

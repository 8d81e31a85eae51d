/**
 * Demo data for an empty database: the Changping base, its towns and communities, 32 resident
 * and 100 virtually incubated organizations (plus a few others), and one account per role.
 */
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Residency } from "../../domain/organization";
import type { Db } from "../client";
import { applications, auditLog, bases, communities, organizations, towns, users } from "../schema";
import { DEMO_EXPERTS } from "./admission";
import { allDemoDocumentBlobs } from "./application-documents";
import { seedApplications } from "./applications";
import { DEMO_ACCOUNTS, DEMO_BASE, DEMO_PASSWORD, DEMO_TOWNS } from "./changping";
import type { DemoBlob } from "./demo-pdf";
import { seedFunding } from "./funding";
import { demoReceiptBlob } from "./funding-grant-writer";
import { generateOrganizations, seededRandom } from "./generate";
import { seedDefaultInstrument } from "./instruments";
import { seedPartners } from "./partners";
import { seedRecruitment } from "./recruitment";
import { seedDefaultRubrics } from "./rubrics";

export interface SeedResult {
  seeded: boolean;
  baseId: string;
  /** Bytes the demo documents point at, by SHA-256: the caller puts them into the file storage. */
  files: DemoBlob[];
}

/** Every demo file's bytes: the applications' documents and the spending receipt. */
function allDemoBlobs(): DemoBlob[] {
  return [...allDemoDocumentBlobs(), demoReceiptBlob()];
}

export async function seedDemoIfEmpty(
  db: Db,
  hashPassword: (p: string) => Promise<string>,
): Promise<SeedResult> {
  const [existing] = await db.select({ n: count() }).from(bases);
  if ((existing?.n ?? 0) > 0) {
    const [base] = await db.select({ id: bases.id, code: bases.code }).from(bases).limit(1);
    // A demo database on a new data directory (or after a crash before the files were stored).
    const files = base?.code === DEMO_BASE.code ? allDemoBlobs() : [];
    return { seeded: false, baseId: base?.id ?? "", files };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const outcome = await db.transaction(async (tx) => {
    // Instances started together on one PostgreSQL all found it empty: one seeds, the others
    // wait here and then find its base (without this they crash on the unique base code).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
    const [seeded] = await tx.select({ id: bases.id }).from(bases).limit(1);
    if (seeded) return { id: seeded.id, seeded: false, files: allDemoBlobs() };
    const [base] = await tx.insert(bases).values(DEMO_BASE).returning();
    if (!base) throw new Error("seed: base insert returned nothing");
    await seedDefaultRubrics(tx, base.id);
    await seedDefaultInstrument(tx, base.id);
    const townRows = await tx
      .insert(towns)
      .values(DEMO_TOWNS.map((t, i) => ({ baseId: base.id, name: t.name, kind: t.kind, sortOrder: i })))
      .returning();
    const communityRows = await tx
      .insert(communities)
      .values(
        DEMO_TOWNS.flatMap((t, i) =>
          t.communities.map((name) => ({ baseId: base.id, townId: townRows[i]?.id ?? "", name })),
        ),
      )
      .returning();
    const communitiesOf = (townId: string) => communityRows.filter((c) => c.townId === townId);

    const [hub] = await tx
      .insert(organizations)
      .values({
        baseId: base.id,
        name: "昌平区社会组织联合会",
        registrationStatus: "social_group",
        creditCode: "51110114MJ000000XE",
        foundedOn: "2016-05-18",
        fields: ["innovation", "volunteering"],
        townId: townRows[0]?.id,
        address: "北京市昌平区政府街19号",
        leaderName: "马建军",
        contactName: "马建军",
        contactPhone: "13910000001",
        staffCount: 12,
        volunteerCount: 80,
        partyOrganization: true,
        partyMemberCount: 9,
        residency: "none",
        description: "全区社会组织的枢纽型组织,联系服务各类社会组织。",
      })
      .returning();

    const residencies: Residency[] = [
      ...Array(32).fill("resident"),
      ...Array(100).fill("virtual"),
      ...Array(8).fill("none"),
    ];
    const random = seededRandom(2018_04);
    const generated = generateOrganizations(random, residencies.length, {
      towns: DEMO_TOWNS.map((t) => ({ name: t.name, communities: t.communities.length })),
      residencies,
    });
    const orgRows = await tx
      .insert(organizations)
      .values(
        generated.map((g, i) => {
          const town = townRows[g.townIndex];
          const options = town ? communitiesOf(town.id) : [];
          return {
            baseId: base.id,
            name: g.name,
            registrationStatus: g.registrationStatus,
            creditCode: g.creditCode,
            foundedOn: g.foundedOn,
            fields: g.fields,
            townId: town?.id,
            communityIds: g.communityPicks.map((p) => options[p]?.id).filter((id): id is string => !!id),
            address: g.address,
            leaderName: g.leaderName,
            contactName: g.contactName,
            contactPhone: g.contactPhone,
            staffCount: g.staffCount,
            volunteerCount: g.volunteerCount,
            partyOrganization: g.partyOrganization,
            partyMemberCount: g.partyMemberCount,
            residency: g.residency,
            hubOrganizationId: i % 3 === 0 ? hub?.id : null,
            description: g.description,
          };
        }),
      )
      .returning({ id: organizations.id, residency: organizations.residency });
    const memberOrg = orgRows.find((o) => o.residency === "resident");

    await tx.insert(users).values([
      ...DEMO_ACCOUNTS.map((a) => ({
        baseId: base.id,
        username: a.username,
        displayName: a.displayName,
        mobile: a.mobile,
        roles: [...a.roles],
        organizationId: a.username === "member" ? (memberOrg?.id ?? null) : null,
        passwordHash,
      })),
      // The review panel's other experts (the demo story's stage 3), signing in with the same password.
      ...DEMO_EXPERTS.filter((e) => e.username !== "expert").map((e) => ({
        baseId: base.id,
        username: e.username,
        displayName: e.displayName,
        mobile: e.mobile,
        roles: ["expert" as const],
        passwordHash,
      })),
    ]);
    await seedPartners(tx, base.id);
    await seedRecruitment(tx, base.id, new Date());
    const files = await seedApplications(tx, base.id, new Date());
    await placeLiaison(tx, base.id);
    // Funding (issue 13): after the services, on the cohorts and the partners above.
    await seedFunding(tx, base.id, new Date());
    await tx.insert(auditLog).values({
      baseId: base.id,
      action: "system.seed",
      entityType: "base",
      entityId: base.id,
      after: { organizations: orgRows.length + 1, accounts: DEMO_ACCOUNTS.length },
    });
    return { id: base.id, seeded: true, files: [...files, demoReceiptBlob()] };
  });
  return { seeded: outcome.seeded, baseId: outcome.id, files: outcome.files };
}

/**
 * The demo liaison belongs to the town whose organizations applied most, so their home shows
 * figures (the applications are drawn by a seeded generator, so it is the same town every time).
 */
async function placeLiaison(tx: Db, baseId: string): Promise<void> {
  const [busiest] = await tx
    .select({ townId: organizations.townId })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(towns, eq(towns.id, organizations.townId))
    .where(eq(applications.baseId, baseId))
    .groupBy(organizations.townId, towns.sortOrder)
    .orderBy(desc(count()), asc(towns.sortOrder))
    .limit(1);
  await tx
    .update(users)
    .set({ townId: busiest?.townId ?? null })
    .where(and(eq(users.baseId, baseId), eq(users.username, "liaison")));
}

/** The base the demo accounts belong to (first base), for scripts and tests. */
export async function firstBaseId(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: bases.id }).from(bases).where(eq(bases.code, DEMO_BASE.code)).limit(1);
  return row?.id ?? null;
}

/**
 * The demo's funding (资金): the base's settings, a seed fund, the project grants and the
 * foundation's fund in the fund alliance, three flagship programmes, and five projects that tell
 * the money's story side by side:
 * - 社区助老食堂 (a project from last year's cohort): a year of quarterly reports accepted, the
 *   mid-term passed, the first tranche paid and the second prepared by `staff`, waiting for
 *   `staff2` to pay it;
 * - 邻里守望 (seed fund): closed with its final report, its model taken up in three communities;
 * - 青少年课后成长营: suspended after a failed mid-term, with money to recover;
 * - the `member` account's organization: a grant from the foundation's fund, its first report
 *   due within days and one spending item queried by staff;
 * - a combined-track project of this year's cohort: a grant prepared by `staff` that waits for
 *   `staff2`'s approval (the two-person rule).
 * Receipts are not attached: the files' owner kinds for spending come with the spending work.
 */
import { and, asc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { shanghaiDate } from "../../domain/shanghai-time";
import type { Db } from "../client";
import {
  cohorts,
  flagshipProgrammes,
  funds,
  incubations,
  organizations,
  partners,
  projectIndicators,
  projects,
  replicationSites,
  users,
} from "../schema";
import { addMonths, type Person, writeGrant } from "./funding-grant-writer";
import { fundingStories } from "./funding-stories";

const DAY = 86_400_000;

export async function seedFunding(tx: Db, baseId: string, now: Date): Promise<void> {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const people = await tx
    .select({
      id: users.id,
      name: users.displayName,
      username: users.username,
      organizationId: users.organizationId,
    })
    .from(users)
    .where(and(eq(users.baseId, baseId), inArray(users.username, ["staff", "staff2", "member"])));
  const person = (u: string): Person => {
    const p = people.find((x) => x.username === u);
    if (!p) throw new Error(`seed: no ${u}`);
    return { id: p.id, name: p.name };
  };
  const memberOrg = people.find((p) => p.username === "member")?.organizationId ?? null;
  const [foundation] = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.baseId, baseId))
    .orderBy(asc(partners.createdAt))
    .limit(1);

  // The base keeps the funding settings' defaults (cap CNY 300,000, 15 grace days, 10% variance):
  // no settings row until staff save one.
  const programmes = await tx
    .insert(flagshipProgrammes)
    .values(
      [
        ["社区养老服务提升工程", "助餐、助浴、助医与独居老人探访，建设一刻钟养老服务圈。"],
        ["青少年成长护航工程", "课后托管、心理支持与社区实践，陪伴青少年成长。"],
        ["邻里互助共建工程", "楼门议事、邻里节与互助小组，重建社区熟人关系。"],
      ].map(([name, description], i) => ({
        baseId,
        name: name as string,
        description: description as string,
        sortOrder: i,
      })),
    )
    .returning({ id: flagshipProgrammes.id });
  const fundRows = await tx
    .insert(funds)
    .values([
      {
        baseId,
        kind: "seed_fund" as const,
        name: "昌平区社会组织种子基金",
        capacityFen: 50_000_000,
        year: year - 1,
        description: "区级财政安排，支持孵化组织开展首个公益项目与模式设计。",
      },
      {
        baseId,
        kind: "project_grant" as const,
        name: `${year}年度公益项目资助资金`,
        capacityFen: 200_000_000,
        year,
        description: "项目孵化资助：每个项目累计不超过30万元，按协议分期拨付。",
      },
      {
        baseId,
        kind: "partner_fund" as const,
        name: `${foundation?.name ?? "合作基金会"}社区养老专项基金`,
        partnerId: foundation?.id ?? null,
        capacityFen: 60_000_000,
        year,
        description: "公益基金联盟成员设立，资助社区养老与为老服务项目。",
      },
    ])
    .returning({ id: funds.id, kind: funds.kind, partnerId: funds.partnerId });

  // Last year's cohort: the organizations whose projects have a year of history by now. They
  // graduated three months ago; their funded projects run on after graduation (出壳后继续执行).
  const [past] = await tx
    .insert(cohorts)
    .values({
      baseId,
      name: `${year - 1}年项目孵化批次`,
      startsOn: addMonths(today, -16),
      createdAt: new Date(now.getTime() - 490 * DAY),
    })
    .returning({ id: cohorts.id });
  const busy = tx.select({ id: incubations.organizationId }).from(incubations);
  const free = await tx
    .select({ id: organizations.id, name: organizations.name, residency: organizations.residency })
    .from(organizations)
    .where(
      and(
        eq(organizations.baseId, baseId),
        eq(organizations.residency, "virtual"),
        notInArray(organizations.id, busy),
        isNull(organizations.hubOrganizationId),
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(3);
  if (!past || free.length < 3) return;
  const staff = person("staff");
  const pastStart = addMonths(today, -16);
  const pastIncubation = async (organizationId: string, track: "project" | "org", graduated: boolean) => {
    const [row] = await tx
      .insert(incubations)
      .values({
        baseId,
        organizationId,
        cohortId: past.id,
        track,
        residency: "virtual",
        origin: "direct",
        enrolReason: "上一年度项目孵化批次（平台上线前入孵，补录）",
        startOn: pastStart,
        plannedEndOn: addMonths(pastStart, 24),
        endedOn: graduated ? addMonths(today, -3) : null,
        status: graduated ? "graduated" : "active",
        responsibleId: staff.id,
        createdAt: new Date(now.getTime() - 480 * DAY),
      })
      .returning({ id: incubations.id });
    return row?.id as string;
  };
  const [canteenOrg, neighbourOrg, youthOrg] = free as [(typeof free)[0], (typeof free)[0], (typeof free)[0]];
  const current = await tx
    .select({ id: incubations.id, organizationId: incubations.organizationId, track: incubations.track })
    .from(incubations)
    .where(and(eq(incubations.baseId, baseId), eq(incubations.status, "active")))
    .orderBy(asc(incubations.createdAt), asc(incubations.id));
  const memberIncubation = current.find((i) => i.organizationId === memberOrg);
  const combined =
    current.find((i) => i.track === "combined" && i.organizationId !== memberOrg) ??
    current.find((i) => i.organizationId !== memberOrg);

  const stories = fundingStories({
    today,
    year,
    staff,
    staff2: person("staff2"),
    member: person("member"),
    funds: {
      seed: fundRows.find((f) => f.kind === "seed_fund"),
      grants: fundRows.find((f) => f.kind === "project_grant"),
      partner: fundRows.find((f) => f.kind === "partner_fund"),
    },
    incubations: {
      canteen: { id: await pastIncubation(canteenOrg.id, "project", true), organizationId: canteenOrg.id },
      neighbour: { id: await pastIncubation(neighbourOrg.id, "org", true), organizationId: neighbourOrg.id },
      youth: { id: await pastIncubation(youthOrg.id, "project", true), organizationId: youthOrg.id },
      member: memberIncubation ?? null,
      combined: combined ?? null,
    },
    programmes: programmes.map((p) => p.id),
  });
  for (const story of stories) {
    const [project] = await tx
      .insert(projects)
      .values({ baseId, ...story.project, createdBy: staff.id })
      .returning({ id: projects.id, organizationId: projects.organizationId });
    if (!project) continue;
    const indicatorRows = await tx
      .insert(projectIndicators)
      .values(story.indicators.map((i, n) => ({ baseId, projectId: project.id, ...i, sortOrder: n })))
      .returning({ id: projectIndicators.id });
    const ids = indicatorRows.map((r) => r.id);
    for (const g of story.grants(ids)) await writeGrant(tx, baseId, { ...g, project });
    if (story.replication.length)
      await tx
        .insert(replicationSites)
        .values(story.replication.map((r) => ({ baseId, projectId: project.id, ...r, createdBy: staff.id })));
  }
}

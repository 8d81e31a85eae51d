/**
 * The bench's funding over its incubations (bench/incubation.ts): a project for two in three
 * incubations, with three indicators; a grant each from one of the bench funds (seed fund,
 * project grants, the demo foundation's fund), four budget lines and two tranches that add up to
 * it; spending items, four quarterly reports with a value per indicator. All by COPY, seeded, the
 * same on every run. The states spread as a base's would: most active, some closed, a few
 * proposed or suspended with money owed.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { rowsOf } from "../src/db/client";
import {
  funds,
  grantBudgetLines,
  grantExpenses,
  grants,
  grantTranches,
  indicatorValues,
  progressReports,
  projectIndicators,
  projects,
} from "../src/db/schema";
import { addDays, addMonths } from "../src/db/seed/funding-grant-writer";
import { seededRandom } from "../src/db/seed/generate";
import type { GrantStatus } from "../src/domain/funding/grant";
import { shanghaiDate } from "../src/domain/shanghai-time";
import { copyRows } from "./bulk";
import { seededUuid } from "./recorder";
import { servedIncubations } from "./service-ledger";

/** How many projects the results scenario cycles through. */
const DETAIL_SAMPLE = 500;

export interface LoadedFunding {
  projects: number;
  grants: number;
  expenses: number;
  reports: number;
  values: number;
  /** Projects with a committed grant, for the results scenario. */
  projectIds: string[];
}

type Row = Record<string, unknown>;

export async function loadFunding(
  database: Database,
  baseId: string,
  options: { seed: number },
): Promise<LoadedFunding> {
  const random = seededRandom(options.seed ^ 0xf0d5);
  const ids = () => seededUuid(random);
  const today = shanghaiDate(new Date());
  const [partner] = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`SELECT id FROM partners WHERE base_id = ${baseId} ORDER BY created_at, id LIMIT 1`,
    ),
  );
  const served = await servedIncubations(database, baseId, today);
  const chosen = served.filter((_, i) => i % 3 !== 2);
  const fundRows = [
    { id: ids(), baseId, kind: "seed_fund", name: "基准种子基金", partnerId: null },
    { id: ids(), baseId, kind: "project_grant", name: "基准项目资助资金", partnerId: null },
    { id: ids(), baseId, kind: "partner_fund", name: "基准联盟伙伴基金", partnerId: partner?.id ?? null },
  ].filter((f) => f.kind !== "partner_fund" || f.partnerId);
  // Room for every grant: CNY 300,000 a project at most.
  for (const f of fundRows)
    Object.assign(f, { capacityFen: chosen.length * 30_000_000 + 1, year: Number(today.slice(0, 4)) });
  const out = { projects: [] as Row[], indicators: [] as Row[], grants: [] as Row[], lines: [] as Row[] };
  const more = { tranches: [] as Row[], expenses: [] as Row[], reports: [] as Row[], values: [] as Row[] };
  const projectIds: string[] = [];
  const staff = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`SELECT id FROM users WHERE username IN ('staff', 'staff2') ORDER BY username`,
    ),
  );
  const [preparer, approver] = [staff[0]?.id ?? null, staff[1]?.id ?? null];
  chosen.forEach((inc, n) => {
    const projectId = ids();
    const roll = random();
    const status: GrantStatus =
      roll < 0.1 ? "proposed" : roll < 0.75 ? "active" : roll < 0.93 ? "closed" : "suspended";
    out.projects.push({
      id: projectId,
      baseId,
      incubationId: inc.id,
      organizationId: inc.organizationId,
      title: `${inc.organizationName}社区服务项目`,
      need: "社区需求",
      beneficiaries: "社区居民",
      targetPeople: 200,
      status: status === "proposed" ? "draft" : status === "closed" ? "closed" : "active",
    });
    const indicatorIds = [ids(), ids(), ids()];
    indicatorIds.forEach(
      (id, i) =>
        void out.indicators.push({
          id,
          baseId,
          projectId,
          level: i === 0 ? "output" : "outcome",
          name: ["活动场次", "服务人数", "满意度"][i],
          unit: ["场", "人", "%"][i],
          baselineValue: i === 2 ? "70" : "0",
          targetValue: ["40", "200", "90"][i],
          frequency: "quarterly",
          sortOrder: i,
        }),
    );
    const fund = fundRows[n % fundRows.length] as { id: string; kind: string; partnerId: string | null };
    const amount = (5 + Math.floor(random() * 25)) * 1_000_000; // CNY 50,000 - 290,000
    const start = addDays(today, -30 - Math.floor(random() * 500));
    const grantId = ids();
    out.grants.push({
      id: grantId,
      baseId,
      number: `BENCH-${String(n + 1).padStart(6, "0")}`,
      projectId,
      organizationId: inc.organizationId,
      fundId: fund.id,
      fundKind: fund.kind,
      partnerId: fund.partnerId,
      amountFen: amount,
      startsOn: start,
      endsOn: addDays(addMonths(start, 12), -1),
      status,
      owedFen: status === "suspended" ? amount / 10 : 0,
      preparedBy: preparer,
      approvedBy: status === "proposed" ? null : approver,
      signedOn: status === "proposed" ? null : start,
    });
    const shares = [0.4, 0.3, 0.2, 0.1].map((s) => Math.round(amount * s));
    shares[3] = amount - (shares[0] ?? 0) - (shares[1] ?? 0) - (shares[2] ?? 0);
    const lineIds = shares.map(() => ids());
    shares.forEach(
      (fen, i) =>
        void out.lines.push({
          id: lineIds[i],
          baseId,
          grantId,
          category: ["personnel", "activities", "materials", "admin"][i],
          amountFen: fen,
          sortOrder: i,
        }),
    );
    if (status !== "proposed") projectIds.push(projectId);
    const first = Math.round(amount * 0.6);
    const trancheStatus =
      status === "proposed"
        ? ["pending", "pending"]
        : status === "closed"
          ? ["paid", "paid"]
          : status === "suspended"
            ? ["paid", "stopped"]
            : ["paid", "pending"];
    [first, amount - first].forEach(
      (fen, i) =>
        void more.tranches.push({
          id: ids(),
          baseId,
          grantId,
          seq: i + 1,
          amountFen: fen,
          condition: i === 0 ? "agreement_signed" : "midterm_approved",
          status: trancheStatus[i],
          paidAt: trancheStatus[i] === "paid" ? new Date(`${addDays(start, i * 180)}T08:00:00Z`) : null,
          preparedBy: trancheStatus[i] === "paid" ? preparer : null,
          paidBy: trancheStatus[i] === "paid" ? approver : null,
        }),
    );
    if (status === "proposed") return;
    const items = 4 + Math.floor(random() * 8);
    for (let i = 0; i < items; i++)
      more.expenses.push({
        id: ids(),
        baseId,
        grantId,
        budgetLineId: lineIds[i % 4],
        spentOn: addDays(start, 10 + i * 20),
        amountFen: 10_000 + Math.floor(random() * (amount / 20)),
        description: "基准支出",
        status: random() < 0.85 ? "verified" : random() < 0.5 ? "submitted" : "queried",
      });
    for (let q = 1; q <= 4; q++) {
      const reportId = ids();
      const accepted = addMonths(start, 3 * q) <= today;
      more.reports.push({
        id: reportId,
        baseId,
        grantId,
        kind: q === 2 ? "midterm" : "periodic",
        periodStart: addMonths(start, 3 * (q - 1)),
        periodEnd: addDays(addMonths(start, 3 * q), -1),
        dueOn: addDays(addMonths(start, 3 * q), 9),
        status: accepted ? "accepted" : "due",
        newPeople: accepted ? 10 + Math.floor(random() * 50) : 0,
      });
      if (!accepted) continue;
      indicatorIds.forEach(
        (indicatorId, i) =>
          void more.values.push({
            id: ids(),
            baseId,
            reportId,
            indicatorId,
            value: String(i === 2 ? 70 + q * 5 : Math.round([10, 50][i] ?? 0) * q),
          }),
      );
    }
  });
  await copyRows(database, funds, fundRows);
  await copyRows(database, projects, out.projects);
  await copyRows(database, projectIndicators, out.indicators);
  await copyRows(database, grants, out.grants);
  await copyRows(database, grantBudgetLines, out.lines);
  await copyRows(database, grantTranches, more.tranches);
  await copyRows(database, grantExpenses, more.expenses);
  await copyRows(database, progressReports, more.reports);
  await copyRows(database, indicatorValues, more.values);
  const step = Math.max(1, Math.floor(projectIds.length / DETAIL_SAMPLE));
  return {
    projects: out.projects.length,
    grants: out.grants.length,
    expenses: more.expenses.length,
    reports: more.reports.length,
    values: more.values.length,
    projectIds: projectIds.filter((_, i) => i % step === 0).slice(0, DETAIL_SAMPLE),
  };
}

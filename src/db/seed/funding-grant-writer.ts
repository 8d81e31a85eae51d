/**
 * Writes one demo grant with everything hanging off it, as the funding services would have left
 * it: its history (propose → approve by the other staff member → sign → activate …), budget lines
 * that add up to the amount, tranches that add up to the amount, milestones, reports with their
 * indicator values, spending items. Amounts in integer fen; days are calendar days (Asia/Shanghai).
 */
import type {
  BudgetCategory,
  ExpenseStatus,
  GrantEvent,
  GrantStatus,
  ReportKind,
  ReportStatus,
  TrancheCondition,
  TrancheStatus,
} from "../../domain/funding/grant";
import type { Db } from "../client";
import {
  files,
  grantBudgetLines,
  grantEvents,
  grantExpenses,
  grantMilestones,
  grants,
  grantTranches,
  indicatorValues,
  progressReports,
} from "../schema";
import { type DemoBlob, demoPdf } from "./demo-pdf";

const DAY = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

export function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

export interface Person {
  id: string;
  name: string;
}

export interface GrantStory {
  number: string;
  project: { id: string; organizationId: string };
  fund: { id: string; kind: "seed_fund" | "project_grant" | "partner_fund"; partnerId: string | null };
  amountFen: number;
  startsOn: string;
  endsOn: string;
  status: GrantStatus;
  /** The day staff prepared it (three days before its first step unless given). */
  proposedOn?: string;
  owedFen?: number;
  preparedBy: Person;
  approvedBy?: Person;
  /** Each step of the history after `propose`, with its day. */
  history: { event: GrantEvent; on: string; by: Person; reason?: string }[];
  lines: { category: BudgetCategory; description: string; amountFen: number }[];
  tranches: {
    amountFen: number;
    condition: TrancheCondition;
    status: TrancheStatus;
    plannedOn: string;
    preparedOn?: string;
    paidOn?: string;
    stoppedReason?: string;
  }[];
  milestones: { title: string; dueOn: string; metOn?: string; missed?: boolean }[];
  reports: {
    kind: ReportKind;
    periodStart: string;
    periodEnd: string;
    dueOn: string;
    status: ReportStatus;
    newPeople?: number;
    narrative?: string;
    problems?: string;
    reviewNote?: string;
    /** Indicator id → value. */
    values?: Record<string, string>;
  }[];
  /** Spending by budget line index. */
  expenses: {
    line: number;
    spentOn: string;
    amountFen: number;
    description: string;
    payee: string;
    status: ExpenseStatus;
    queryNote?: string;
  }[];
  submittedBy: Person | null;
}

/** 09:30 Beijing time on `day` as an instant. */
const at = (day: string, hour = 9, minute = 30) =>
  new Date(`${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`);

export async function writeGrant(tx: Db, baseId: string, s: GrantStory): Promise<string> {
  const sum = (xs: { amountFen: number }[]) => xs.reduce((a, x) => a + x.amountFen, 0);
  if (sum(s.lines) !== s.amountFen || sum(s.tranches) !== s.amountFen)
    throw new Error(`seed: grant ${s.number}'s budget lines or tranches do not add up to its amount`);
  const approve = s.history.find((h) => h.event === "approve");
  const sign = s.history.find((h) => h.event === "sign");
  const first = s.history[0];
  const proposedOn = s.proposedOn ?? addDays(first ? first.on : s.startsOn, -3);
  const created = at(proposedOn, 10);
  const [grant] = await tx
    .insert(grants)
    .values({
      baseId,
      number: s.number,
      projectId: s.project.id,
      organizationId: s.project.organizationId,
      fundId: s.fund.id,
      fundKind: s.fund.kind,
      partnerId: s.fund.partnerId,
      amountFen: s.amountFen,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      status: s.status,
      owedFen: s.owedFen ?? 0,
      preparedBy: s.preparedBy.id,
      approvedBy: approve?.by.id ?? null,
      approvedAt: approve ? at(approve.on, 15) : null,
      signedOn: sign?.on ?? null,
      closedReason: s.history.find((h) => h.event === "close" || h.event === "suspend")?.reason ?? null,
      createdAt: created,
      updatedAt: created,
    })
    .returning({ id: grants.id });
  if (!grant) throw new Error("seed: grant insert returned nothing");
  const grantId = grant.id;
  let from: GrantStatus = "proposed";
  const events: (typeof grantEvents.$inferInsert)[] = [
    {
      baseId,
      grantId,
      event: "propose",
      toStatus: "proposed",
      actorId: s.preparedBy.id,
      actorName: s.preparedBy.name,
      createdAt: created,
    },
  ];
  const TO: Record<GrantEvent, GrantStatus> = {
    approve: "approved",
    sign: "agreement_signed",
    activate: "active",
    suspend: "suspended",
    resume: "active",
    close: "closed",
    cancel: "cancelled",
  };
  for (const h of s.history) {
    events.push({
      baseId,
      grantId,
      event: h.event,
      fromStatus: from,
      toStatus: TO[h.event],
      reason: h.reason ?? null,
      actorId: h.by.id,
      actorName: h.by.name,
      createdAt: at(h.on, 15),
    });
    from = TO[h.event];
  }
  await tx.insert(grantEvents).values(events);
  const lineRows = await tx
    .insert(grantBudgetLines)
    .values(s.lines.map((l, i) => ({ baseId, grantId, ...l, sortOrder: i })))
    .returning({ id: grantBudgetLines.id });
  const milestoneRows = s.milestones.length
    ? await tx
        .insert(grantMilestones)
        .values(
          s.milestones.map((m, i) => ({
            baseId,
            grantId,
            title: m.title,
            dueOn: m.dueOn,
            status: m.metOn ? ("met" as const) : m.missed ? ("missed" as const) : ("open" as const),
            metOn: m.metOn ?? null,
            sortOrder: i,
          })),
        )
        .returning({ id: grantMilestones.id })
    : [];
  const other = (by: Person) => (approve && approve.by.id !== by.id ? approve.by : s.preparedBy);
  await tx.insert(grantTranches).values(
    s.tranches.map((t, i) => ({
      baseId,
      grantId,
      seq: i + 1,
      amountFen: t.amountFen,
      condition: t.condition,
      milestoneId: t.condition === "milestone_met" ? (milestoneRows[0]?.id ?? null) : null,
      plannedOn: t.plannedOn,
      status: t.status,
      // One prepares (the grant's preparer), the other pays: the two-person rule.
      preparedBy: t.preparedOn ? s.preparedBy.id : null,
      preparedAt: t.preparedOn ? at(t.preparedOn, 10) : null,
      paidBy: t.paidOn ? other(s.preparedBy).id : null,
      paidAt: t.paidOn ? at(t.paidOn, 16) : null,
      paymentReference: t.paidOn
        ? `CP-${t.paidOn.replaceAll("-", "")}-${String(i + 1).padStart(2, "0")}`
        : null,
      stoppedReason: t.stoppedReason ?? null,
    })),
  );
  for (const r of s.reports) {
    const submitted =
      ["submitted", "accepted", "returned", "failed"].includes(r.status) && r.newPeople !== undefined;
    const [row] = await tx
      .insert(progressReports)
      .values({
        baseId,
        grantId,
        kind: r.kind,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        dueOn: r.dueOn,
        status: r.status,
        narrative: r.narrative ?? "",
        problems: r.problems ?? "",
        newPeople: r.newPeople ?? 0,
        submittedBy: submitted ? (s.submittedBy?.id ?? null) : null,
        submittedAt: submitted ? at(r.dueOn, 11) : null,
        reviewedBy: r.status === "accepted" || r.status === "failed" ? s.preparedBy.id : null,
        reviewedAt: r.status === "accepted" || r.status === "failed" ? at(r.dueOn, 17) : null,
        reviewNote: r.reviewNote ?? null,
        createdAt: at(r.periodStart, 8),
      })
      .returning({ id: progressReports.id });
    if (!row || !r.values) continue;
    const values = Object.entries(r.values).map(([indicatorId, value]) => ({
      baseId,
      reportId: row.id,
      indicatorId,
      value,
      evidence: "活动签到表、照片及服务台账",
    }));
    if (values.length) await tx.insert(indicatorValues).values(values);
  }
  if (s.expenses.length) {
    // Each item carries its receipt (a one-page PDF, the same bytes for all: content-addressed).
    const receipt = demoReceiptBlob();
    const receiptIds: string[] = [];
    for (const e of s.expenses) {
      const [file] = await tx
        .insert(files)
        .values({
          baseId,
          sha256: receipt.sha256,
          size: receipt.bytes.length,
          mime: "application/pdf",
          originalName: `票据-${e.description}.pdf`,
          ownerType: "grant_receipt",
          ownerId: grantId,
          uploadedBy: s.submittedBy?.id ?? null,
          createdAt: at(e.spentOn, 12),
        })
        .returning({ id: files.id });
      receiptIds.push(file?.id as string);
    }
    await tx.insert(grantExpenses).values(
      s.expenses.map((e, i) => ({
        fileIds: [receiptIds[i] as string],
        baseId,
        grantId,
        budgetLineId: lineRows[e.line]?.id as string,
        spentOn: e.spentOn,
        amountFen: e.amountFen,
        description: e.description,
        payee: e.payee,
        status: e.status,
        queryNote: e.queryNote ?? null,
        submittedBy: s.submittedBy?.id ?? null,
        reviewedBy: e.status === "verified" || e.status === "queried" ? s.preparedBy.id : null,
        reviewedAt: e.status === "verified" || e.status === "queried" ? at(e.spentOn, 17) : null,
        createdAt: at(e.spentOn, 12),
        updatedAt: at(e.spentOn, 12),
      })),
    );
  }
  return grantId;
}

/** The demo spending items' receipt: one small PDF (the storage keeps it once, by its hash). */
export function demoReceiptBlob(): DemoBlob {
  return demoPdf("Demo receipt", ["Hatchery demo data - not a real receipt."]);
}

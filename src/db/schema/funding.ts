/**
 * Funding (资金): the base's funds (the seed fund, project grants, the partners' funds of the fund
 * alliance), the projects the money goes to with their logical framework and indicators, the
 * grants with budget lines, tranches and milestones, the organization's spending items and
 * progress reports, and the replication sites (产品孵化) a project's model reached. Money is integer
 * fen (bigint); the rules are in src/domain/funding/.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  EXPENSE_STATUSES,
  type ExpenseStatus,
  FUND_KINDS,
  FUND_STATUSES,
  type FundKind,
  type FundStatus,
  GRANT_EVENTS,
  GRANT_STATUSES,
  type GrantEvent,
  type GrantStatus,
  LOGFRAME_LEVELS,
  type LogframeLevel,
  MILESTONE_STATUSES,
  type MilestoneStatus,
  PROJECT_STATUSES,
  type ProjectStatus,
  REPORT_KINDS,
  REPORT_STATUSES,
  REPORTING_FREQUENCIES,
  type ReportingFrequency,
  type ReportKind,
  type ReportStatus,
  TRANCHE_CONDITIONS,
  TRANCHE_STATUSES,
  type TrancheCondition,
  type TrancheStatus,
} from "../../domain/funding/grant";
import { FIVE_GOOD_FIELDS } from "../../domain/organization";
import { bases } from "./bases";
import { eachOf, oneOf } from "./checks";
import { at, baseRef, created, updated, userRef } from "./columns";
import { incubations } from "./incubation";
import { organizations } from "./organizations";
import { partners } from "./partners";

const fen = (name: string) => bigint(name, { mode: "number" });

/** What a base sets for its funding (one row a base; the defaults when it has none). */
export const fundingSettings = pgTable("funding_settings", {
  baseId: uuid("base_id")
    .primaryKey()
    .references(() => bases.id),
  /** The most a project's project grants may add up to (default CNY 300,000). */
  projectGrantCapFen: fen("project_grant_cap_fen").notNull(),
  /** Calendar days after a report's due day before it counts as failed. */
  reportGraceDays: integer("report_grace_days").notNull(),
  /** A budget line over or under by more than this (basis points; 1000 = 10%) needs an explanation. */
  varianceThresholdBp: integer("variance_threshold_bp").notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: userRef("updated_by"),
  updatedAt: updated(),
});

/** The base's flagship programmes (十大工程), within which combined-track projects are incubated. */
export const flagshipProgrammes = pgTable(
  "flagship_programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    retiredAt: at("retired_at"),
    createdAt: created(),
  },
  (t) => [uniqueIndex("flagship_programmes_base_name").on(t.baseId, sql`lower(${t.name})`)],
);

/** A fund: what it holds; what is committed is the sum of its committed grants. */
export const funds = pgTable(
  "funds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    kind: text("kind").$type<FundKind>().notNull(),
    name: text("name").notNull(),
    /** The partner whose fund this is (a fund alliance member); only for `partner_fund`. */
    partnerId: uuid("partner_id").references(() => partners.id),
    /** What the fund holds in all, in fen: grants may not commit more. */
    capacityFen: fen("capacity_fen").notNull(),
    year: smallint("year"),
    description: text("description").notNull().default(""),
    status: text("status").$type<FundStatus>().notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("funds_kind", t.kind, FUND_KINDS),
    oneOf("funds_status", t.status, FUND_STATUSES),
    check("funds_capacity", sql`${t.capacityFen} >= 0`),
    check("funds_partner", sql`(${t.kind} = 'partner_fund') = (${t.partnerId} IS NOT NULL)`),
    uniqueIndex("funds_base_name").on(t.baseId, sql`lower(${t.name})`),
    index("funds_base_partner").on(t.baseId, t.partnerId),
  ],
);

/** A project of an incubation (项目): what it answers, where it runs, its logical framework. */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    incubationId: uuid("incubation_id")
      .notNull()
      .references(() => incubations.id),
    /** The incubation's organization, kept here so the policy reads it without a join. */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    title: text("title").notNull(),
    /** The community need it answers. */
    need: text("need").notNull().default(""),
    /** Who it serves (target beneficiaries), in words, and how many people it aims to reach. */
    beneficiaries: text("beneficiaries").notNull().default(""),
    targetPeople: integer("target_people"),
    /** Where it runs: towns (streets) and communities, as [{ town, community }]. */
    sites: jsonb("sites").$type<{ town: string; community: string }[]>().notNull().default([]),
    fields: text("fields")
      .array()
      .$type<(typeof FIVE_GOOD_FIELDS)[number][]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** For the combined track: the flagship programme (十大工程) it is incubated within. */
    flagshipProgrammeId: uuid("flagship_programme_id").references(() => flagshipProgrammes.id),
    /** The logical framework's goal; outcomes, outputs and activities as lists of statements. */
    goal: text("goal").notNull().default(""),
    outcomes: jsonb("outcomes").$type<string[]>().notNull().default([]),
    outputs: jsonb("outputs").$type<string[]>().notNull().default([]),
    activities: jsonb("activities").$type<string[]>().notNull().default([]),
    status: text("status").$type<ProjectStatus>().notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("projects_status", t.status, PROJECT_STATUSES),
    eachOf("projects_fields", t.fields, FIVE_GOOD_FIELDS),
    index("projects_base_status").on(t.baseId, t.status),
    index("projects_incubation").on(t.incubationId),
    index("projects_organization").on(t.baseId, t.organizationId),
  ],
);

/** An indicator of a project's logical framework: baseline, target, unit, how and how often measured. */
export const projectIndicators = pgTable(
  "project_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    level: text("level").$type<LogframeLevel>().notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    baselineValue: numeric("baseline_value", { precision: 14, scale: 2 }).notNull().default("0"),
    targetValue: numeric("target_value", { precision: 14, scale: 2 }).notNull(),
    /** How it is measured (means of verification). */
    method: text("method").notNull().default(""),
    frequency: text("frequency").$type<ReportingFrequency>().notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    /** A removed indicator keeps its reported values. */
    removedAt: at("removed_at"),
  },
  (t) => [
    oneOf("project_indicators_level", t.level, LOGFRAME_LEVELS),
    oneOf("project_indicators_frequency", t.frequency, REPORTING_FREQUENCIES),
    index("project_indicators_project").on(t.projectId, t.sortOrder),
  ],
);

/** A grant (资助) to a project from one fund. */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    /** A readable number for the agreement and the finance office, e.g. "ZZ-2027-007". */
    number: text("number").notNull(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    fundId: uuid("fund_id")
      .notNull()
      .references(() => funds.id),
    /** The fund's kind and partner, kept here so the cap, the scope and the figures need no join. */
    fundKind: text("fund_kind").$type<FundKind>().notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    amountFen: fen("amount_fen").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    status: text("status").$type<GrantStatus>().notNull().default("proposed"),
    /** Money paid out that is to be recovered (a failed mid-term evaluation, an early end). */
    owedFen: fen("owed_fen").notNull().default(0),
    preparedBy: userRef("prepared_by"),
    approvedBy: userRef("approved_by"),
    approvedAt: at("approved_at"),
    signedOn: date("signed_on"),
    closedReason: text("closed_reason"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("grants_status", t.status, GRANT_STATUSES),
    oneOf("grants_fund_kind", t.fundKind, FUND_KINDS),
    check("grants_amount", sql`${t.amountFen} > 0`),
    check("grants_owed", sql`${t.owedFen} >= 0`),
    check("grants_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    uniqueIndex("grants_base_number").on(t.baseId, t.number),
    index("grants_base_status").on(t.baseId, t.status),
    index("grants_project").on(t.projectId),
    index("grants_fund").on(t.fundId, t.status),
    index("grants_base_partner").on(t.baseId, t.partnerId),
    index("grants_base_organization").on(t.baseId, t.organizationId),
  ],
);

/** A grant's history: every status change with its actor and reason. */
export const grantEvents = pgTable(
  "grant_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id),
    /** A lifecycle event, or `propose` for the first row. */
    event: text("event").$type<GrantEvent | "propose">().notNull(),
    fromStatus: text("from_status").$type<GrantStatus>(),
    toStatus: text("to_status").$type<GrantStatus>().notNull(),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, string | number | null>>(),
    actorId: userRef("actor_id"),
    actorName: text("actor_name"),
    createdAt: created(),
  },
  (t) => [
    oneOf("grant_events_event", t.event, [...GRANT_EVENTS, "propose"]),
    index("grant_events_grant").on(t.grantId, t.createdAt),
  ],
);

/** A budget line of a grant, by category; the explanation answers a variance beyond the threshold. */
export const grantBudgetLines = pgTable(
  "grant_budget_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id),
    category: text("category").$type<BudgetCategory>().notNull(),
    description: text("description").notNull().default(""),
    amountFen: fen("amount_fen").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    varianceExplanation: text("variance_explanation"),
    /** Who wrote the explanation and when; `version` guards its edits (a stale write is 409). */
    explainedBy: userRef("explained_by"),
    explainedAt: at("explained_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    oneOf("grant_budget_lines_category", t.category, BUDGET_CATEGORIES),
    check("grant_budget_lines_amount", sql`${t.amountFen} >= 0`),
    index("grant_budget_lines_grant").on(t.grantId, t.sortOrder),
  ],
);

/** A milestone of a grant, with its due day; a tranche may wait for one. */
export const grantMilestones = pgTable(
  "grant_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").$type<MilestoneStatus>().notNull().default("open"),
    metOn: date("met_on"),
    note: text("note"),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    /** When the bell told staff and the grantee it was overdue (once). */
    overdueNoticedAt: at("overdue_noticed_at"),
  },
  (t) => [
    oneOf("grant_milestones_status", t.status, MILESTONE_STATUSES),
    index("grant_milestones_grant").on(t.grantId, t.dueOn),
    index("grant_milestones_base_due").on(t.baseId, t.status, t.dueOn),
  ],
);

/** A tranche (分期拨付): its amount, the condition it waits for, who prepared and who paid it. */
export const grantTranches = pgTable(
  "grant_tranches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id),
    seq: smallint("seq").notNull(),
    amountFen: fen("amount_fen").notNull(),
    condition: text("condition").$type<TrancheCondition>().notNull(),
    milestoneId: uuid("milestone_id").references(() => grantMilestones.id),
    /** When the base plans to pay it. */
    plannedOn: date("planned_on"),
    status: text("status").$type<TrancheStatus>().notNull().default("pending"),
    preparedBy: userRef("prepared_by"),
    preparedAt: at("prepared_at"),
    paidBy: userRef("paid_by"),
    paidAt: at("paid_at"),
    /** The payment's reference in the finance office's books. */
    paymentReference: text("payment_reference"),
    stoppedReason: text("stopped_reason"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    oneOf("grant_tranches_condition", t.condition, TRANCHE_CONDITIONS),
    oneOf("grant_tranches_status", t.status, TRANCHE_STATUSES),
    check("grant_tranches_amount", sql`${t.amountFen} > 0`),
    uniqueIndex("grant_tranches_grant_seq").on(t.grantId, t.seq),
    index("grant_tranches_base_status").on(t.baseId, t.status),
  ],
);

/** A spending item (支出) the organization reports against a budget line, with its receipts. */
export const grantExpenses = pgTable(
  "grant_expenses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id),
    budgetLineId: uuid("budget_line_id")
      .notNull()
      .references(() => grantBudgetLines.id),
    spentOn: date("spent_on").notNull(),
    amountFen: fen("amount_fen").notNull(),
    description: text("description").notNull(),
    payee: text("payee").notNull().default(""),
    /** Receipts (image or PDF), files of the organization. */
    fileIds: uuid("file_ids").array().notNull().default(sql`'{}'::uuid[]`),
    status: text("status").$type<ExpenseStatus>().notNull().default("submitted"),
    /** Staff's question on a queried item, and the organization's answer. */
    queryNote: text("query_note"),
    answer: text("answer"),
    submittedBy: userRef("submitted_by"),
    reviewedBy: userRef("reviewed_by"),
    reviewedAt: at("reviewed_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    oneOf("grant_expenses_status", t.status, EXPENSE_STATUSES),
    check("grant_expenses_amount", sql`${t.amountFen} > 0`),
    index("grant_expenses_grant").on(t.grantId, t.spentOn),
    index("grant_expenses_base_status").on(t.baseId, t.status),
  ],
);

/**
 * A progress report (进展报告) of a grant: periodic, the mid-term evaluation or the final report.
 * Scheduled when the grant is signed (status `due`); the organization submits, staff accept,
 * return or fail it. People reached are counted once: `newPeople` are those reached for the first
 * time this period (人数); activity counts are person-times (人次), which may count one person twice.
 */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id),
    kind: text("kind").$type<ReportKind>().notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").$type<ReportStatus>().notNull().default("due"),
    narrative: text("narrative").notNull().default(""),
    problems: text("problems").notNull().default(""),
    newPeople: integer("new_people").notNull().default(0),
    /** Person-times per activity of the logical framework, as [{ activity, personTimes }]. */
    activityCounts: jsonb("activity_counts")
      .$type<{ activity: string; personTimes: number }[]>()
      .notNull()
      .default([]),
    /** Evidence and photos, files of the organization. */
    fileIds: uuid("file_ids").array().notNull().default(sql`'{}'::uuid[]`),
    submittedBy: userRef("submitted_by"),
    submittedAt: at("submitted_at"),
    reviewedBy: userRef("reviewed_by"),
    reviewedAt: at("reviewed_at"),
    reviewNote: text("review_note"),
    /** When the organization was reminded that it falls due, and told that it is overdue (once each). */
    remindedAt: at("reminded_at"),
    overdueNoticedAt: at("overdue_noticed_at"),
    version: integer("version").notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    oneOf("progress_reports_kind", t.kind, REPORT_KINDS),
    oneOf("progress_reports_status", t.status, REPORT_STATUSES),
    check("progress_reports_people", sql`${t.newPeople} >= 0`),
    check("progress_reports_period", sql`${t.periodEnd} >= ${t.periodStart}`),
    index("progress_reports_grant").on(t.grantId, t.dueOn),
    index("progress_reports_base_due").on(t.baseId, t.status, t.dueOn),
  ],
);

/** An indicator's value reported for one period, with its evidence. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => progressReports.id),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => projectIndicators.id),
    /** The value this period (cumulative or per period as the indicator's unit says). */
    value: numeric("value", { precision: 14, scale: 2 }).notNull(),
    evidence: text("evidence").notNull().default(""),
  },
  (t) => [
    uniqueIndex("indicator_values_report_indicator").on(t.reportId, t.indicatorId),
    index("indicator_values_indicator").on(t.indicatorId),
  ],
);

/** A place the project's model was taken up (产品孵化 replication): town, community, year, funder. */
export const replicationSites = pgTable(
  "replication_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: baseRef(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    town: text("town").notNull(),
    community: text("community").notNull(),
    year: smallint("year").notNull(),
    fundedBy: text("funded_by").notNull().default(""),
    note: text("note"),
    createdBy: userRef("created_by"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("replication_sites_unique").on(t.projectId, t.town, t.community, t.year),
    index("replication_sites_base_year").on(t.baseId, t.year),
  ],
);

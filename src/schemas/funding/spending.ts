/**
 * The contracts of a grant's spending (支出): items reported with receipts, staff's review (verify
 * or query), budget vs actual with the variance explanations, the finance workbook's filters.
 * Money is integer fen (`…Fen`).
 */
import { z } from "zod";
import { BUDGET_CATEGORIES, EXPENSE_STATUSES, GRANT_STATUSES } from "../../domain/funding/grant";
import { MAX_FEN } from "../../domain/funding/money";
import { longText, text, ZDay, ZId, ZPage, ZPageQuery, ZVersion } from "../common";

/** The most receipts one item carries. */
export const RECEIPTS_PER_ITEM = 10;

export const ZFen = z
  .number({ error: "integer_required" })
  .int({ error: "integer_required" })
  .min(1, { error: "amount_positive" })
  .max(MAX_FEN, { error: "too_big" });

export const ZExpenseParams = z.object({ id: ZId, expenseId: ZId });
export const ZBudgetLineParams = z.object({ id: ZId, lineId: ZId });

/** What the organization reports: uploaded receipts (owner kind grant_receipt) named by id. */
export const ZExpenseFields = z.object({
  budgetLineId: ZId,
  spentOn: ZDay,
  amountFen: ZFen,
  description: text(200).min(1, { error: "required" }),
  payee: text(100).min(1, { error: "required" }),
  fileIds: z.array(ZId).min(1, { error: "receipt_required" }).max(RECEIPTS_PER_ITEM, { error: "too_big" }),
});
export type ExpenseFields = z.input<typeof ZExpenseFields>;

/** A queried item corrected and resubmitted, with the answer to staff's question. */
export const ZExpenseResubmit = ZExpenseFields.extend({
  version: ZVersion,
  answer: longText(1000).min(1, { error: "required" }),
});
export type ExpenseResubmit = z.input<typeof ZExpenseResubmit>;

export const ZExpenseStep = z.object({ version: ZVersion });
export type ExpenseStep = z.input<typeof ZExpenseStep>;

/** Staff's question on an item. */
export const ZExpenseQuestion = z.object({
  version: ZVersion,
  question: longText(1000).min(1, { error: "required" }),
});
export type ExpenseQuestion = z.input<typeof ZExpenseQuestion>;

export const ZExpenseListQuery = ZPageQuery.extend({
  status: z.enum(EXPENSE_STATUSES, { error: "invalid_option" }).optional(),
});
export type ExpenseListQuery = z.input<typeof ZExpenseListQuery>;

export const ZReceipt = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number() });
export type Receipt = z.infer<typeof ZReceipt>;

export const ZExpenseEntry = z.object({
  id: z.uuid(),
  grantId: z.uuid(),
  budgetLineId: z.uuid(),
  category: z.enum(BUDGET_CATEGORIES),
  lineDescription: z.string(),
  spentOn: z.string(),
  amountFen: z.number().int(),
  description: z.string(),
  payee: z.string(),
  receipts: z.array(ZReceipt),
  status: z.enum(EXPENSE_STATUSES),
  queryNote: z.string().nullable(),
  answer: z.string().nullable(),
  submittedByName: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ExpenseEntry = z.infer<typeof ZExpenseEntry>;

export const ZExpensePage = ZPage(ZExpenseEntry).extend({
  /** The reader reports for the grantee (and the grant takes spending now). */
  canReport: z.boolean(),
  /** The reader verifies and queries (staff). */
  canReview: z.boolean(),
});
export type ExpensePage = z.infer<typeof ZExpensePage>;

const ZVariance = z.object({
  budgetFen: z.number().int(),
  actualFen: z.number().int(),
  verifiedFen: z.number().int(),
  varianceFen: z.number().int(),
  varianceBp: z.number().int().nullable(),
  overspent: z.boolean(),
  needsExplanation: z.boolean(),
  itemCount: z.number().int(),
});

export const ZBudgetRow = ZVariance.extend({
  lineId: z.uuid(),
  category: z.enum(BUDGET_CATEGORIES),
  description: z.string(),
  explanation: z.string().nullable(),
  explanationMissing: z.boolean(),
  explainedByName: z.string().nullable(),
  version: z.number().int(),
});
export type BudgetRow = z.infer<typeof ZBudgetRow>;

export const ZBudgetView = z.object({
  grant: z.object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(GRANT_STATUSES),
    amountFen: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string(),
    organizationName: z.string(),
    projectTitle: z.string(),
    fundName: z.string(),
  }),
  /** The base's threshold in basis points (1000 = 10%). */
  thresholdBp: z.number().int(),
  rows: z.array(ZBudgetRow),
  totals: ZVariance.extend({ linesMissingExplanation: z.number().int() }),
  /** The reader may write the explanations (the grantee's members). */
  canExplain: z.boolean(),
});
export type BudgetView = z.infer<typeof ZBudgetView>;

export const ZExplanationInput = z.object({
  version: ZVersion,
  explanation: longText(1000).min(1, { error: "required" }),
});
export type ExplanationInput = z.input<typeof ZExplanationInput>;

export const ZExplained = z.object({ version: z.number().int(), explanation: z.string() });

/** The finance workbook's filters: a fund, a year (the grant's start), a status. */
export const ZFundingExportQuery = z.object({
  fundId: ZId.optional(),
  year: z.coerce
    .number({ error: "integer_required" })
    .int({ error: "integer_required" })
    .min(2000, { error: "too_small" })
    .max(2100, { error: "too_big" })
    .optional(),
  status: z.enum(GRANT_STATUSES, { error: "invalid_option" }).optional(),
});
export type FundingExportQuery = z.input<typeof ZFundingExportQuery>;

export const ZExpenseStepDone = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(EXPENSE_STATUSES),
});

/** The set-up form's values (amounts as typed yuan) and their conversion to and from the API's fen. */
import type { BudgetCategory, TrancheCondition } from "../../../../domain/funding/grant";
import { formatFen, parseYuan } from "../../../../domain/funding/money";
import type { GrantCreate, GrantView } from "../../../../schemas/funding/grants";

export interface GrantFormValues {
  fundId?: string;
  amountYuan?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  budgetLines: { category?: BudgetCategory; description?: string; amountYuan?: string }[];
  milestones: { title?: string; dueOn?: string | null }[];
  tranches: {
    amountYuan?: string;
    condition?: TrancheCondition;
    plannedOn?: string | null;
    milestoneIndex?: number | null;
  }[];
}

/** "120,000.50" without separators, as one types it. */
const typed = (fen: number) => formatFen(fen).replace(/,/g, "");

export function emptyValues(): GrantFormValues {
  return {
    budgetLines: [{ category: "activities", description: "" }],
    milestones: [],
    tranches: [{ condition: "agreement_signed" }, { condition: "midterm_approved" }],
  };
}

export function toFormValues(g: GrantView): GrantFormValues {
  return {
    fundId: g.fund.id,
    amountYuan: typed(g.amountFen),
    startsOn: g.startsOn,
    endsOn: g.endsOn,
    budgetLines: g.budgetLines.map((l) => ({
      category: l.category,
      description: l.description,
      amountYuan: typed(l.amountFen),
    })),
    milestones: g.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn })),
    tranches: g.tranches.map((t) => ({
      amountYuan: typed(t.amountFen),
      condition: t.condition,
      plannedOn: t.plannedOn,
      milestoneIndex: t.milestoneId ? g.milestones.findIndex((m) => m.id === t.milestoneId) : null,
    })),
  };
}

/** The fen of a typed amount, or 0 while it is not one yet (for the live sums). */
export const fenOf = (yuan: string | undefined) => (yuan ? (parseYuan(yuan) ?? 0) : 0);

export function toInput(values: GrantFormValues): Omit<GrantCreate, "projectId"> {
  return {
    fundId: values.fundId ?? "",
    amountFen: fenOf(values.amountYuan),
    startsOn: values.startsOn ?? "",
    endsOn: values.endsOn ?? "",
    budgetLines: values.budgetLines.map((l) => ({
      category: l.category ?? "other",
      description: l.description ?? "",
      amountFen: fenOf(l.amountYuan),
    })),
    milestones: values.milestones.map((m) => ({ title: m.title ?? "", dueOn: m.dueOn ?? "" })),
    tranches: values.tranches.map((t) => ({
      amountFen: fenOf(t.amountYuan),
      condition: t.condition ?? "agreement_signed",
      plannedOn: t.plannedOn || null,
      milestoneIndex: t.condition === "milestone_met" ? (t.milestoneIndex ?? null) : null,
    })),
  };
}

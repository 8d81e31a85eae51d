/** A grant's spending: items, receipts, staff's review, budget vs actual and its explanations. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  BudgetView,
  ExpenseEntry,
  ExpenseFields,
  ExpenseListQuery,
  ExpensePage,
  ExpenseResubmit,
} from "../../../schemas/funding/spending";
import type { UploadedFile } from "../../../schemas/platform/files";
import { request } from "../client";

const key = (grantId: string) => ["funding", "grant", grantId, "spending"] as const;

export function useGrantExpenses(grantId: string, query: ExpenseListQuery) {
  return useQuery({
    queryKey: [...key(grantId), "expenses", query],
    queryFn: ({ signal }) =>
      request<ExpensePage>(`/api/grants/${grantId}/expenses`, {
        query: query as Record<string, string>,
        signal,
      }),
  });
}

export function useGrantBudget(grantId: string) {
  return useQuery({
    queryKey: [...key(grantId), "budget"],
    queryFn: ({ signal }) => request<BudgetView>(`/api/grants/${grantId}/budget`, { signal }),
  });
}

/** A receipt (photo or PDF) uploaded to the grant before the item names it. */
export function uploadReceipt(grantId: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<UploadedFile>(`/api/grants/${grantId}/receipts`, { method: "POST", body: form });
}

function useRefresh(grantId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key(grantId) });
}

export function useSaveExpense(grantId: string, expenseId: string | null) {
  const refresh = useRefresh(grantId);
  return useMutation({
    mutationFn: (body: ExpenseFields | ExpenseResubmit) =>
      expenseId
        ? request<ExpenseEntry>(`/api/grants/${grantId}/expenses/${expenseId}`, { method: "PUT", body })
        : request<ExpenseEntry>(`/api/grants/${grantId}/expenses`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export type ExpenseStepInput =
  | { event: "verify" | "withdraw"; expenseId: string; version: number }
  | { event: "query"; expenseId: string; version: number; question: string };

export function useExpenseStep(grantId: string) {
  const refresh = useRefresh(grantId);
  return useMutation({
    mutationFn: ({ event, expenseId, ...body }: ExpenseStepInput) =>
      request<ExpenseEntry>(`/api/grants/${grantId}/expenses/${expenseId}/${event}`, {
        method: "POST",
        body,
      }),
    onSuccess: refresh,
  });
}

export function useExplainVariance(grantId: string) {
  const refresh = useRefresh(grantId);
  return useMutation({
    mutationFn: ({ lineId, ...body }: { lineId: string; version: number; explanation: string }) =>
      request(`/api/grants/${grantId}/budget/${lineId}/explanation`, { method: "PUT", body }),
    onSuccess: refresh,
  });
}

export function useGrantExpense(grantId: string, expenseId: string | null) {
  return useQuery({
    queryKey: [...key(grantId), "expense", expenseId],
    enabled: expenseId !== null,
    queryFn: ({ signal }) =>
      request<ExpenseEntry>(`/api/grants/${grantId}/expenses/${expenseId}`, { signal }),
  });
}

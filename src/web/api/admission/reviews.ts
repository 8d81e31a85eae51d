import { useQuery } from "@tanstack/react-query";
import type { MyReviews, ReviewDetail, ReviewDraft, ReviewSaved } from "../../../schemas/admission/reviews";
import { request } from "../client";

export const reviewKeys = {
  mine: ["reviews", "mine"] as const,
  round: (roundId: string) => ["reviews", "mine", roundId] as const,
  detail: (id: string) => ["reviews", "detail", id] as const,
};

export function useMyReviews(enabled = true) {
  return useQuery({
    queryKey: reviewKeys.mine,
    queryFn: ({ signal }) => request<MyReviews>("/api/reviews", { signal }),
    enabled,
  });
}

/** One round's assignments (a round that is not open comes counted only in the list). */
export function useRoundReviews(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.round(roundId),
    queryFn: async ({ signal }) => {
      const mine = await request<MyReviews>(`/api/reviews?roundId=${encodeURIComponent(roundId)}`, {
        signal,
      });
      return mine.rounds.find((r) => r.roundId === roundId)?.reviews ?? [];
    },
    enabled,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.detail(id),
    queryFn: ({ signal }) => request<ReviewDetail>(`/api/reviews/${id}`, { signal }),
  });
}

export function saveReviewDraft(id: string, body: ReviewDraft): Promise<ReviewSaved> {
  return request<ReviewSaved>(`/api/reviews/${id}`, { method: "PATCH", body });
}

export function submitReview(id: string, version: number): Promise<ReviewSaved> {
  return request<ReviewSaved>(`/api/reviews/${id}/submit`, { method: "POST", body: { version } });
}

export function reopenReview(id: string, version: number, reason: string): Promise<ReviewSaved> {
  return request<ReviewSaved>(`/api/reviews/${id}/reopen`, { method: "POST", body: { version, reason } });
}

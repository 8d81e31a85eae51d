import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Notification,
  NotificationPage,
  NotificationQuery,
} from "../../../schemas/platform/notifications";
import { request } from "../client";

const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread"] as const,
  list: (query: NotificationQuery) => ["notifications", "list", query] as const,
};

/** The bell's count: every minute, and whenever the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) =>
      (await request<{ unread: number }>("/api/notifications/unread-count", { signal })).unread,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(query: NotificationQuery, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => request<NotificationPage>("/api/notifications", { query, signal }),
    enabled,
    refetchOnWindowFocus: true,
  });
}

/** Marking read refreshes the count and every list. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<Notification>(`/api/notifications/${id}/read`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<{ updated: number }>("/api/notifications/read-all", { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

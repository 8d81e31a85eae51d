import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  NotificationSettings,
  NotificationSettingsUpdate,
} from "../../../schemas/platform/notification-settings";
import type { User, UserCreate, UserQuery, UserUpdate, ZUserPage } from "../../../schemas/platform/users";
import { request } from "../client";

export type UserPage = z.infer<typeof ZUserPage>;

const userKeys = {
  all: ["users"] as const,
  list: (query: UserQuery) => ["users", "list", query] as const,
  search: (q: string) => ["users", "search", q] as const,
};

export function useUserList(query: UserQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => request<UserPage>("/api/users", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** For the audit log's actor filter. */
export function useUserSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: userKeys.search(q),
    queryFn: ({ signal }) => request<UserPage>("/api/users", { query: { q, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type UserAction =
  | { kind: "create"; body: UserCreate }
  | { kind: "update"; id: string; body: UserUpdate }
  | { kind: "disable" | "enable" | "unlock"; id: string; version: number }
  | { kind: "reset-password"; id: string; version: number; newPassword: string };

/** Every change to a user account goes through here, so the list refreshes after each one. */
export function useUserMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: UserAction) => runUserAction(action),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

function runUserAction(action: UserAction): Promise<User> {
  switch (action.kind) {
    case "create":
      return request<User>("/api/users", { method: "POST", body: action.body });
    case "update":
      return request<User>(`/api/users/${action.id}`, { method: "PATCH", body: action.body });
    case "reset-password":
      return request<User>(`/api/users/${action.id}/reset-password`, {
        method: "POST",
        body: { version: action.version, newPassword: action.newPassword },
      });
    default:
      return request<User>(`/api/users/${action.id}/${action.kind}`, {
        method: "POST",
        body: { version: action.version },
      });
  }
}

const settingsKey = ["users", "me", "notification-settings"] as const;

export const fetchNotificationSettings = () =>
  request<NotificationSettings>("/api/users/me/notification-settings");

/** One's own notification channels (the account page). */
export function useNotificationSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: fetchNotificationSettings });
}

export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) =>
      request<NotificationSettings>("/api/users/me/notification-settings", { method: "PUT", body }),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}

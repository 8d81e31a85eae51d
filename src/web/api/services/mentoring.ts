/** The mentor programme: mentors and profiles, matching, mentorships, sessions, the homes' lists. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MatchView,
  MentorEntry,
  MentorHomeView,
  MentoringWaitingView,
  MentorList,
  MentorProfileInput,
  MentorshipCreate,
  MentorshipEnd,
  MentorshipEntry,
  MentorshipList,
  SessionAnswer,
  SessionCreate,
  SessionEntry,
  SessionList,
} from "../../../schemas/services/mentoring";
import { request } from "../client";

const keys = {
  all: ["mentoring"] as const,
  mentors: ["mentoring", "mentors"] as const,
  own: ["mentoring", "own"] as const,
  home: ["mentoring", "home"] as const,
  waiting: ["mentoring", "waiting"] as const,
  toAnswer: ["mentoring", "to-answer"] as const,
  matches: (id: string) => ["mentoring", "matches", id] as const,
  mentorships: (id: string) => ["mentoring", "mentorships", id] as const,
  sessions: (id: string) => ["mentoring", "sessions", id] as const,
};

export const fetchMentor = (id: string) => request<MentorEntry>(`/api/mentors/${id}`);
export const fetchOwnProfile = () => request<MentorEntry>("/api/mentors/me");

export function useMentors(enabled = true) {
  return useQuery({
    queryKey: keys.mentors,
    queryFn: ({ signal }) => request<MentorList>("/api/mentors", { signal }),
    enabled,
  });
}

export function useOwnProfile(enabled = true) {
  return useQuery({ queryKey: keys.own, queryFn: fetchOwnProfile, enabled });
}

export function useMentorHome(enabled: boolean) {
  return useQuery({
    queryKey: keys.home,
    queryFn: ({ signal }) => request<MentorHomeView>("/api/mentoring/home", { signal }),
    enabled,
  });
}

export function useMentoringWaiting(enabled: boolean) {
  return useQuery({
    queryKey: keys.waiting,
    queryFn: ({ signal }) => request<MentoringWaitingView>("/api/mentoring/waiting", { signal }),
    enabled,
  });
}

export function useSessionsToAnswer(enabled: boolean) {
  return useQuery({
    queryKey: keys.toAnswer,
    queryFn: ({ signal }) => request<SessionList>("/api/mentoring/to-answer", { signal }),
    enabled,
  });
}

export function useMentorMatches(incubationId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.matches(incubationId),
    queryFn: ({ signal }) =>
      request<MatchView>(`/api/incubations/${incubationId}/mentor-matches`, { signal }),
    enabled,
  });
}

export function useMentorships(incubationId: string) {
  return useQuery({
    queryKey: keys.mentorships(incubationId),
    queryFn: ({ signal }) =>
      request<MentorshipList>(`/api/incubations/${incubationId}/mentorships`, { signal }),
  });
}

export function useSessions(incubationId: string) {
  return useQuery({
    queryKey: keys.sessions(incubationId),
    queryFn: ({ signal }) =>
      request<SessionList>(`/api/incubations/${incubationId}/mentoring-sessions`, { signal }),
  });
}

/** After any change everything of the programme is read again (the plan too: action items join it). */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.all }),
      client.invalidateQueries({ queryKey: ["incubation"] }),
    ]);
}

export function useSaveProfile(mentorId: string | "self") {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: MentorProfileInput) =>
      request<MentorEntry>(mentorId === "self" ? "/api/mentors/me" : `/api/mentors/${mentorId}`, {
        method: "PUT",
        body,
      }),
    onSuccess: refresh,
  });
}

export function useAssignMentor(incubationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: MentorshipCreate) =>
      request<MentorshipEntry>(`/api/incubations/${incubationId}/mentorships`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useEndMentorship() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: MentorshipEnd & { id: string }) =>
      request<MentorshipEntry>(`/api/mentorships/${id}/end`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useLogSession(incubationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: SessionCreate) =>
      request<SessionEntry>(`/api/incubations/${incubationId}/mentoring-sessions`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useAnswerSession() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SessionAnswer }) =>
      request<SessionEntry>(`/api/mentoring-sessions/${id}/answer`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

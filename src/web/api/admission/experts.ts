import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CandidateCheck,
  CandidateConflicts,
  Conflict,
  ConflictInput,
  ExpertDetail,
  ExpertPage,
  ExpertProfile,
  ExpertProfileUpdate,
  InvitationCreate,
  InvitationPage,
  InvitationSent,
  JoinInvitation,
  JoinRequest,
  JoinResponse,
  SignInLinkCreate,
  SignInLinkResult,
  SignInLinkSent,
  ZExpertQuery,
  ZInvitationQuery,
} from "../../../schemas/admission/experts";
import { request, setCsrfToken } from "../client";

export type ExpertQuery = z.output<typeof ZExpertQuery>;
export type InvitationQuery = z.output<typeof ZInvitationQuery>;

const keys = {
  list: (q: ExpertQuery) => ["experts", "list", q] as const,
  detail: (id: string) => ["experts", "detail", id] as const,
  invitations: (q: InvitationQuery) => ["experts", "invitations", q] as const,
  profile: ["experts", "me", "profile"] as const,
  conflicts: ["experts", "me", "conflicts"] as const,
};

export function useExpertList(query: ExpertQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => request<ExpertPage>("/api/experts", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useExpert(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ""),
    queryFn: ({ signal }) => request<ExpertDetail>(`/api/experts/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useInvitationList(query: InvitationQuery) {
  return useQuery({
    queryKey: keys.invitations(query),
    queryFn: ({ signal }) => request<InvitationPage>("/api/expert-invitations", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

function useRefreshExperts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["experts"] });
}

export function useInvite() {
  const refresh = useRefreshExperts();
  return useMutation({
    mutationFn: (body: InvitationCreate) =>
      request<InvitationSent>("/api/expert-invitations", { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useInvitationAction() {
  const refresh = useRefreshExperts();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "resend" | "revoke" }) =>
      request<unknown>(`/api/expert-invitations/${id}/${action}`, {
        method: "POST",
        body: action === "resend" ? {} : undefined,
      }),
    onSuccess: refresh,
  });
}

export function useCandidateCheck() {
  return useMutation({
    mutationFn: (body: CandidateCheck) =>
      request<CandidateConflicts>("/api/experts/conflict-check", { method: "POST", body }),
  });
}

export function useRecordConflict(expertId: string) {
  const refresh = useRefreshExperts();
  return useMutation({
    mutationFn: (body: ConflictInput) =>
      request<Conflict>(`/api/experts/${expertId}/conflicts`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useSendSignInLink(expertId: string) {
  return useMutation({
    mutationFn: (body: SignInLinkCreate) =>
      request<SignInLinkSent>(`/api/experts/${expertId}/sign-in-links`, { method: "POST", body }),
  });
}

export function searchOrganizations(q: string) {
  return request<{ items: { id: string; name: string }[] }>("/api/experts/me/organizations", {
    query: { q },
  });
}

export function useOwnProfile() {
  return useQuery({
    queryKey: keys.profile,
    queryFn: ({ signal }) => request<ExpertProfile>("/api/experts/me/profile", { signal }),
  });
}

export function fetchOwnProfile() {
  return request<ExpertProfile>("/api/experts/me/profile");
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertProfileUpdate) =>
      request<ExpertProfile>("/api/experts/me/profile", { method: "PUT", body }),
    onSuccess: (profile) => client.setQueryData(keys.profile, profile),
  });
}

export function useOwnConflicts() {
  return useQuery({
    queryKey: keys.conflicts,
    queryFn: ({ signal }) => request<{ items: Conflict[] }>("/api/experts/me/conflicts", { signal }),
  });
}

export function useDeclareConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConflictInput) =>
      request<Conflict>("/api/experts/me/conflicts", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.conflicts }),
  });
}

export function useWithdrawConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<unknown>(`/api/experts/me/conflicts/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.conflicts }),
  });
}

/** The invitation page's data (public; a refused token is an error with its own message). */
export function useJoinInvitation(token: string) {
  return useQuery({
    queryKey: ["expert-join", token],
    queryFn: ({ signal }) =>
      request<JoinInvitation>("/api/expert-join", { query: { token }, signal, allowUnauthorized: true }),
    enabled: !!token,
    retry: false,
  });
}

export async function acceptInvitation(body: JoinRequest): Promise<JoinResponse> {
  const answer = await request<JoinResponse>("/api/expert-join", {
    method: "POST",
    body,
    allowUnauthorized: true,
  });
  setCsrfToken(answer.csrfToken);
  return answer;
}

export async function redeemSignInLink(token: string): Promise<SignInLinkResult> {
  const answer = await request<SignInLinkResult>("/api/sign-in-links/redeem", {
    method: "POST",
    body: { token },
    allowUnauthorized: true,
  });
  setCsrfToken(answer.csrfToken);
  return answer;
}

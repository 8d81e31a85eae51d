/** Individuals (个人用户): the staff's list, adding, a person's page; one's own profile; registering. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionResponse } from "../../../schemas/platform/auth";
import type {
  IndividualRegistrationRequest,
  OwnProfile,
  OwnProfileUpdate,
  PersonCreate,
  PersonDetail,
  PersonListState,
  PersonRow,
  PersonUpdate,
} from "../../../schemas/services/people";
import { download, request, setCsrfToken } from "../client";
import { sessionKey } from "../platform/auth";

const keys = {
  all: ["people"] as const,
  list: (q: PersonListState) => ["people", "list", q] as const,
  detail: (id: string) => ["people", "detail", id] as const,
  own: ["people", "me"] as const,
};

export function usePeople(query: PersonListState) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) =>
      request<{ items: PersonRow[]; total: number; page: number; pageSize: number }>("/api/people", {
        query,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ""),
    queryFn: ({ signal }) => fetchPerson(id ?? "", signal),
    enabled: !!id,
  });
}

export function fetchPerson(id: string, signal?: AbortSignal): Promise<PersonDetail> {
  return request<PersonDetail>(`/api/people/${id}`, { signal });
}

/** Staff save a person (versioned: a stale copy is 409); the list shows the new name too. */
export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonUpdate) => request<PersonDetail>(`/api/people/${id}`, { method: "PUT", body }),
    onSuccess: (saved) => {
      client.setQueryData(keys.detail(id), saved);
      void client.invalidateQueries({ queryKey: ["people", "list"] });
    },
  });
}

/** Staff disable or re-enable a person's account (its sessions end when disabled). */
export function usePersonStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version }: { action: "disable" | "enable"; version: number }) =>
      request<PersonDetail>(`/api/people/${id}/${action}`, { method: "POST", body: { version } }),
    onSuccess: (saved) => {
      client.setQueryData(keys.detail(id), saved);
      void client.invalidateQueries({ queryKey: ["people", "list"] });
    },
  });
}

export function downloadPeople(query: Partial<PersonListState>) {
  const { page: _p, pageSize: _s, ...filters } = query;
  return download("/api/people/export.xlsx", filters, "people.xlsx");
}

export function useAddPerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonCreate) => request<PersonDetail>("/api/people", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function fetchOwnProfile(signal?: AbortSignal): Promise<OwnProfile> {
  return request<OwnProfile>("/api/people/me", { signal });
}

export function useOwnProfile() {
  return useQuery({ queryKey: keys.own, queryFn: ({ signal }) => fetchOwnProfile(signal) });
}

/** Saves one's profile; the name shown in the header comes from the session, so it is read again. */
export function useSaveOwnProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OwnProfileUpdate) => request<OwnProfile>("/api/people/me", { method: "PUT", body }),
    onSuccess: (saved) => {
      client.setQueryData(keys.own, saved);
      void client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** Registers as an individual and signs in: the answer is a session, like the sign-in's. */
export async function registerIndividual(body: IndividualRegistrationRequest): Promise<SessionResponse> {
  const session = await request<SessionResponse>("/api/registration/individual", {
    method: "POST",
    body,
    allowUnauthorized: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

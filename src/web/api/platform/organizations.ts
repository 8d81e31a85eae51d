import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ImportResult,
  Organization,
  OrganizationInput,
  OrganizationPage,
  OrganizationQuery,
  OrganizationUpdate,
} from "../../../schemas/platform/organizations";
import { download, request } from "../client";

export const organizationKeys = {
  all: ["organizations"] as const,
  list: (query: OrganizationQuery) => ["organizations", "list", query] as const,
  detail: (id: string) => ["organizations", "detail", id] as const,
  search: (q: string) => ["organizations", "search", q] as const,
};

export function useOrganizationList(query: OrganizationQuery) {
  return useQuery({
    queryKey: organizationKeys.list(query),
    queryFn: ({ signal }) => request<OrganizationPage>("/api/organizations", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** For pickers (the user form's organization select): a short list matching the typed text. */
export function useOrganizationSearch(q: string) {
  return useQuery({
    queryKey: organizationKeys.search(q),
    queryFn: ({ signal }) =>
      request<OrganizationPage>("/api/organizations", {
        query: { q, pageSize: 20, sort: "name", order: "asc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(id ?? ""),
    queryFn: ({ signal }) => request<Organization>(`/api/organizations/${id}`, { signal }),
    enabled: !!id,
  });
}

export function fetchOrganization(id: string): Promise<Organization> {
  return request<Organization>(`/api/organizations/${id}`);
}

export function revealContact(id: string): Promise<{ contactPhone: string | null }> {
  return request<{ contactPhone: string | null }>(`/api/organizations/${id}/contact`);
}

export function useCreateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationInput) =>
      request<Organization>("/api/organizations", { method: "POST", body }),
    onSuccess: (organization) => {
      client.setQueryData(organizationKeys.detail(organization.id), organization);
      return invalidateLists(client);
    },
  });
}

export function useUpdateOrganization(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationUpdate) =>
      request<Organization>(`/api/organizations/${id}`, { method: "PATCH", body }),
    onSuccess: (organization) => {
      client.setQueryData(organizationKeys.detail(organization.id), organization);
      return invalidateLists(client);
    },
  });
}

export function useImportOrganizations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return request<ImportResult>("/api/organizations/import", { method: "POST", body: form });
    },
    onSuccess: () => invalidateLists(client),
  });
}

export function exportOrganizations(query: OrganizationQuery): Promise<void> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return download("/api/organizations/export.xlsx", filters, "organizations.xlsx");
}

export function downloadImportTemplate(): Promise<void> {
  return download("/api/organizations/import-template.xlsx", undefined, "organizations-template.xlsx");
}

function invalidateLists(client: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    client.invalidateQueries({ queryKey: ["organizations", "list"] }),
    client.invalidateQueries({ queryKey: ["organizations", "search"] }),
    client.invalidateQueries({ queryKey: ["stats"] }),
  ]);
}

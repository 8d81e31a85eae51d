/** Information (资讯): the staff's posts and their changes, the reader's feed, the portal's list. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { UploadedFile } from "../../../schemas/platform/files";
import type {
  PortalPostQuery,
  PostFeedPage,
  PostFeedQuery,
  PostListQuery,
  PostPage,
  PostReadingView,
  PostReceiptsView,
  PostView,
  ZPostCreate,
  ZPostTargeting,
} from "../../../schemas/services/posts";
import { download, request } from "../client";

export type PostInput = z.input<typeof ZPostCreate>;
export type PostTargetingInput = z.input<typeof ZPostTargeting>;

const query = (params: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : "";
};

export function usePosts(params: PostListQuery) {
  return useQuery({
    queryKey: ["posts", "list", params],
    queryFn: ({ signal }) => request<PostPage>(`/api/posts${query(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const fetchPost = (id: string) => request<PostView>(`/api/posts/${id}`);

export function usePost(id: string | undefined) {
  return useQuery({
    queryKey: ["posts", "one", id],
    queryFn: ({ signal }) => request<PostView>(`/api/posts/${id}`, { signal }),
    enabled: !!id,
  });
}

export function usePostReceipts(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["posts", "receipts", id],
    queryFn: ({ signal }) => request<PostReceiptsView>(`/api/posts/${id}/receipts`, { signal }),
    enabled: !!id && enabled,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["posts"] });
}

export function useSavePost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: PostInput & { id?: string; version?: number }) =>
      id
        ? request<PostView>(`/api/posts/${id}`, { method: "PUT", body })
        : request<PostView>("/api/posts", { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function usePostStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      event,
      ...body
    }: {
      id: string;
      event: "publish" | "withdraw" | "redraft";
      version: number;
      reason?: string;
      publishAt?: string | null;
    }) => request<PostView>(`/api/posts/${id}/${event}`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useAudiencePreview(targeting: PostTargetingInput, enabled: boolean) {
  return useQuery({
    queryKey: ["posts", "audience", targeting],
    queryFn: ({ signal }) =>
      request<{ organizations: number }>("/api/posts/audience", { method: "POST", body: targeting, signal }),
    enabled,
  });
}

export function usePostFeed(params: PostFeedQuery) {
  return useQuery({
    queryKey: ["post-feed", "list", params],
    queryFn: ({ signal }) => request<PostFeedPage>(`/api/post-feed${query(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFeedPost(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ["post-feed", "one", id],
    queryFn: async ({ signal }) => {
      const post = await request<PostReadingView>(`/api/post-feed/${id}`, { signal });
      // The receipt is recorded: the list's unread marks and the home card change.
      void client.invalidateQueries({ queryKey: ["post-feed", "list"] });
      return post;
    },
  });
}

/** The portal home's latest posts: the page /portal's server-written HTML carries (front-page.ts). */
export const PORTAL_LATEST_POSTS = { page: 1, pageSize: 5 } as const;

export const portalPostsKey = (params: PortalPostQuery) => ["portal-posts", params] as const;

export function usePortalPosts(params: PortalPostQuery) {
  return useQuery({
    queryKey: portalPostsKey(params),
    queryFn: ({ signal }) => request<PostFeedPage>(`/api/portal/posts${query(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePortalPost(id: string) {
  return useQuery({
    queryKey: ["portal-posts", "one", id],
    queryFn: ({ signal }) => request<PostReadingView>(`/api/portal/posts/${id}`, { signal }),
  });
}

export function downloadPostReceipts(id: string) {
  return download(`/api/posts/${id}/receipts/export.xlsx`, {}, "post-receipts.xlsx");
}

/** An attachment for the post being written (the save then names it in `fileIds`). */
export function uploadPostFile(postId: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<UploadedFile>(`/api/posts/${postId}/files`, { method: "POST", body: form });
}

/** Where a reader downloads an attachment: signed in through the files area, else the portal's route. */
export function postFileUrl(postId: string, fileId: string, portal: boolean): string {
  return portal ? `/api/portal/posts/${postId}/files/${fileId}` : `/api/files/${fileId}`;
}

import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api/client";

/** The one query cache: the app renders with it, and route loaders start fetches into it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final (forbidden, not found, validation); retry only network and 5xx.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

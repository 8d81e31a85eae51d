import "./i18n";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "./AppProviders";
import { type ApiError, isApiError, setUnauthorizedHandler } from "./api/client";
import { noteSessionEnded, sessionKey } from "./api/platform/auth";
import "./global.css";
import { router } from "./router";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final (forbidden, not found, validation); retry only network and 5xx.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

/** Any 401 after sign-in means the session is gone: forget it and go to the login page. */
setUnauthorizedHandler((error: ApiError) => {
  noteSessionEnded(error.code);
  queryClient.setQueryData(sessionKey, null);
  const here = `${window.location.pathname}${window.location.search}`;
  if (window.location.pathname === "/login") return;
  const params = new URLSearchParams({ next: here });
  if (error.code === "session_expired") params.set("reason", "expired");
  void router.navigate(`/login?${params.toString()}`, { replace: true });
});

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppProviders router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

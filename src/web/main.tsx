import "./i18n";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "./AppProviders";
import { type ApiError, setUnauthorizedHandler } from "./api/client";
import { noteSessionEnded, sessionKey } from "./api/platform/auth";
import "./global.css";
import { queryClient } from "./queryClient";
import { router } from "./router";

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

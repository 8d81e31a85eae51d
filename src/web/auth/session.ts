import { queryOptions, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { CurrentUser } from "../../schemas/platform/auth";
import { type Access, accessFor } from "../access";
import { fetchSession, sessionKey } from "../api/platform/auth";

/** The session, loaded once and kept until login, logout or a 401 replaces it. */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: fetchSession,
  staleTime: Number.POSITIVE_INFINITY,
  retry: 1,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Inside the signed-in layout the user is always there; the layout redirects otherwise. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser outside the signed-in layout");
  return data.user;
}

export function useAccess(): Access {
  const { data } = useSession();
  const user = data?.user;
  return useMemo(() => accessFor(user), [user]);
}

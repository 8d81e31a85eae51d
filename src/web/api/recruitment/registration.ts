import { useQuery } from "@tanstack/react-query";
import type { SessionResponse } from "../../../schemas/platform/auth";
import type { PhoneCodeResponse } from "../../../schemas/platform/phone-codes";
import type { RegistrationBase, RegistrationRequest } from "../../../schemas/recruitment/registration";
import { request, setCsrfToken } from "../client";

export function useRegistrationBases() {
  return useQuery({
    queryKey: ["registration", "bases"],
    queryFn: async ({ signal }) =>
      (await request<{ items: RegistrationBase[] }>("/api/registration/bases", { signal })).items,
    staleTime: 30 * 60 * 1000,
  });
}

export function requestPhoneCode(mobile: string): Promise<PhoneCodeResponse> {
  return request<PhoneCodeResponse>("/api/registration/codes", { method: "POST", body: { mobile } });
}

/** Registers and signs in: the answer is a session, like the sign-in's. */
export async function register(body: RegistrationRequest): Promise<SessionResponse> {
  const session = await request<SessionResponse>("/api/registration", {
    method: "POST",
    body,
    allowUnauthorized: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

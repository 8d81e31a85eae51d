import type { OrganizationField, RegistrationStatus } from "../../../../domain/organization";
import { normalizeMobile } from "../../../../domain/phone";
import type { RegistrationRequest } from "../../../../schemas/recruitment/registration";

export interface RegistrationFormValues {
  baseId?: string;
  mobile: string;
  code: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
  email?: string;
  organization: {
    mode: "new" | "existing";
    name?: string;
    registrationStatus?: RegistrationStatus;
    creditCode?: string;
    /** YYYY-MM-DD (DateInput). */
    foundedOn?: string | null;
    townId?: string | null;
    fields?: OrganizationField[];
  };
}

/** Every field a server error may name, as the form's name paths (organization.x is nested). */
export const FORM_FIELDS = [
  "baseId",
  "mobile",
  "code",
  "displayName",
  "password",
  "email",
  "organization.name",
  "organization.registrationStatus",
  "organization.creditCode",
  "organization.foundedOn",
  "organization.townId",
  "organization.fields",
] as const;

export function toRequest(values: RegistrationFormValues, callId: string | null): RegistrationRequest {
  const org = values.organization;
  const creditCode = org.creditCode?.trim().toUpperCase() ?? "";
  return {
    mobile: normalizeMobile(values.mobile ?? ""),
    code: values.code?.trim() ?? "",
    password: values.password,
    displayName: values.displayName?.trim() ?? "",
    email: values.email?.trim() || null,
    ...(values.baseId ? { baseId: values.baseId } : {}),
    ...(callId ? { callId } : {}),
    organization:
      org.mode === "existing"
        ? { mode: "existing", creditCode }
        : {
            mode: "new",
            name: org.name?.trim() ?? "",
            registrationStatus: org.registrationStatus ?? "unregistered",
            creditCode: creditCode || null,
            foundedOn: org.foundedOn || null,
            townId: org.townId ?? null,
            fields: org.fields ?? [],
          },
  };
}

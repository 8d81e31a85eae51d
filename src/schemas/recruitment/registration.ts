/**
 * Applicant self-registration: a confirmed phone (one-time code), an account signed in at once,
 * and the organization it acts for (a new one, or one already on the platform by credit code).
 */
import { z } from "zod";
import { ORGANIZATION_FIELDS, REGISTRATION_STATUSES } from "../../domain/organization";
import { PASSWORD_MAX_LENGTH } from "../../domain/password-policy";
import { optionalText, secretText, text, ZDay, ZId } from "../common";
import { ZCreditCode, ZMobile } from "../platform/organizations";
import { ZPhoneCode } from "../platform/phone-codes";

export const ZPhoneCodeRequest = z.object({ mobile: ZMobile });
export type PhoneCodeRequest = z.input<typeof ZPhoneCodeRequest>;

const ZNewOrganization = z.object({
  mode: z.literal("new"),
  name: text(100).min(2, { error: "too_short" }),
  registrationStatus: z.enum(REGISTRATION_STATUSES),
  creditCode: z.union([ZCreditCode, z.literal("").transform(() => null), z.null()]).optional(),
  foundedOn: ZDay.nullish(),
  townId: ZId.nullish(),
  fields: z.array(z.enum(ORGANIZATION_FIELDS)).max(ORGANIZATION_FIELDS.length).default([]),
  contactName: optionalText(50),
});

const ZExistingOrganization = z.object({
  mode: z.literal("existing"),
  creditCode: ZCreditCode,
});

export const ZRegistrationRequest = z.object({
  mobile: ZMobile,
  code: ZPhoneCode,
  password: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
  displayName: text(50).min(1, { error: "required" }),
  email: z
    .union([z.email({ error: "email_invalid" }), z.literal("").transform(() => null), z.null()])
    .optional(),
  /** Which base to register with; default: the base of `callId`, or the installation's only base. */
  baseId: ZId.optional(),
  /** The call the applicant came from (its base is the one they register with). */
  callId: ZId.optional(),
  organization: z.discriminatedUnion("mode", [ZNewOrganization, ZExistingOrganization]),
});
export type RegistrationRequest = z.input<typeof ZRegistrationRequest>;
export type RegistrationData = z.output<typeof ZRegistrationRequest>;

/** A base and its towns (镇街), for the form's choices: towns are otherwise only for signed-in users. */
export const ZRegistrationBase = z.object({
  id: z.string(),
  name: z.string(),
  towns: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(["town", "subdistrict"]) })),
});
export const ZRegistrationBases = z.object({ items: z.array(ZRegistrationBase) });
export type RegistrationBase = z.infer<typeof ZRegistrationBase>;

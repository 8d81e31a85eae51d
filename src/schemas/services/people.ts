/**
 * The contracts of individuals (个人用户, docs/PEOPLE.md): registering as an individual with a
 * confirmed phone, staff adding one, the staff's list (filters, sort, paging, .xlsx), a person's
 * page (profile, trainings, series progress), and the individual's own profile.
 */
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../../domain/password-policy";
import { isMaskedMobile, isValidMobile, normalizeMobile } from "../../domain/phone";
import { PERSON_SORTS, PERSON_SOURCES } from "../../domain/services/people";
import {
  ATTENDANCE_METHODS,
  ENROLMENT_STATUSES,
  SERIES_KINDS,
  TRAINING_STATUSES,
} from "../../domain/services/trainings";
import { optionalText, secretText, text, ZId, ZPage, ZPageQuery, ZVersion } from "../common";
import { ZMobile } from "../platform/organizations";
import { ZPhoneCode } from "../platform/phone-codes";

const ZOptionalEmail = z
  .union([
    z.email({ error: "email_invalid" }).max(200, { error: "too_long" }),
    z.literal("").transform(() => null),
    z.null(),
  ])
  .optional();
const ZName = text(50).min(1, { error: "required" });

/** What a person tells about themself beyond the account: optional, one line each. */
const profileFields = {
  email: ZOptionalEmail,
  workUnit: optionalText(100),
  jobTitle: optionalText(50),
};

/** 个人注册: a confirmed phone (the registration's one-time code), a password, a name. */
export const ZIndividualRegistrationRequest = z.object({
  mobile: ZMobile,
  code: ZPhoneCode,
  password: secretText(PASSWORD_MAX_LENGTH).min(1, { error: "required" }),
  displayName: ZName,
  /** Which base to register with; default: the installation's only base. */
  baseId: ZId.optional(),
  ...profileFields,
});
export type IndividualRegistrationRequest = z.input<typeof ZIndividualRegistrationRequest>;

/**
 * Staff add a person. With a password, it is the first one (changed at the first sign-in); without,
 * the person sets their own with 忘记密码 on the phone given (the phone code proves it is theirs).
 */
export const ZPersonCreate = z.object({
  displayName: ZName,
  mobile: ZMobile,
  password: z
    .union([secretText(PASSWORD_MAX_LENGTH), z.literal("").transform(() => null), z.null()])
    .optional(),
  ...profileFields,
});
export type PersonCreate = z.input<typeof ZPersonCreate>;

/** The individual's own profile (个人信息). The mobile changes only with a phone code: not here. */
export const ZOwnProfileUpdate = z.object({ displayName: ZName, ...profileFields, version: ZVersion });
export type OwnProfileUpdate = z.input<typeof ZOwnProfileUpdate>;

/**
 * Staff edit a person. The mobile is the person's sign-in, so it stays required; the form is given
 * it masked, and the masked value sent back means "unchanged".
 */
export const ZPersonUpdate = z.object({
  displayName: ZName,
  mobile: text(40)
    .min(1, { error: "required" })
    .transform((s) => (isMaskedMobile(s) ? s.trim() : normalizeMobile(s)))
    .refine((s) => isMaskedMobile(s) || isValidMobile(s), { error: "mobile_invalid" }),
  ...profileFields,
  version: ZVersion,
});
export type PersonUpdate = z.input<typeof ZPersonUpdate>;

export const ZOwnProfile = z.object({
  id: z.string(),
  displayName: z.string(),
  /** One's own number, in full. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  workUnit: z.string().nullable(),
  jobTitle: z.string().nullable(),
  /** 0: never saved (an account from before profiles); the first save creates it. */
  version: z.number().int(),
});
export type OwnProfile = z.infer<typeof ZOwnProfile>;

/** "Has trainings" / "has series progress": `yes`, `no`, or either when left out. */
const ZHas = z.enum(["yes", "no"]);

export const ZPersonQuery = ZPageQuery.extend({
  /** Part of the name, or of the mobile number. */
  q: text(50).optional(),
  trainings: ZHas.optional(),
  series: ZHas.optional(),
  source: z.enum(PERSON_SOURCES).optional(),
  sort: z.enum(PERSON_SORTS).default("created"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type PersonQuery = z.input<typeof ZPersonQuery>;
export type PersonListState = z.output<typeof ZPersonQuery>;
export const ZPersonFilter = ZPersonQuery.omit({ page: true, pageSize: true });

export const ZPersonRow = z.object({
  id: z.string(),
  displayName: z.string(),
  /** Masked (138****8000). */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  workUnit: z.string().nullable(),
  jobTitle: z.string().nullable(),
  source: z.enum(PERSON_SOURCES).nullable(),
  status: z.enum(["active", "disabled"]),
  /** Enrolments not cancelled (enrolled or waiting, attended or not). */
  trainings: z.number().int(),
  attended: z.number().int(),
  /** Minutes of the trainings attended (the sessions' lengths). */
  minutes: z.number().int(),
  /** Series in which they attended at least one module. */
  series: z.number().int(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type PersonRow = z.infer<typeof ZPersonRow>;
export const ZPersonPage = ZPage(ZPersonRow);

export const ZPersonEnrolment = z.object({
  id: z.string(),
  trainingId: z.string(),
  topic: z.string(),
  seriesTitle: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  trainingStatus: z.enum(TRAINING_STATUSES),
  /** The organization they came for; null on their own. */
  organizationName: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  attendedAt: z.string().nullable(),
  attendedVia: z.enum(ATTENDANCE_METHODS).nullable(),
  /** The session's length when attended, else 0. */
  minutes: z.number().int(),
  rating: z.number().int().nullable(),
});
export type PersonEnrolment = z.infer<typeof ZPersonEnrolment>;

export const ZPersonSeries = z.object({
  seriesId: z.string(),
  kind: z.enum(SERIES_KINDS),
  title: z.string(),
  attendedModules: z.number().int(),
  requiredDone: z.number().int(),
  requiredModules: z.number().int(),
  minutes: z.number().int(),
  certificateId: z.string().nullable(),
  certificateNumber: z.string().nullable(),
});
export type PersonSeries = z.infer<typeof ZPersonSeries>;

export const ZPersonDetail = ZPersonRow.extend({
  enrolments: z.array(ZPersonEnrolment),
  seriesProgress: z.array(ZPersonSeries),
  /** Staff only: whoever added them (source `staff`). */
  addedByName: z.string().nullable(),
  /** The account's version: staff's edit, disable and enable send it back (409 when stale). */
  version: z.number().int(),
});
export type PersonDetail = z.infer<typeof ZPersonDetail>;

/**
 * The public notice (公示) of the organizations to be admitted, the objections received during
 * it, and its closing, which makes the round's decisions final and sends the decision letters.
 * The period counts working days Monday to Friday in Asia/Shanghai; public holidays are not known
 * to the platform, so staff may set the end by hand.
 */
import { z } from "zod";
import { TRACKS } from "../../domain/call";
import { NOTICE_STATUSES } from "../../domain/review/round";
import { longText, optionalText, text, ZDay, ZId, ZInstant, ZVersion } from "../common";

export const ZNoticeInput = z
  .object({
    roundId: ZId,
    title: text(200).min(1, { error: "required" }),
    body: longText(10000).default(""),
    startsAt: ZInstant,
    /** The period in working days (Mon-Fri, Asia/Shanghai); or give `endsAt`. */
    workingDays: z.number().int().min(1).max(60).nullish(),
    /** The end set by hand (e.g. to skip a public holiday); wins over `workingDays`. */
    endsAt: ZInstant.nullish(),
  })
  .refine((v) => v.workingDays != null || v.endsAt != null, { error: "required", path: ["workingDays"] });
export type NoticeInput = z.input<typeof ZNoticeInput>;

export const ZNoticeListed = z.object({
  applicationId: z.uuid(),
  organizationName: z.string(),
  track: z.enum(TRACKS),
});

/** What the portal shows: no scores, no reasons. */
export const ZPublicNotice = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  status: z.enum(NOTICE_STATUSES),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  listed: z.array(ZNoticeListed),
});
export type PublicNotice = z.infer<typeof ZPublicNotice>;
export const ZPublicNotices = z.object({ items: z.array(ZPublicNotice.omit({ listed: true, body: true })) });

export const ZObjection = z.object({
  id: z.uuid(),
  applicationId: z.uuid().nullable(),
  objector: z.string(),
  contact: z.string().nullable(),
  body: z.string(),
  receivedAt: z.iso.datetime(),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type Objection = z.infer<typeof ZObjection>;

export const ZStaffNotice = ZPublicNotice.extend({
  roundId: z.uuid(),
  roundTitle: z.string(),
  version: z.number().int(),
  closedAt: z.iso.datetime().nullable(),
  /** The end has passed, so it may be closed (when every objection is answered). */
  ended: z.boolean(),
  objections: z.array(ZObjection),
});
export type StaffNotice = z.infer<typeof ZStaffNotice>;
export const ZStaffNotices = z.object({ items: z.array(ZStaffNotice) });

export const ZObjectionInput = z.object({
  objector: text(100).min(1, { error: "required" }),
  contact: optionalText(200),
  body: longText(4000).min(1, { error: "required" }),
  receivedOn: ZDay,
  applicationId: ZId.nullish(),
});
export type ObjectionInput = z.input<typeof ZObjectionInput>;

export const ZObjectionParams = z.object({ id: ZId, objectionId: ZId });
export const ZAnswerInput = z.object({
  answer: longText(4000).min(1, { error: "required" }),
  version: ZVersion,
});
export type AnswerInput = z.input<typeof ZAnswerInput>;

export const ZCloseInput = z.object({
  /** The day (Asia/Shanghai) by which admitted organizations confirm their place. */
  confirmBy: ZDay,
  version: ZVersion,
});
export type CloseInput = z.input<typeof ZCloseInput>;

export const ZCloseResult = z.object({ notice: ZStaffNotice, letters: z.number().int() });

/** The staff home's to-do for stage 3. */
export const ZAdmissionWaiting = z.object({
  decisionsPending: z.array(z.object({ roundId: z.uuid(), title: z.string(), undecided: z.number().int() })),
  noticesToClose: z.array(z.object({ noticeId: z.uuid(), title: z.string(), endsAt: z.iso.datetime() })),
});
export type AdmissionWaiting = z.infer<typeof ZAdmissionWaiting>;

/** The message thread of one application, between base staff and the applicant (both sides). */
import { z } from "zod";
import { longText, ZId } from "../common";
import { ZUploadedFile } from "../platform/files";

export const MESSAGE_MAX = 5000;
export const MESSAGE_FILES_MAX = 5;

export const ZMessageInput = z.object({
  body: longText(MESSAGE_MAX).min(1, { error: "required" }),
  /** Files uploaded for this application through POST /api/files by the author's side. */
  fileIds: z.array(ZId).max(MESSAGE_FILES_MAX, { error: "too_big" }).default([]),
});
export type MessageInput = z.input<typeof ZMessageInput>;

export const ZThreadMessage = z.object({
  id: z.string(),
  side: z.enum(["applicant", "staff"]),
  authorName: z.string(),
  body: z.string(),
  files: z.array(ZUploadedFile),
  /** When the other side first read it. */
  readAt: z.string().nullable(),
  createdAt: z.string(),
  /** Written by the viewer's side. */
  mine: z.boolean(),
});
export type ThreadMessage = z.infer<typeof ZThreadMessage>;

export const ZThread = z.object({
  items: z.array(ZThreadMessage),
  /** The other side's messages the viewer's side has not marked read. */
  unread: z.number(),
  side: z.enum(["applicant", "staff"]),
});
export type Thread = z.infer<typeof ZThread>;

export const ZMarkReadResult = z.object({ marked: z.number() });

/** Uploaded files: what an upload answers, and the download route's parameters. */
import { z } from "zod";
import { ZId } from "../common";

export const ZUploadedFile = z.object({
  id: z.string(),
  originalName: z.string(),
  size: z.number(),
  mime: z.string(),
});
export type UploadedFile = z.infer<typeof ZUploadedFile>;

export const ZFileParams = z.object({ id: ZId });

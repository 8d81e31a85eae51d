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

/** `inline=1`: shown in the browser when its type is one a browser shows safely (PDF, images). */
export const ZFileQuery = z.object({ inline: z.enum(["0", "1"], { error: "invalid_option" }).optional() });

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

/**
 * A multipart upload's body as the OpenAPI document shows it: the named text fields, then `file`.
 * Nothing is validated here (it accepts anything): the route reads the parts itself, checks the
 * fields and who may upload before a byte of the file is stored, and answers 400 naming the part.
 */
export function uploadForm(fields: Record<string, string>) {
  const properties: Record<string, object> = {};
  for (const [name, description] of Object.entries(fields))
    properties[name] = { type: "string", description };
  properties.file = { type: "string", format: "binary", description: "The file, after the fields" };
  return z.unknown().meta({ type: "object", properties, required: [...Object.keys(fields), "file"] });
}

/** `inline=1`: shown in the browser when its type is one a browser shows safely (PDF, images). */
export const ZFileQuery = z.object({ inline: z.enum(["0", "1"], { error: "invalid_option" }).optional() });

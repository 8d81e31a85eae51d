/**
 * Reading one multipart upload: the text fields sent before the file, then the file streamed
 * into staging (hashed on the way). Only HTTP lives here; what is accepted is the service's call.
 */
import type { FastifyRequest } from "fastify";
import { UPLOAD_LIMITS } from "../../../../domain/upload";
import { AppError } from "../../../errors";
import type { FileStorage, StagedFile } from "../../../storage";

export interface ReceivedUpload {
  fields: Record<string, string>;
  originalName: string;
  staged: StagedFile;
}

export const maxMb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * `checkFields` runs on the text fields before a byte of the file is stored: an upload that will
 * be refused anyway (a submitted application, someone else's) never reaches the disk.
 */
export async function receiveUpload(
  request: FastifyRequest,
  storage: FileStorage,
  checkFields: (fields: Record<string, string>) => Promise<void> = async () => {},
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new AppError("validation_failed", { field: "file" });
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await request.file({ limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: 1, fields: 5 } });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge();
    throw new AppError("validation_failed", { field: "file" });
  }
  if (!part) throw new AppError("validation_failed", { field: "file", fieldMessage: "required" });
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === "field" && typeof field.value === "string") fields[name] = field.value;
  }
  try {
    await checkFields(fields);
  } catch (error) {
    part.file.resume(); // let the rest of the body drain; nothing is kept
    throw error;
  }
  const staged = await storage.stage(part.file);
  if (part.file.truncated) {
    await storage.discard(staged);
    throw tooLarge();
  }
  const originalName = cleanName(part.filename);
  return { fields, originalName, staged };
}

function tooLarge(): AppError {
  return new AppError("upload_too_large", { params: { maxMb: maxMb(UPLOAD_LIMITS.fileBytes) } });
}

/** The name as the user knew it, without any path and control characters, at most 200 chars. */
function cleanName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "file").slice(-200);
}

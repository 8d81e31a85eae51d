/**
 * Reading one multipart upload: the text fields sent before the file, then the file streamed
 * into staging (hashed on the way). Only HTTP lives here; what is accepted is the service's call.
 */
import type { FastifyRequest } from "fastify";
import { UPLOAD_LIMITS } from "../../../../domain/upload";
import { SAFE_LINE } from "../../../../schemas/common";
import { AppError, fieldError } from "../../../errors";
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
    // preservePath: the name as sent, so a name with a path is refused here rather than cut short.
    part = await request.file({
      limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: 1, fields: 5 },
      preservePath: true,
    });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge();
    throw new AppError("validation_failed", { field: "file" });
  }
  if (!part) throw new AppError("validation_failed", { field: "file", fieldMessage: "required" });
  let originalName: string;
  try {
    originalName = uploadName(part.filename);
  } catch (error) {
    part.file.resume();
    throw error;
  }
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
  return { fields, originalName, staged };
}

function tooLarge(): AppError {
  return new AppError("upload_too_large", { params: { maxMb: maxMb(UPLOAD_LIMITS.fileBytes) } });
}

/**
 * The name as the user knew it. A browser sends the bare name; one with a path or control
 * characters was made by hand, and is refused (with the same text rule as every field) rather
 * than silently changed. At most 200 characters, cut at the front so the extension stays.
 */
function uploadName(name: string | undefined): string {
  const trimmed = (name ?? "").trim();
  if (/[\\/]/.test(trimmed) || trimmed === "." || trimmed === ".." || !SAFE_LINE.test(trimmed)) {
    throw fieldError("file", "file_name_invalid");
  }
  return Array.from(trimmed || "file")
    .slice(-200)
    .join("");
}

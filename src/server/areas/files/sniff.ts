/** The type of an upload, from its bytes: the extension a user gives a file proves nothing. */
import { fileTypeFromFile } from "file-type";
import { acceptedUploadType, type UploadMime } from "../../../domain/upload";
import { AppError } from "../../errors";
import type { StagedFile } from "../../storage";

export async function sniffedType(staged: StagedFile, originalName: string): Promise<UploadMime> {
  const found = staged.size > 0 ? await fileTypeFromFile(staged.path) : undefined;
  const mime = acceptedUploadType(found?.mime, originalName);
  if (!mime) throw new AppError("upload_type_refused", { field: "file" });
  return mime;
}

/** The type of an upload, from its bytes: the extension a user gives a file proves nothing. */
import { readFile } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { acceptedUploadType, type UploadMime } from "../../../../domain/upload";
import { AppError } from "../../../errors";
import type { StagedFile } from "../../../storage";
import { cfbStreamNames } from "./cfb";

export async function sniffedType(staged: StagedFile): Promise<UploadMime> {
  const found = staged.size > 0 ? await fileTypeFromFile(staged.path) : undefined;
  // Only a compound file is read whole (at most the per-file limit), to list its streams.
  const streams = found?.mime === "application/x-cfb" ? cfbStreamNames(await readFile(staged.path)) : null;
  const mime = acceptedUploadType(found?.mime, streams);
  if (!mime) throw new AppError("upload_type_refused", { field: "file" });
  return mime;
}

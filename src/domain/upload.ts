/**
 * What an applicant may upload: PDF, images, Word and Excel, recognised by their content (the
 * name's extension is not trusted), within per-file and per-application limits.
 */
export const ALLOWED_UPLOAD_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
} as const;
export type UploadMime = keyof typeof ALLOWED_UPLOAD_TYPES;

export const UPLOAD_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  applicationBytes: 100 * 1024 * 1024,
  filesPerApplication: 60,
  /**
   * Everything ever stored for one application (removed documents and thread attachments
   * included): uploading and removing in a loop must not fill the disk.
   */
  storedBytesPerApplication: 400 * 1024 * 1024,
  storedFilesPerApplication: 200,
  /** Uploads one account may make in an hour. */
  uploadsPerUserPerHour: 300,
} as const;

function isAllowedUpload(mime: string | undefined): mime is UploadMime {
  return !!mime && mime in ALLOWED_UPLOAD_TYPES;
}

/**
 * The type an upload is stored as, from the type sniffed out of its bytes (`undefined` when
 * nothing was recognised); null means refused. Legacy Word and Excel files share one container
 * format (CFB) with installers and mail, so for those the streams inside decide: a Word document
 * has "WordDocument", a workbook "Workbook" (Excel 97 on) or "Book" (Excel 5/95).
 */
export function acceptedUploadType(
  sniffed: string | undefined,
  cfbStreams: readonly string[] | null = null,
): UploadMime | null {
  if (sniffed === "application/x-cfb") {
    // CFB compares names without regard to case: a writer may spell them "WORKBOOK".
    const names = new Set(cfbStreams?.map((s) => s.toUpperCase()));
    if (names.has("WORDDOCUMENT")) return "application/msword";
    if (names.has("WORKBOOK") || names.has("BOOK")) return "application/vnd.ms-excel";
    return null;
  }
  return isAllowedUpload(sniffed) ? sniffed : null;
}

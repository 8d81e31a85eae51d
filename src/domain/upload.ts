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

/**
 * The kinds of record a stored file belongs to (`files.owner_type`; a CHECK in the database
 * holds the same list). Each kind names what the file is to its owner: an application's
 * document, or an attachment in the application's message thread (owned by the thread, that is
 * the application, because it is uploaded before the message that carries it is written).
 */
export const FILE_OWNER_KINDS = [
  "application_document",
  "application_thread",
  "inspection",
  "assessment",
  // A service request's attachments: its thread's and the record that closes it.
  "service_request",
  // An attachment of a post (资讯), uploaded by staff while writing it.
  "post",
  // A receipt (票据) of a grant's spending item, uploaded by the grantee before the item names it.
  "grant_receipt",
  // A progress report's photos and evidence (资助项目进展报告), uploaded by the grantee.
  "progress_report",
] as const;
export type FileOwnerKind = (typeof FILE_OWNER_KINDS)[number];

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

/**
 * The stored types a browser may show inline (PDF and raster images: no scripts in them that a
 * browser would run); anything else is always sent as a download.
 */
export function showsInline(mime: string): boolean {
  return mime === "application/pdf" || (mime.startsWith("image/") && mime in ALLOWED_UPLOAD_TYPES);
}

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

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
} as const;

export function isAllowedUpload(mime: string | undefined): mime is UploadMime {
  return !!mime && mime in ALLOWED_UPLOAD_TYPES;
}

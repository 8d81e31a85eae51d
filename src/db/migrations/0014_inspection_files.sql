-- Inspection records keep files (photos from the phone, scans) as evidence: a new owner kind
-- (FILE_OWNER_KINDS in src/domain/upload.ts), so the CHECK of known kinds is replaced.
ALTER TABLE "files" DROP CONSTRAINT "files_owner_type_known";
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread', 'inspection'));

ALTER TABLE "progress_reports" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "overdue_noticed_at" timestamp with time zone;--> statement-breakpoint
-- A progress report keeps photos and evidence: a new owner kind (FILE_OWNER_KINDS in
-- src/domain/upload.ts), so the CHECK of known kinds is replaced (it is not in the schema files: see 0014).
ALTER TABLE "files" DROP CONSTRAINT "files_owner_type_known";
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread', 'inspection', 'assessment', 'service_request', 'post', 'grant_receipt', 'progress_report'));

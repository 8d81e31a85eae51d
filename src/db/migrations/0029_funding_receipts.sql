ALTER TABLE "grant_budget_lines" ADD COLUMN "explained_by" uuid;--> statement-breakpoint
ALTER TABLE "grant_budget_lines" ADD COLUMN "explained_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grant_budget_lines" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_budget_lines" ADD CONSTRAINT "grant_budget_lines_explained_by_users_id_fk" FOREIGN KEY ("explained_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Receipts of spending items: a new owner kind (FILE_OWNER_KINDS in src/domain/upload.ts), so the
-- CHECK of known kinds is replaced (it is not in the schema files: see 0014).
ALTER TABLE "files" DROP CONSTRAINT "files_owner_type_known";
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread', 'inspection', 'assessment', 'service_request', 'post', 'grant_receipt'));

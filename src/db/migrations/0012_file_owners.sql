-- Files belong to any record (owner_type + owner_id) instead of an application, in three steps:
-- the columns, the backfill from application_id, then the columns required and application_id gone.
ALTER TABLE "application_documents" ADD COLUMN "replaced_by_id" uuid;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "owner_type" text;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_replaced_by_id_application_documents_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."application_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner" ON "files" USING btree ("owner_id","owner_type");--> statement-breakpoint
-- Every file so far belonged to the application it was uploaded for (files.application_id),
-- as one of its documents or as an attachment in its message thread. The owner becomes explicit:
-- a file some document row points at is that application's document; any other (attached to a
-- message, or uploaded for one and never sent) is the thread's. Both kinds are read by whoever
-- may read the application, as before, so every file stays reachable by the same people.
UPDATE "files" f SET "owner_type" = CASE
    WHEN EXISTS (SELECT 1 FROM "application_documents" d WHERE d."file_id" = f."id") THEN 'application_document'
    ELSE 'application_thread'
  END,
  "owner_id" = f."application_id"
WHERE f."owner_type" IS NULL;--> statement-breakpoint
-- A file with no application was never downloadable (the download joined the application);
-- none is written by the code, so none is expected. Refuse to go on rather than guess an owner.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM "files" WHERE "owner_id" IS NULL) THEN
    RAISE EXCEPTION 'files without an application: give them an owner before migrating';
  END IF;
END $$;--> statement-breakpoint
-- The known owner kinds (FILE_OWNER_KINDS in src/domain/upload.ts); a new kind extends this list.
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread'));
--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_application_id_applications_id_fk";
--> statement-breakpoint
DROP INDEX "files_application";--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "owner_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "files" DROP COLUMN "application_id";
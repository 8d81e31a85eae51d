ALTER TABLE "files" DROP CONSTRAINT "files_application_id_applications_id_fk";
--> statement-breakpoint
DROP INDEX "files_application";--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "owner_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "files" DROP COLUMN "application_id";
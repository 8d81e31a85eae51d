ALTER TABLE "application_documents" ADD COLUMN "replaced_by_id" uuid;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "owner_type" text;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_replaced_by_id_application_documents_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."application_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner" ON "files" USING btree ("owner_id","owner_type");
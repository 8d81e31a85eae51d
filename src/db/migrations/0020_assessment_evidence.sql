CREATE TABLE "assessment_evidence" (
	"assessment_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_evidence_assessment_id_file_id_pk" PRIMARY KEY("assessment_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_evidence_file" ON "assessment_evidence" USING btree ("file_id");--> statement-breakpoint
-- Assessments keep evidence files: a new owner kind (FILE_OWNER_KINDS in src/domain/upload.ts),
-- so the CHECK of known kinds is replaced (it is not in the schema files: see 0014).
ALTER TABLE "files" DROP CONSTRAINT "files_owner_type_known";
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread', 'inspection', 'assessment'));

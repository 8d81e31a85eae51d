-- Stage 1's completeness check is "intake" (材料审核); "review" now means the experts' admission
-- review of stages 2-3. Renamed in place, so no verdict is lost.
ALTER TABLE "document_reviews" RENAME TO "intake_verdicts";--> statement-breakpoint
ALTER TABLE "intake_verdicts" RENAME COLUMN "reviewed_by" TO "checked_by";--> statement-breakpoint
ALTER TABLE "intake_verdicts" RENAME COLUMN "reviewed_at" TO "checked_at";--> statement-breakpoint
ALTER TABLE "intake_verdicts" RENAME CONSTRAINT "document_reviews_application_id_requirement_key_pk" TO "intake_verdicts_application_id_requirement_key_pk";--> statement-breakpoint
ALTER TABLE "intake_verdicts" RENAME CONSTRAINT "document_reviews_base_id_bases_id_fk" TO "intake_verdicts_base_id_bases_id_fk";--> statement-breakpoint
ALTER TABLE "intake_verdicts" RENAME CONSTRAINT "document_reviews_application_id_applications_id_fk" TO "intake_verdicts_application_id_applications_id_fk";--> statement-breakpoint
ALTER TABLE "intake_verdicts" RENAME CONSTRAINT "document_reviews_reviewed_by_users_id_fk" TO "intake_verdicts_checked_by_users_id_fk";

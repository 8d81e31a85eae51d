CREATE TABLE "admission_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"round_id" uuid,
	"track" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"over_quota_reason" text,
	"released_summary" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"final_at" timestamp with time zone,
	"confirm_by" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admission_decisions_decision" CHECK ("admission_decisions"."decision" IN ('admitted', 'waitlisted', 'rejected')),
	CONSTRAINT "admission_decisions_track" CHECK ("admission_decisions"."track" IN ('org', 'project', 'combined', 'space'))
);
--> statement-breakpoint
CREATE TABLE "admission_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"application_ids" uuid[] NOT NULL,
	"published_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admission_notices_status" CHECK ("admission_notices"."status" IN ('published', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "expert_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_conflicts_source" CHECK ("expert_conflicts"."source" IN ('declared', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "expert_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"name" text NOT NULL,
	"mobile" text,
	"email" text,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"message" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_invitations_status" CHECK ("expert_invitations"."status" IN ('sent', 'accepted', 'revoked'))
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"base_id" uuid NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"affiliation" text,
	"title" text,
	"bio" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_inspectors" (
	"inspection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	CONSTRAINT "inspection_inspectors_inspection_id_user_id_pk" PRIMARY KEY("inspection_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid,
	"correction_reason" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"mode" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text,
	"finding" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recommendation" text,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	"cancelled_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_status" CHECK ("inspections"."status" IN ('planned', 'recording', 'signed_off', 'cancelled')),
	CONSTRAINT "inspections_mode" CHECK ("inspections"."mode" IN ('on_site', 'online')),
	CONSTRAINT "inspections_recommendation" CHECK ("inspections"."recommendation" IN ('proceed', 'hold', 'reject'))
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid,
	"objector" text NOT NULL,
	"contact" text,
	"body" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"subject_kind" text DEFAULT 'application' NOT NULL,
	"call_id" uuid,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reviews_per_subject" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"method" text DEFAULT 'mean' NOT NULL,
	"trimmed_min_reviews" integer DEFAULT 4 NOT NULL,
	"spread_threshold" integer DEFAULT 30 NOT NULL,
	"expert_deviation_threshold" integer DEFAULT 15 NOT NULL,
	"reveal_after_submit" boolean DEFAULT false NOT NULL,
	"rubric_ids" jsonb NOT NULL,
	"quotas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_rounds_status" CHECK ("review_rounds"."status" IN ('draft', 'open', 'closed')),
	CONSTRAINT "review_rounds_subject_kind" CHECK ("review_rounds"."subject_kind" IN ('application')),
	CONSTRAINT "review_rounds_method" CHECK ("review_rounds"."method" IN ('mean', 'median', 'trimmedMean', 'zScore', 'schulze'))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"rubric_id" uuid NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"source" text DEFAULT 'auto' NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"overall_comment" text,
	"submitted_at" timestamp with time zone,
	"reopened_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_status" CHECK ("reviews"."status" IN ('assigned', 'draft', 'submitted')),
	CONSTRAINT "reviews_source" CHECK ("reviews"."source" IN ('auto', 'manual', 'reassigned'))
);
--> statement-breakpoint
CREATE TABLE "round_experts" (
	"round_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	"max_load" integer,
	"dropped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_experts_round_id_expert_id_pk" PRIMARY KEY("round_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "round_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"subject_id" uuid,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_subjects" (
	"round_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"track" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_subjects_round_id_subject_id_pk" PRIMARY KEY("round_id","subject_id"),
	CONSTRAINT "round_subjects_track" CHECK ("round_subjects"."track" IN ('org', 'project', 'combined', 'space'))
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"track" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"source" text,
	"frozen_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rubrics_track" CHECK ("rubrics"."track" IN ('org', 'project', 'combined', 'space'))
);
--> statement-breakpoint
CREATE TABLE "sign_in_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"target" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_events" DROP CONSTRAINT "application_events_event";--> statement-breakpoint
ALTER TABLE "application_events" DROP CONSTRAINT "application_events_from_status";--> statement-breakpoint
ALTER TABLE "application_events" DROP CONSTRAINT "application_events_to_status";--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_status";--> statement-breakpoint
ALTER TABLE "admission_decisions" ADD CONSTRAINT "admission_decisions_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_decisions" ADD CONSTRAINT "admission_decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_decisions" ADD CONSTRAINT "admission_decisions_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_decisions" ADD CONSTRAINT "admission_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_notices" ADD CONSTRAINT "admission_notices_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_notices" ADD CONSTRAINT "admission_notices_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_notices" ADD CONSTRAINT "admission_notices_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_notices" ADD CONSTRAINT "admission_notices_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_inspectors" ADD CONSTRAINT "inspection_inspectors_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_inspectors" ADD CONSTRAINT "inspection_inspectors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_inspectors" ADD CONSTRAINT "inspection_inspectors_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_supersedes_id_inspections_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_admission_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."admission_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_experts" ADD CONSTRAINT "round_experts_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_experts" ADD CONSTRAINT "round_experts_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_experts" ADD CONSTRAINT "round_experts_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_notes" ADD CONSTRAINT "round_notes_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_notes" ADD CONSTRAINT "round_notes_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_notes" ADD CONSTRAINT "round_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_subjects" ADD CONSTRAINT "round_subjects_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_subjects" ADD CONSTRAINT "round_subjects_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_subjects" ADD CONSTRAINT "round_subjects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_decisions_application" ON "admission_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "admission_decisions_base_round" ON "admission_decisions" USING btree ("base_id","round_id","decision");--> statement-breakpoint
CREATE INDEX "admission_notices_base" ON "admission_notices" USING btree ("base_id","status","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_conflicts_pair" ON "expert_conflicts" USING btree ("expert_id","organization_id");--> statement-breakpoint
CREATE INDEX "expert_conflicts_base_organization" ON "expert_conflicts" USING btree ("base_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_invitations_token" ON "expert_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "expert_invitations_base" ON "expert_invitations" USING btree ("base_id","created_at");--> statement-breakpoint
CREATE INDEX "expert_profiles_base" ON "expert_profiles" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "inspection_inspectors_user" ON "inspection_inspectors" USING btree ("base_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_application_revision" ON "inspections" USING btree ("application_id","revision");--> statement-breakpoint
CREATE INDEX "inspections_base_status" ON "inspections" USING btree ("base_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "inspections_base_organization" ON "inspections" USING btree ("base_id","organization_id");--> statement-breakpoint
CREATE INDEX "notice_objections_notice" ON "notice_objections" USING btree ("notice_id","received_at");--> statement-breakpoint
CREATE INDEX "review_rounds_base_status" ON "review_rounds" USING btree ("base_id","status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_round_subject_expert" ON "reviews" USING btree ("round_id","subject_id","expert_id");--> statement-breakpoint
CREATE INDEX "reviews_base_expert" ON "reviews" USING btree ("base_id","expert_id","status");--> statement-breakpoint
CREATE INDEX "round_experts_expert" ON "round_experts" USING btree ("base_id","expert_id");--> statement-breakpoint
CREATE INDEX "round_notes_round" ON "round_notes" USING btree ("round_id","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "round_subjects_subject" ON "round_subjects" USING btree ("base_id","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_base_track_version" ON "rubrics" USING btree ("base_id","track","version");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_links_token" ON "sign_in_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_in_links_user" ON "sign_in_links" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_event" CHECK ("application_events"."event" IN ('submit', 'return', 'resubmit', 'accept', 'mark_ineligible', 'withdraw', 'plan_inspection', 'cancel_inspection', 'sign_off_inspection', 'reopen_inspection', 'screen_out', 'enter_review', 'leave_review', 'admit', 'waitlist', 'reject', 'reconsider', 'confirm', 'decline', 'lapse', 'extend'));--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_from_status" CHECK ("application_events"."from_status" IN ('draft', 'submitted', 'returned', 'resubmitted', 'accepted', 'ineligible', 'withdrawn', 'in_inspection', 'inspected', 'screened_out', 'in_review', 'admitted', 'waitlisted', 'rejected', 'confirmed', 'declined'));--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_to_status" CHECK ("application_events"."to_status" IN ('draft', 'submitted', 'returned', 'resubmitted', 'accepted', 'ineligible', 'withdrawn', 'in_inspection', 'inspected', 'screened_out', 'in_review', 'admitted', 'waitlisted', 'rejected', 'confirmed', 'declined'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_status" CHECK ("applications"."status" IN ('draft', 'submitted', 'returned', 'resubmitted', 'accepted', 'ineligible', 'withdrawn', 'in_inspection', 'inspected', 'screened_out', 'in_review', 'admitted', 'waitlisted', 'rejected', 'confirmed', 'declined'));
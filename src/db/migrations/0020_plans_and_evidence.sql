CREATE TABLE "assessment_evidence" (
	"assessment_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_evidence_assessment_id_file_id_pk" PRIMARY KEY("assessment_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "incubation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"incubation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone,
	"agreed_by" uuid,
	"agreed_at" timestamp with time zone,
	"agreed_on_behalf" boolean DEFAULT false NOT NULL,
	"agreed_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incubation_plans_status" CHECK ("incubation_plans"."status" IN ('draft', 'proposed', 'agreed'))
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"incubation_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"dimension_key" text,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_category" CHECK ("needs"."category" IN ('information', 'consulting', 'capital', 'resources')),
	CONSTRAINT "needs_source" CHECK ("needs"."source" IN ('baseline', 'interview', 'other')),
	CONSTRAINT "needs_status" CHECK ("needs"."status" IN ('open', 'addressed', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_side" text NOT NULL,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"done_note" text,
	"service" text,
	"need_id" uuid,
	"position" integer NOT NULL,
	"removed_at" timestamp with time zone,
	"overdue_noticed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_actions_owner_side" CHECK ("plan_actions"."owner_side" IN ('organization', 'base')),
	CONSTRAINT "plan_actions_status" CHECK ("plan_actions"."status" IN ('open', 'done', 'dropped')),
	CONSTRAINT "plan_actions_service" CHECK ("plan_actions"."service" IN ('information', 'consulting', 'capital', 'resources'))
);
--> statement-breakpoint
CREATE TABLE "plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"revision" integer NOT NULL,
	"action_id" uuid,
	"note" text,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_events_event" CHECK ("plan_events"."event" IN ('propose', 'agree', 'withdraw', 'revise', 'action_done', 'action_dropped', 'action_reopened'))
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"dimension_key" text,
	"target" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_plans" ADD CONSTRAINT "incubation_plans_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_plans" ADD CONSTRAINT "incubation_plans_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_plans" ADD CONSTRAINT "incubation_plans_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_plans" ADD CONSTRAINT "incubation_plans_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_id_incubation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."incubation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_plan_id_incubation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."incubation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_incubation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."incubation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_evidence_file" ON "assessment_evidence" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incubation_plans_incubation" ON "incubation_plans" USING btree ("incubation_id");--> statement-breakpoint
CREATE INDEX "incubation_plans_base_status" ON "incubation_plans" USING btree ("base_id","status");--> statement-breakpoint
CREATE INDEX "needs_incubation" ON "needs" USING btree ("incubation_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_actions_plan" ON "plan_actions" USING btree ("plan_id","goal_id","position");--> statement-breakpoint
CREATE INDEX "plan_actions_base_open_due" ON "plan_actions" USING btree ("base_id","due_on") WHERE "plan_actions"."status" = 'open' AND "plan_actions"."removed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "plan_events_plan" ON "plan_events" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_goals_plan" ON "plan_goals" USING btree ("plan_id","position");--> statement-breakpoint
-- Assessments keep evidence files: a new owner kind (FILE_OWNER_KINDS in src/domain/upload.ts),
-- so the CHECK of known kinds is replaced (it is not in the schema files: see 0014).
ALTER TABLE "files" DROP CONSTRAINT "files_owner_type_known";
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread', 'inspection', 'assessment'));

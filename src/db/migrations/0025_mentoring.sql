CREATE TABLE "mentor_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"base_id" uuid NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"capacity" integer DEFAULT 3 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_profiles_fields_known" CHECK ("mentor_profiles"."fields" <@ ARRAY['culture', 'sport', 'health', 'innovation', 'friendliness', 'elderly', 'children', 'disability', 'environment', 'volunteering', 'legal_aid', 'education', 'poverty_relief']::text[]),
	CONSTRAINT "mentor_profiles_skills_known" CHECK ("mentor_profiles"."skills" <@ ARRAY['party_building', 'governance', 'strategy', 'people', 'finance', 'programmes', 'sustainability', 'credibility']::text[]),
	CONSTRAINT "mentor_profiles_capacity" CHECK ("mentor_profiles"."capacity" BETWEEN 1 AND 20)
);
--> statement-breakpoint
CREATE TABLE "mentoring_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"position" integer NOT NULL,
	"plan_action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_actions_owner" CHECK ("mentoring_actions"."owner" IN ('organization', 'mentor'))
);
--> statement-breakpoint
CREATE TABLE "mentoring_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"incubation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"advice" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'logged' NOT NULL,
	"rating" smallint,
	"rating_comment" text,
	"dispute_reason" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_sessions_status" CHECK ("mentoring_sessions"."status" IN ('logged', 'confirmed', 'disputed')),
	CONSTRAINT "mentoring_sessions_minutes" CHECK ("mentoring_sessions"."minutes" BETWEEN 10 AND 480),
	CONSTRAINT "mentoring_sessions_rating" CHECK ("mentoring_sessions"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"incubation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"ended_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorships_status" CHECK ("mentorships"."status" IN ('active', 'ended')),
	CONSTRAINT "mentorships_span" CHECK ("mentorships"."ends_on" >= "mentorships"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_actions" ADD CONSTRAINT "mentoring_actions_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_actions" ADD CONSTRAINT "mentoring_actions_session_id_mentoring_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."mentoring_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_actions" ADD CONSTRAINT "mentoring_actions_plan_action_id_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentor_profiles_base" ON "mentor_profiles" USING btree ("base_id","active");--> statement-breakpoint
CREATE INDEX "mentoring_actions_session" ON "mentoring_actions" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_actions_plan_action" ON "mentoring_actions" USING btree ("plan_action_id");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_incubation" ON "mentoring_sessions" USING btree ("incubation_id","held_on");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_mentor" ON "mentoring_sessions" USING btree ("mentor_id","held_on");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_org_status" ON "mentoring_sessions" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_current" ON "mentorships" USING btree ("incubation_id","mentor_id") WHERE "mentorships"."status" = 'active';--> statement-breakpoint
CREATE INDEX "mentorships_mentor" ON "mentorships" USING btree ("mentor_id","status");--> statement-breakpoint
CREATE INDEX "mentorships_incubation" ON "mentorships" USING btree ("incubation_id","created_at");--> statement-breakpoint
CREATE INDEX "mentorships_base_status" ON "mentorships" USING btree ("base_id","status");
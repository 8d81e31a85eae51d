CREATE TABLE "active_instruments" (
	"base_id" uuid NOT NULL,
	"track" text NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "active_instruments_base_id_track_pk" PRIMARY KEY("base_id","track"),
	CONSTRAINT "active_instruments_track" CHECK ("active_instruments"."track" IN ('org', 'project', 'combined', 'space'))
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"assessment_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"score" smallint,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "assessment_scores_assessment_id_indicator_key_pk" PRIMARY KEY("assessment_id","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"incubation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"side" text NOT NULL,
	"assessor_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid,
	"correction_reason" text,
	"summary" text DEFAULT '' NOT NULL,
	"total" numeric(5, 2),
	"result" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_phase" CHECK ("assessments"."phase" IN ('baseline', 'midterm', 'exit', 'followup')),
	CONSTRAINT "assessments_side" CHECK ("assessments"."side" IN ('self', 'assessor')),
	CONSTRAINT "assessments_status" CHECK ("assessments"."status" IN ('draft', 'submitted', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "growth_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"incubation_id" uuid,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_id" uuid,
	"title" jsonb NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_name" text,
	"staff_only" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incubation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"incubation_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"details" jsonb,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incubation_events_event" CHECK ("incubation_events"."event" IN ('suspend', 'resume', 'extend', 'start_exit_review', 'graduate', 'terminate', 'enrol'))
);
--> statement-breakpoint
CREATE TABLE "incubation_settings" (
	"base_id" uuid PRIMARY KEY NOT NULL,
	"term_months" integer NOT NULL,
	"baseline_due_days" integer NOT NULL,
	"exit_due_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incubations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"application_id" uuid,
	"cohort_id" uuid NOT NULL,
	"track" text NOT NULL,
	"residency" text NOT NULL,
	"needs_desk" boolean DEFAULT false NOT NULL,
	"origin" text NOT NULL,
	"enrol_reason" text,
	"start_on" date NOT NULL,
	"planned_end_on" date NOT NULL,
	"ended_on" date,
	"responsible_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incubations_track" CHECK ("incubations"."track" IN ('org', 'project', 'combined', 'space')),
	CONSTRAINT "incubations_residency" CHECK ("incubations"."residency" IN ('resident', 'virtual')),
	CONSTRAINT "incubations_origin" CHECK ("incubations"."origin" IN ('admission', 'direct')),
	CONSTRAINT "incubations_status" CHECK ("incubations"."status" IN ('active', 'suspended', 'extended', 'in_exit_review', 'graduated', 'terminated'))
);
--> statement-breakpoint
CREATE TABLE "instrument_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"based_on_id" uuid,
	"change_note" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_versions_status" CHECK ("instrument_versions"."status" IN ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "active_instruments" ADD CONSTRAINT "active_instruments_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "active_instruments" ADD CONSTRAINT "active_instruments_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "active_instruments" ADD CONSTRAINT "active_instruments_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_events" ADD CONSTRAINT "growth_events_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_events" ADD CONSTRAINT "growth_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_events" ADD CONSTRAINT "growth_events_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_events" ADD CONSTRAINT "incubation_events_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_events" ADD CONSTRAINT "incubation_events_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_events" ADD CONSTRAINT "incubation_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_settings" ADD CONSTRAINT "incubation_settings_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubation_settings" ADD CONSTRAINT "incubation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_incubation" ON "assessments" USING btree ("incubation_id","phase","side","status");--> statement-breakpoint
CREATE INDEX "assessments_base_phase" ON "assessments" USING btree ("base_id","phase","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_base_name" ON "cohorts" USING btree ("base_id","name");--> statement-breakpoint
CREATE INDEX "growth_events_organization" ON "growth_events" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "growth_events_base_kind" ON "growth_events" USING btree ("base_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "incubation_events_incubation" ON "incubation_events" USING btree ("incubation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incubations_application" ON "incubations" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incubations_open_per_organization" ON "incubations" USING btree ("organization_id") WHERE "incubations"."status" NOT IN ('graduated', 'terminated');--> statement-breakpoint
CREATE INDEX "incubations_base_cohort" ON "incubations" USING btree ("base_id","cohort_id","status");--> statement-breakpoint
CREATE INDEX "incubations_base_status_end" ON "incubations" USING btree ("base_id","status","planned_end_on");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_versions_number" ON "instrument_versions" USING btree ("instrument_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_versions_one_draft" ON "instrument_versions" USING btree ("instrument_id") WHERE "instrument_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_base_name" ON "instruments" USING btree ("base_id","name");--> statement-breakpoint
-- The growth file starts with every application step recorded so far (stages 1-3), titled as
-- src/db/history.ts titles new ones (the event, then the track; the labels of the time).
INSERT INTO "growth_events" ("base_id", "organization_id", "kind", "occurred_at", "subject_id", "title", "params", "actor_name")
SELECT e."base_id", a."organization_id", 'application.status', e."created_at", a."id",
  jsonb_build_object('zhCN', ev.zh || ' · ' || tr.zh, 'en', ev.en || ' · ' || tr.en),
  jsonb_build_object('event', e."event", 'fromStatus', e."from_status", 'toStatus', e."to_status",
    'track', a."track", 'note', e."reason"),
  e."actor_name"
FROM "application_events" e
JOIN "applications" a ON a."id" = e."application_id"
JOIN (VALUES ('submit', '提交申请', 'Submitted'),
  ('resubmit', '重新提交', 'Resubmitted'),
  ('return', '退回补充', 'Returned for completion'),
  ('accept', '受理进入初筛', 'Accepted for screening'),
  ('mark_ineligible', '认定不符合条件', 'Marked ineligible'),
  ('withdraw', '撤回申请', 'Withdrawn'),
  ('extend', '延长截止时间', 'Deadline extended'),
  ('plan_inspection', '安排考察', 'Inspection planned'),
  ('cancel_inspection', '取消考察', 'Inspection cancelled'),
  ('sign_off_inspection', '考察记录签署', 'Inspection signed off'),
  ('reopen_inspection', '更正考察记录', 'Inspection record reopened for a correction'),
  ('screen_out', '考察未通过', 'Screened out at inspection'),
  ('enter_review', '进入入壳评审', 'Entered the admission review'),
  ('leave_review', '移出评审轮次', 'Removed from the review round'),
  ('admit', '拟入壳', 'To be admitted'),
  ('waitlist', '列入候补', 'Waitlisted'),
  ('reject', '未入选', 'Not selected'),
  ('reconsider', '重新评议', 'Decision reconsidered'),
  ('confirm', '确认入壳', 'Place confirmed'),
  ('decline', '放弃入壳', 'Place declined'),
  ('lapse', '逾期未确认', 'Confirmation date passed')) AS ev(event, zh, en) ON ev.event = e."event"
JOIN (VALUES ('org', '组织孵化', 'Organization incubation'),
  ('project', '项目孵化', 'Project incubation'),
  ('combined', '组织+项目孵化', 'Organization + project'),
  ('space', '空间入驻', 'Space residency')) AS tr(track, zh, en) ON tr.track = a."track";

CREATE TABLE "flagship_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_settings" (
	"base_id" uuid PRIMARY KEY NOT NULL,
	"project_grant_cap_fen" bigint NOT NULL,
	"report_grace_days" integer NOT NULL,
	"variance_threshold_bp" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"partner_id" uuid,
	"capacity_fen" bigint NOT NULL,
	"year" smallint,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_kind" CHECK ("funds"."kind" IN ('seed_fund', 'project_grant', 'partner_fund')),
	CONSTRAINT "funds_status" CHECK ("funds"."status" IN ('active', 'closed')),
	CONSTRAINT "funds_capacity" CHECK ("funds"."capacity_fen" >= 0),
	CONSTRAINT "funds_partner" CHECK (("funds"."kind" = 'partner_fund') = ("funds"."partner_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "grant_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_fen" bigint NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"variance_explanation" text,
	CONSTRAINT "grant_budget_lines_category" CHECK ("grant_budget_lines"."category" IN ('personnel', 'activities', 'materials', 'travel', 'training', 'publicity', 'admin', 'other')),
	CONSTRAINT "grant_budget_lines_amount" CHECK ("grant_budget_lines"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grant_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"details" jsonb,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_events_event" CHECK ("grant_events"."event" IN ('approve', 'sign', 'activate', 'suspend', 'resume', 'close', 'cancel', 'propose'))
);
--> statement-breakpoint
CREATE TABLE "grant_expenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"description" text NOT NULL,
	"payee" text DEFAULT '' NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"query_note" text,
	"answer" text,
	"submitted_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_expenses_status" CHECK ("grant_expenses"."status" IN ('submitted', 'verified', 'queried', 'withdrawn')),
	CONSTRAINT "grant_expenses_amount" CHECK ("grant_expenses"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "grant_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"met_on" date,
	"note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "grant_milestones_status" CHECK ("grant_milestones"."status" IN ('open', 'met', 'missed'))
);
--> statement-breakpoint
CREATE TABLE "grant_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"condition" text NOT NULL,
	"milestone_id" uuid,
	"planned_on" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"prepared_by" uuid,
	"prepared_at" timestamp with time zone,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"payment_reference" text,
	"stopped_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "grant_tranches_condition" CHECK ("grant_tranches"."condition" IN ('agreement_signed', 'midterm_approved', 'milestone_met', 'final_report_accepted')),
	CONSTRAINT "grant_tranches_status" CHECK ("grant_tranches"."status" IN ('pending', 'prepared', 'paid', 'stopped')),
	CONSTRAINT "grant_tranches_amount" CHECK ("grant_tranches"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"number" text NOT NULL,
	"project_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"fund_kind" text NOT NULL,
	"partner_id" uuid,
	"amount_fen" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"owed_fen" bigint DEFAULT 0 NOT NULL,
	"prepared_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"signed_on" date,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_status" CHECK ("grants"."status" IN ('proposed', 'approved', 'agreement_signed', 'active', 'suspended', 'closed', 'cancelled')),
	CONSTRAINT "grants_fund_kind" CHECK ("grants"."fund_kind" IN ('seed_fund', 'project_grant', 'partner_fund')),
	CONSTRAINT "grants_amount" CHECK ("grants"."amount_fen" > 0),
	CONSTRAINT "grants_owed" CHECK ("grants"."owed_fen" >= 0),
	CONSTRAINT "grants_dates" CHECK ("grants"."ends_on" >= "grants"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"evidence" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"new_people" integer DEFAULT 0 NOT NULL,
	"activity_counts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_kind" CHECK ("progress_reports"."kind" IN ('periodic', 'midterm', 'final')),
	CONSTRAINT "progress_reports_status" CHECK ("progress_reports"."status" IN ('due', 'submitted', 'accepted', 'returned', 'failed')),
	CONSTRAINT "progress_reports_people" CHECK ("progress_reports"."new_people" >= 0),
	CONSTRAINT "progress_reports_period" CHECK ("progress_reports"."period_end" >= "progress_reports"."period_start")
);
--> statement-breakpoint
CREATE TABLE "project_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline_value" numeric(14, 2) DEFAULT '0' NOT NULL,
	"target_value" numeric(14, 2) NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"frequency" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "project_indicators_level" CHECK ("project_indicators"."level" IN ('goal', 'outcome', 'output', 'activity')),
	CONSTRAINT "project_indicators_frequency" CHECK ("project_indicators"."frequency" IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'once'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"incubation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"need" text DEFAULT '' NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"target_people" integer,
	"sites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"flagship_programme_id" uuid,
	"goal" text DEFAULT '' NOT NULL,
	"outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_status" CHECK ("projects"."status" IN ('draft', 'active', 'closed', 'cancelled')),
	CONSTRAINT "projects_fields" CHECK ("projects"."fields" <@ ARRAY['culture', 'sport', 'health', 'innovation', 'friendliness']::text[])
);
--> statement-breakpoint
CREATE TABLE "replication_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"town" text NOT NULL,
	"community" text NOT NULL,
	"year" smallint NOT NULL,
	"funded_by" text DEFAULT '' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "flagship_programmes" ADD CONSTRAINT "flagship_programmes_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_settings" ADD CONSTRAINT "funding_settings_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_settings" ADD CONSTRAINT "funding_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_budget_lines" ADD CONSTRAINT "grant_budget_lines_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_budget_lines" ADD CONSTRAINT "grant_budget_lines_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_events" ADD CONSTRAINT "grant_events_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_events" ADD CONSTRAINT "grant_events_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_events" ADD CONSTRAINT "grant_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_expenses" ADD CONSTRAINT "grant_expenses_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_expenses" ADD CONSTRAINT "grant_expenses_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_expenses" ADD CONSTRAINT "grant_expenses_budget_line_id_grant_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."grant_budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_expenses" ADD CONSTRAINT "grant_expenses_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_expenses" ADD CONSTRAINT "grant_expenses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_milestones" ADD CONSTRAINT "grant_milestones_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_milestones" ADD CONSTRAINT "grant_milestones_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_milestone_id_grant_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."grant_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_project_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_flagship_programme_id_flagship_programmes_id_fk" FOREIGN KEY ("flagship_programme_id") REFERENCES "public"."flagship_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_sites" ADD CONSTRAINT "replication_sites_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_sites" ADD CONSTRAINT "replication_sites_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_sites" ADD CONSTRAINT "replication_sites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "flagship_programmes_base_name" ON "flagship_programmes" USING btree ("base_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "funds_base_name" ON "funds" USING btree ("base_id",lower("name"));--> statement-breakpoint
CREATE INDEX "funds_base_partner" ON "funds" USING btree ("base_id","partner_id");--> statement-breakpoint
CREATE INDEX "grant_budget_lines_grant" ON "grant_budget_lines" USING btree ("grant_id","sort_order");--> statement-breakpoint
CREATE INDEX "grant_events_grant" ON "grant_events" USING btree ("grant_id","created_at");--> statement-breakpoint
CREATE INDEX "grant_expenses_grant" ON "grant_expenses" USING btree ("grant_id","spent_on");--> statement-breakpoint
CREATE INDEX "grant_expenses_base_status" ON "grant_expenses" USING btree ("base_id","status");--> statement-breakpoint
CREATE INDEX "grant_milestones_grant" ON "grant_milestones" USING btree ("grant_id","due_on");--> statement-breakpoint
CREATE INDEX "grant_milestones_base_due" ON "grant_milestones" USING btree ("base_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_tranches_grant_seq" ON "grant_tranches" USING btree ("grant_id","seq");--> statement-breakpoint
CREATE INDEX "grant_tranches_base_status" ON "grant_tranches" USING btree ("base_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_base_number" ON "grants" USING btree ("base_id","number");--> statement-breakpoint
CREATE INDEX "grants_base_status" ON "grants" USING btree ("base_id","status");--> statement-breakpoint
CREATE INDEX "grants_project" ON "grants" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "grants_fund" ON "grants" USING btree ("fund_id","status");--> statement-breakpoint
CREATE INDEX "grants_base_partner" ON "grants" USING btree ("base_id","partner_id");--> statement-breakpoint
CREATE INDEX "grants_base_organization" ON "grants" USING btree ("base_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_report_indicator" ON "indicator_values" USING btree ("report_id","indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_values_indicator" ON "indicator_values" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "progress_reports_grant" ON "progress_reports" USING btree ("grant_id","due_on");--> statement-breakpoint
CREATE INDEX "progress_reports_base_due" ON "progress_reports" USING btree ("base_id","status","due_on");--> statement-breakpoint
CREATE INDEX "project_indicators_project" ON "project_indicators" USING btree ("project_id","sort_order");--> statement-breakpoint
CREATE INDEX "projects_base_status" ON "projects" USING btree ("base_id","status");--> statement-breakpoint
CREATE INDEX "projects_incubation" ON "projects" USING btree ("incubation_id");--> statement-breakpoint
CREATE INDEX "projects_organization" ON "projects" USING btree ("base_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "replication_sites_unique" ON "replication_sites" USING btree ("project_id","town","community","year");--> statement-breakpoint
CREATE INDEX "replication_sites_base_year" ON "replication_sites" USING btree ("base_id","year");
CREATE TABLE "service_catalogue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audiences" text[] NOT NULL,
	"handler_kind" text DEFAULT 'staff' NOT NULL,
	"default_partner_id" uuid,
	"response_days" integer DEFAULT 3 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_catalogue_category" CHECK ("service_catalogue"."category" IN ('information', 'consulting', 'capital', 'resources')),
	CONSTRAINT "service_catalogue_audiences" CHECK ("service_catalogue"."audiences" <@ ARRAY['resident', 'virtual', 'graduated', 'public']::text[]),
	CONSTRAINT "service_catalogue_handler_kind" CHECK ("service_catalogue"."handler_kind" IN ('staff', 'mentor', 'partner')),
	CONSTRAINT "service_catalogue_status" CHECK ("service_catalogue"."status" IN ('active', 'archived')),
	CONSTRAINT "service_catalogue_response_days" CHECK ("service_catalogue"."response_days" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE "service_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"side" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_messages_side" CHECK ("service_messages"."side" IN ('organization', 'base', 'handler'))
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid,
	"batch_id" uuid,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"mode" text NOT NULL,
	"delivered_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"given_by_name" text NOT NULL,
	"given_by_partner_id" uuid,
	"recorded_by" uuid,
	"rating" smallint,
	"rating_comment" text,
	"rated_by" uuid,
	"rated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_records_category" CHECK ("service_records"."category" IN ('information', 'consulting', 'capital', 'resources')),
	CONSTRAINT "service_records_mode" CHECK ("service_records"."mode" IN ('onsite', 'visit', 'phone', 'online')),
	CONSTRAINT "service_records_minutes" CHECK ("service_records"."minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "service_records_rating" CHECK ("service_records"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "service_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_request_events_event" CHECK ("service_request_events"."event" IN ('accept', 'decline', 'schedule', 'close', 'cancel', 'submit', 'assign'))
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"catalogue_id" uuid,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"need_id" uuid,
	"goal_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"handler_kind" text,
	"handler_user_id" uuid,
	"handler_partner_id" uuid,
	"scheduled_at" timestamp with time zone,
	"scheduled_end" timestamp with time zone,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"decline_reason" text,
	"requested_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_requests_category" CHECK ("service_requests"."category" IN ('information', 'consulting', 'capital', 'resources')),
	CONSTRAINT "service_requests_status" CHECK ("service_requests"."status" IN ('submitted', 'accepted', 'scheduled', 'done', 'declined', 'cancelled')),
	CONSTRAINT "service_requests_handler_kind" CHECK ("service_requests"."handler_kind" IN ('staff', 'mentor', 'partner'))
);
--> statement-breakpoint
ALTER TABLE "service_catalogue" ADD CONSTRAINT "service_catalogue_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_catalogue" ADD CONSTRAINT "service_catalogue_default_partner_id_partners_id_fk" FOREIGN KEY ("default_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_messages" ADD CONSTRAINT "service_messages_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_messages" ADD CONSTRAINT "service_messages_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_messages" ADD CONSTRAINT "service_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_given_by_partner_id_partners_id_fk" FOREIGN KEY ("given_by_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_events" ADD CONSTRAINT "service_request_events_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_events" ADD CONSTRAINT "service_request_events_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_events" ADD CONSTRAINT "service_request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_catalogue_id_service_catalogue_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."service_catalogue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_handler_user_id_users_id_fk" FOREIGN KEY ("handler_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_handler_partner_id_partners_id_fk" FOREIGN KEY ("handler_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_catalogue_base_name" ON "service_catalogue" USING btree ("base_id",lower("name"));--> statement-breakpoint
CREATE INDEX "service_messages_request" ON "service_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_request" ON "service_records" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "service_records_base_day" ON "service_records" USING btree ("base_id","delivered_on");--> statement-breakpoint
CREATE INDEX "service_records_organization" ON "service_records" USING btree ("organization_id","delivered_on");--> statement-breakpoint
CREATE INDEX "service_request_events_request" ON "service_request_events" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_base_status" ON "service_requests" USING btree ("base_id","status","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_organization" ON "service_requests" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_handler_user" ON "service_requests" USING btree ("handler_user_id");--> statement-breakpoint
CREATE INDEX "service_requests_handler_partner" ON "service_requests" USING btree ("handler_partner_id");--> statement-breakpoint
-- A service request keeps attachments (its thread's and its service record's): a new owner kind
-- (FILE_OWNER_KINDS in src/domain/upload.ts), so the CHECK of known kinds is replaced (see 0014).
ALTER TABLE "files" DROP CONSTRAINT "files_owner_type_known";
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread', 'inspection', 'assessment', 'service_request'));

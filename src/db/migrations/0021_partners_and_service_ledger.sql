CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"email" text,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_kind" CHECK ("partners"."kind" IN ('enterprise', 'foundation', 'hub', 'other')),
	CONSTRAINT "partners_status" CHECK ("partners"."status" IN ('active', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "service_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"category" text NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"incubation_id" uuid,
	"residency" text,
	"delivered_on" date NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"rating" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_deliveries_source" UNIQUE NULLS NOT DISTINCT("kind","source_id","organization_id","person_id"),
	CONSTRAINT "service_deliveries_kind" CHECK ("service_deliveries"."kind" IN ('service', 'training', 'mentoring')),
	CONSTRAINT "service_deliveries_category" CHECK ("service_deliveries"."category" IN ('information', 'consulting', 'capital', 'resources')),
	CONSTRAINT "service_deliveries_residency" CHECK ("service_deliveries"."residency" IN ('resident', 'virtual', 'none')),
	CONSTRAINT "service_deliveries_minutes" CHECK ("service_deliveries"."minutes" >= 0 AND "service_deliveries"."minutes" <= 100000),
	CONSTRAINT "service_deliveries_rating" CHECK ("service_deliveries"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "service_deliveries_served" CHECK ("service_deliveries"."organization_id" IS NOT NULL OR "service_deliveries"."person_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_roles_known";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "partner_id" uuid;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_incubation_id_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partners_base_name" ON "partners" USING btree ("base_id",lower("name"));--> statement-breakpoint
CREATE INDEX "partners_base_status" ON "partners" USING btree ("base_id","status");--> statement-breakpoint
CREATE INDEX "service_deliveries_base_month" ON "service_deliveries" USING btree ("base_id","delivered_on");--> statement-breakpoint
CREATE INDEX "service_deliveries_organization" ON "service_deliveries" USING btree ("organization_id","delivered_on");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_partner" ON "users" USING btree ("partner_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_roles_known" CHECK ("users"."roles" <@ ARRAY['admin', 'staff', 'expert', 'mentor', 'org_member', 'government_viewer', 'community_liaison', 'partner', 'individual']::text[]);
CREATE TABLE "post_reads" (
	"post_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid,
	"base_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_reads_post_id_user_id_pk" PRIMARY KEY("post_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "post_recipients" (
	"post_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	CONSTRAINT "post_recipients_post_id_organization_id_pk" PRIMARY KEY("post_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'members' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"source" text,
	"link" text,
	"deadline_on" date,
	"target_tracks" text[] DEFAULT '{}' NOT NULL,
	"target_cohort_ids" uuid[] DEFAULT '{}' NOT NULL,
	"target_residencies" text[] DEFAULT '{}' NOT NULL,
	"target_fields" text[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"notified_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"search_bigrams" text[] GENERATED ALWAYS AS (name_bigrams(title || ' ' || summary || ' ' || body_text)) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posts_kind" CHECK ("posts"."kind" IN ('notice', 'policy', 'funding', 'purchase')),
	CONSTRAINT "posts_status" CHECK ("posts"."status" IN ('draft', 'published', 'withdrawn')),
	CONSTRAINT "posts_visibility" CHECK ("posts"."visibility" IN ('public', 'members')),
	CONSTRAINT "posts_target_tracks" CHECK ("posts"."target_tracks" <@ ARRAY['org', 'project', 'combined', 'space']::text[]),
	CONSTRAINT "posts_target_residencies" CHECK ("posts"."target_residencies" <@ ARRAY['resident', 'virtual']::text[]),
	CONSTRAINT "posts_target_fields" CHECK ("posts"."target_fields" <@ ARRAY['culture', 'sport', 'health', 'innovation', 'friendliness', 'elderly', 'children', 'disability', 'environment', 'volunteering', 'legal_aid', 'education', 'poverty_relief']::text[])
);
--> statement-breakpoint
ALTER TABLE "post_reads" ADD CONSTRAINT "post_reads_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reads" ADD CONSTRAINT "post_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reads" ADD CONSTRAINT "post_reads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reads" ADD CONSTRAINT "post_reads_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_recipients" ADD CONSTRAINT "post_recipients_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_recipients" ADD CONSTRAINT "post_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_recipients" ADD CONSTRAINT "post_recipients_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_reads_post_organization" ON "post_reads" USING btree ("post_id","organization_id","read_at");--> statement-breakpoint
CREATE INDEX "post_recipients_organization" ON "post_recipients" USING btree ("organization_id","post_id");--> statement-breakpoint
CREATE INDEX "posts_base_status" ON "posts" USING btree ("base_id","status","published_at");--> statement-breakpoint
CREATE INDEX "posts_public" ON "posts" USING btree ("base_id","published_at") WHERE "posts"."status" = 'published' AND "posts"."visibility" = 'public';--> statement-breakpoint
CREATE INDEX "posts_search_bigrams" ON "posts" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "posts_due_notice" ON "posts" USING btree ("published_at") WHERE "posts"."status" = 'published' AND "posts"."notified_at" IS NULL;--> statement-breakpoint
-- Posts keep attachments: a new owner kind (FILE_OWNER_KINDS in src/domain/upload.ts), so the
-- CHECK of known kinds is replaced (it is not in the schema files: see 0014).
ALTER TABLE "files" DROP CONSTRAINT "files_owner_type_known";
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_type_known"
  CHECK ("owner_type" IN ('application_document', 'application_thread', 'inspection', 'assessment', 'service_request', 'post'));

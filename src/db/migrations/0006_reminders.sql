CREATE TABLE "application_reminders" (
	"application_id" uuid NOT NULL,
	"lead" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_reminders_application_id_lead_deadline_pk" PRIMARY KEY("application_id","lead","deadline")
);
--> statement-breakpoint
ALTER TABLE "application_reminders" ADD CONSTRAINT "application_reminders_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;
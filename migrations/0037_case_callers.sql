CREATE TABLE "case_callers" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"city" text NOT NULL,
	"name" text,
	"phone_enc" text,
	"phone_hash" text,
	"email_enc" text,
	"language" text,
	"updates" boolean DEFAULT true NOT NULL,
	"description" text,
	"call_id" text,
	"wants_callback" boolean DEFAULT false NOT NULL,
	"attached_by" text NOT NULL,
	"attached_at" timestamp with time zone NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "reporter_updates" ADD COLUMN "recipient" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reporter_updates" DROP CONSTRAINT "reporter_updates_case_id_event_channel_pk";--> statement-breakpoint
ALTER TABLE "reporter_updates" ADD CONSTRAINT "reporter_updates_case_id_event_channel_recipient_pk" PRIMARY KEY("case_id","event","channel","recipient");--> statement-breakpoint
ALTER TABLE "case_callers" ADD CONSTRAINT "case_callers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_callers_case_idx" ON "case_callers" USING btree ("case_id","attached_at");--> statement-breakpoint
CREATE INDEX "case_callers_phone_hash_idx" ON "case_callers" USING btree ("phone_hash");
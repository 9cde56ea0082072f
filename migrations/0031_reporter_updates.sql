CREATE TABLE "reporter_updates" (
	"case_id" text NOT NULL,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"city" text NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"language" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporter_updates_case_id_event_channel_pk" PRIMARY KEY("case_id","event","channel")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reporter_email_enc" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reporter_language" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reporter_updates" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "cities" ADD COLUMN "default_language" text DEFAULT 'zh-CN' NOT NULL;
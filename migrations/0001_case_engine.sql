ALTER TABLE "cases" ADD COLUMN "reporter_username" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deadline_armed_version" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deadline_clock_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deadline_used_minutes" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "last_event_hash" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "dispatch_error_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "extension_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "supervision_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_case_idx" ON "tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "outbox_case_idx" ON "outbox" USING btree ("case_id");
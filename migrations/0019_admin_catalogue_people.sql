ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD COLUMN "name_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD COLUMN "effective_from" date;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "stage_calendars" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "retired_on" date;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Versions loaded before effective dates existed were in use already.
UPDATE "catalogue_versions" SET "effective_from" = DATE '2013-01-01' WHERE "active";

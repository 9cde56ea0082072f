ALTER TABLE "cases" ADD COLUMN "returned_by_department_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "last_return_reason" text;
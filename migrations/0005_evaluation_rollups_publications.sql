CREATE TABLE "published_rollups" (
	"city" text NOT NULL,
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"handled_on_time" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"reworks" integer DEFAULT 0 NOT NULL,
	"extensions" integer DEFAULT 0 NOT NULL,
	"returns" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_on_time" integer DEFAULT 0 NOT NULL,
	"filed" integer DEFAULT 0 NOT NULL,
	"public_filed" integer DEFAULT 0 NOT NULL,
	"filed_on_time" integer DEFAULT 0 NOT NULL,
	"verifications" integer DEFAULT 0 NOT NULL,
	"verifications_on_time" integer DEFAULT 0 NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL,
	"checks_on_time" integer DEFAULT 0 NOT NULL,
	"handling_overdue" integer DEFAULT 0 NOT NULL,
	"dispatched_on_time" integer DEFAULT 0 NOT NULL,
	"closings_on_time" integer DEFAULT 0 NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"verification_dispatches" integer DEFAULT 0 NOT NULL,
	"verification_dispatches_on_time" integer DEFAULT 0 NOT NULL,
	"check_dispatches" integer DEFAULT 0 NOT NULL,
	"check_dispatches_on_time" integer DEFAULT 0 NOT NULL,
	"filed_then_cancelled" integer DEFAULT 0 NOT NULL,
	"dispatch_errors" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "published_rollups_city_dimension_day_key_pk" PRIMARY KEY("city","dimension","day","key")
);
--> statement-breakpoint
CREATE TABLE "rollup_publications" (
	"city" text NOT NULL,
	"day" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"row_count" integer NOT NULL,
	CONSTRAINT "rollup_publications_city_day_pk" PRIMARY KEY("city","day")
);
--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "filed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "public_filed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "filed_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "verifications" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "verifications_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "checks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "checks_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "handling_overdue" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "dispatched_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "closings_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "registered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "verification_dispatches" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "verification_dispatches_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "check_dispatches" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "check_dispatches_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "filed_then_cancelled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "dispatch_errors" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Published indicators are frozen: the database refuses to change or remove them.
CREATE OR REPLACE FUNCTION published_rollups_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is frozen once published: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER published_rollups_frozen
  BEFORE UPDATE OR DELETE ON published_rollups
  FOR EACH ROW EXECUTE FUNCTION published_rollups_refuse_change();--> statement-breakpoint
CREATE TRIGGER rollup_publications_frozen
  BEFORE UPDATE OR DELETE ON rollup_publications
  FOR EACH ROW EXECUTE FUNCTION published_rollups_refuse_change();

CREATE TABLE "region_indicator_report_versions" (
	"city" text NOT NULL,
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"state" text NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"evidence" jsonb NOT NULL,
	"reason" text,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "region_indicator_report_versions_city_indicator_code_period_version_pk" PRIMARY KEY("city","indicator_code","period","version")
);
--> statement-breakpoint
CREATE TABLE "region_indicator_reports" (
	"city" text NOT NULL,
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"state" text NOT NULL,
	"version" integer NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"evidence" jsonb NOT NULL,
	"return_reason" text,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "region_indicator_reports_city_indicator_code_period_pk" PRIMARY KEY("city","indicator_code","period")
);
--> statement-breakpoint
CREATE TABLE "region_ranking_publications" (
	"period" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	"settings_version" integer,
	"bulletin" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_ranking_settings" (
	"version" integer PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"config" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_supervision_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"subject" text NOT NULL,
	"case_id" text,
	"case_no" text,
	"indicator_code" text,
	"period" text,
	"reason" text NOT NULL,
	"facts" jsonb,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "region_indicators" ADD COLUMN "period_kind" text DEFAULT 'quarter' NOT NULL;--> statement-breakpoint
ALTER TABLE "region_indicator_reports" ADD CONSTRAINT "region_indicator_reports_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_indicator_reports" ADD CONSTRAINT "region_indicator_reports_indicator_code_region_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."region_indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_supervision_orders" ADD CONSTRAINT "region_supervision_orders_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_indicator_reports_period_idx" ON "region_indicator_reports" USING btree ("period","state");--> statement-breakpoint
CREATE INDEX "region_supervision_orders_city_idx" ON "region_supervision_orders" USING btree ("city","issued_at");--> statement-breakpoint
-- A report's history, a published ranking and a supervision order are kept as they were: the
-- database refuses to change or remove them.
CREATE OR REPLACE FUNCTION region_records_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is kept as written: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER region_indicator_report_versions_kept
  BEFORE UPDATE OR DELETE ON region_indicator_report_versions
  FOR EACH ROW EXECUTE FUNCTION region_records_refuse_change();--> statement-breakpoint
CREATE TRIGGER region_ranking_publications_kept
  BEFORE UPDATE OR DELETE ON region_ranking_publications
  FOR EACH ROW EXECUTE FUNCTION region_records_refuse_change();--> statement-breakpoint
CREATE TRIGGER region_supervision_orders_kept
  BEFORE UPDATE OR DELETE ON region_supervision_orders
  FOR EACH ROW EXECUTE FUNCTION region_records_refuse_change();

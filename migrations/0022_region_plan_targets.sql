CREATE TABLE "region_city_profiles" (
	"city" text PRIMARY KEY NOT NULL,
	"city_class" text NOT NULL,
	"population" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_indicator_targets" (
	"indicator_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"plan" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "region_indicator_targets_indicator_code_year_pk" PRIMARY KEY("indicator_code","year")
);
--> statement-breakpoint
CREATE TABLE "region_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"applies_to" jsonb NOT NULL,
	"plan" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "region_city_profiles" ADD CONSTRAINT "region_city_profiles_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_indicator_targets" ADD CONSTRAINT "region_indicator_targets_indicator_code_region_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."region_indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_city_profiles_class_idx" ON "region_city_profiles" USING btree ("city_class");--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON region_indicator_targets FROM urbangrid_app;
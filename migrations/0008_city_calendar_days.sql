CREATE TABLE "city_calendar_days" (
	"city" text NOT NULL,
	"day" date NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "city_calendar_days_city_day_source_pk" PRIMARY KEY("city","day","source")
);
--> statement-breakpoint
CREATE TABLE "city_calendar_years" (
	"city" text NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "city_calendar_years_city_year_pk" PRIMARY KEY("city","year")
);
--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "follows_public_holidays" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Days were kept per calendar; they are the city's now. A calendar that held none (patrol) did
-- not follow public holidays, and keeps not following them.
UPDATE "calendars" SET "follows_public_holidays" = false
  WHERE "id" NOT IN (SELECT DISTINCT "calendar_id" FROM "calendar_days");--> statement-breakpoint
INSERT INTO "city_calendar_days" ("city", "day", "source", "kind", "name")
  SELECT DISTINCT ON (c."city", d."day") c."city", d."day", 'public', d."kind", d."name"
  FROM "calendar_days" d JOIN "calendars" c ON c."id" = d."calendar_id"
  ORDER BY c."city", d."day", c."code";--> statement-breakpoint
DROP TABLE "calendar_days" CASCADE;--> statement-breakpoint
ALTER TABLE "notices" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ALTER COLUMN "case_no" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cities" ALTER COLUMN "time_zone" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deadline_beyond_calendar" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "city_calendar_days" ADD CONSTRAINT "city_calendar_days_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_calendar_years" ADD CONSTRAINT "city_calendar_years_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;
CREATE TABLE "evaluation_settings" (
	"city" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "evaluation_settings_city_version_pk" PRIMARY KEY("city","version")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "rate_limit_per_minute" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rollup_publications" ADD COLUMN "evaluation_settings_version" integer;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "retired_on" date;--> statement-breakpoint
ALTER TABLE "cities" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "cities" ADD COLUMN "retired_on" date;--> statement-breakpoint
ALTER TABLE "evaluation_settings" ADD CONSTRAINT "evaluation_settings_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;;--> statement-breakpoint
-- A city's evaluation configuration moves to its versioned settings: what a city had set becomes
-- its first version, effective since always; a city that had set none keeps the defaults.
INSERT INTO "evaluation_settings" ("city", "version", "effective_from", "config", "created_by")
SELECT "code", 1, DATE '2000-01-01', "evaluation_config", 'migration'
FROM "cities" WHERE "evaluation_config" <> '{}'::jsonb;--> statement-breakpoint
ALTER TABLE "cities" DROP COLUMN "evaluation_config";
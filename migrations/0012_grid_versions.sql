CREATE TABLE "grid_history" (
	"code" text NOT NULL,
	"city" text NOT NULL,
	"community_code" text NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"replaced_by_version" integer NOT NULL,
	CONSTRAINT "grid_history_code_replaced_by_version_pk" PRIMARY KEY("code","replaced_by_version")
);
--> statement-breakpoint
CREATE TABLE "grid_versions" (
	"city" text NOT NULL,
	"version" integer NOT NULL,
	"valid_from" date NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" text NOT NULL,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"retired" integer NOT NULL,
	"total" integer NOT NULL,
	CONSTRAINT "grid_versions_city_version_pk" PRIMARY KEY("city","version")
);
--> statement-breakpoint
ALTER TABLE "grid_history" ADD CONSTRAINT "grid_history_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_versions" ADD CONSTRAINT "grid_versions_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grid_history_city_idx" ON "grid_history" USING btree ("city");
CREATE TABLE "gazetteer_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"label_en" text NOT NULL,
	"context" text NOT NULL,
	"search_text" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"grid_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gazetteer_entries" ADD CONSTRAINT "gazetteer_entries_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gazetteer_city_idx" ON "gazetteer_entries" USING btree ("city","kind");--> statement-breakpoint
CREATE INDEX "gazetteer_search_trgm_idx" ON "gazetteer_entries" USING gin ("search_text" gin_trgm_ops);
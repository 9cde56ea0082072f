-- Who held each grid when: officer_grids keeps the present only, so a recount gave a handed-over
-- grid's past to its new holder. The grids held today are held "since before any change was recorded".
CREATE TABLE "officer_grid_holdings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "officer_grid_holdings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"officer_id" text NOT NULL,
	"grid_code" text NOT NULL,
	"held_from" timestamp with time zone,
	"held_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "officer_grid_holdings" ADD CONSTRAINT "officer_grid_holdings_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_grid_holdings" ADD CONSTRAINT "officer_grid_holdings_grid_code_grids_code_fk" FOREIGN KEY ("grid_code") REFERENCES "public"."grids"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "officer_grid_holdings_grid_idx" ON "officer_grid_holdings" USING btree ("grid_code","held_from");--> statement-breakpoint
INSERT INTO "officer_grid_holdings" ("officer_id", "grid_code", "held_from")
SELECT "officer_id", "grid_code", NULL FROM "officer_grids";

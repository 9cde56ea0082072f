DROP INDEX "cases_department_state_idx";--> statement-breakpoint
CREATE INDEX "grids_box_idx" ON "grids" USING gist (box(point("min_lng", "min_lat"), point("max_lng", "max_lat")));--> statement-breakpoint
CREATE INDEX "cases_department_state_idx" ON "cases" USING btree ("department_id","state","created_at","id");
-- A supervisor's list filtered by department or grid (issue 20): the capped total counts from the index
-- alone (index-only scan, the trailing city answers the scope) and the first page reads only its own rows.
DROP INDEX "cases_department_created_idx";--> statement-breakpoint
CREATE INDEX "cases_grid_created_idx" ON "cases" USING btree ("grid_code","created_at","id","city");--> statement-breakpoint
CREATE INDEX "cases_department_created_idx" ON "cases" USING btree ("department_id","created_at","id","city");
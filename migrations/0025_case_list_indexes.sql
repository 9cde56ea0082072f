-- The newest-first case list bounded for every scope (issue 20): the region (every city), a district
-- supervisor and a department read their first page, and the page after a cursor, from an index.
CREATE INDEX "cases_all_created_idx" ON "cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "cases_district_created_idx" ON "cases" USING btree ("city","district_code","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_department_created_idx" ON "cases" USING btree ("department_id","created_at","id");
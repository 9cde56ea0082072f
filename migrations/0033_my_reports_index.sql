-- An officer's own reports newest first (GET /api/cases?mine=true, 我的上报): the first page and the page
-- after a cursor read from this index, never the city's whole history.
CREATE INDEX "cases_reporter_created_idx" ON "cases" USING btree ("reporter_username","created_at","id");
-- Case search (GET /api/cases?q=): trigram (pg_trgm, created by the owner in 0003) GIN indexes over
-- the searched texts, and the blind index of the reporter's phone (a keyed hash, never the number).
ALTER TABLE "cases" ADD COLUMN "reporter_phone_hash" text;--> statement-breakpoint
CREATE INDEX "cases_case_no_trgm_idx" ON "cases" USING gin ("case_no" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_address_trgm_idx" ON "cases" USING gin ("address" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_description_trgm_idx" ON "cases" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_reporter_phone_hash_idx" ON "cases" USING btree ("reporter_phone_hash");

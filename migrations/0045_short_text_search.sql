-- Case search by a word of one or two characters (most Chinese words): pg_trgm indexes three characters
-- at least, so such a word was looked for row by row through the city's history (2.7 s on a million
-- cases for a word no case holds). Tripled, every character is a trigram of its own.
CREATE INDEX "cases_short_text_idx" ON "cases" USING gin ((regexp_replace(coalesce("description", '') || ' ' || coalesce("address", '') || ' ' || "case_no", '(.)', '\1\1\1', 'g')) gin_trgm_ops);--> statement-breakpoint
-- The planner chooses between this index (a rare word) and walking the newest cases (a common one)
-- by the tripled texts' statistics, which only ANALYZE gathers: without them it took the index for
-- every word, and a word most cases hold read them all (2.5 s on a million cases).
ANALYZE "cases";

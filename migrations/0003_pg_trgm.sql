-- Trigram matching (pg_trgm) for the address gazetteer: hotline operators type partial or
-- misspelt names, and a GIN trigram index answers similarity and ILIKE searches without a scan.
-- pg_trgm is a trusted extension (PostgreSQL 13+), so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

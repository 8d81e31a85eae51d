-- Trigram search on Chinese names; gist for exclusion constraints used by later areas.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;

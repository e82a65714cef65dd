-- Accent-insensitive matching for Vietnamese on both engines (PGlite 18 and PostgreSQL 15).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is not IMMUTABLE, so it cannot be used in an index expression; this wrapper can.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Used by append-only tables: any UPDATE or DELETE is refused.
CREATE OR REPLACE FUNCTION forbid_row_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001'; END $$;

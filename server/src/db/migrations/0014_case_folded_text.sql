-- The case text folded for matching (lower case, no diacritics), computed once at insert instead of for every
-- comparison: duplicate detection compares a new report with up to 100 recent ones per intake.
ALTER TABLE cases ADD COLUMN description_folded text;
UPDATE cases SET description_folded = f_unaccent(lower(description));
CREATE INDEX cases_description_folded_trgm_idx ON cases USING gin (description_folded gin_trgm_ops);

-- Duplicate detection compares every new report with its unit's 100 most recent open reports by trigram
-- similarity (duplicates.repo.ts). pg_trgm's similarity() extracts the trigrams of both texts on every call:
-- about 20 µs per pair, 2 ms of database time for every new report. Each case now keeps its set of trigrams once,
-- as sorted integer hashes, and a pair costs one C merge of two arrays (intarray's &): about 2 µs.
--
-- similarity(a, b) is |A ∩ B| / (|A| + |B| − |A ∩ B|) over the trigram sets show_trgm() gives; the same formula
-- over the hashes of those trigrams gives the same number (a 32-bit hash collision between two trigrams of one
-- pair could only nudge it; the test in duplicates.int.test.ts compares both on real texts).
CREATE EXTENSION IF NOT EXISTS intarray;

CREATE FUNCTION trgm_signature(text) RETURNS int4[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT uniq(sort(ARRAY(SELECT hashtext(t) FROM unnest(show_trgm($1)) AS t))) $$;

-- Written at intake with description_folded. Only open reports are ever compared, so only those are filled here;
-- a case without one (an older case reopened later) is compared with similarity() as before.
ALTER TABLE cases ADD COLUMN description_trgm int4[];
UPDATE cases SET description_trgm = trgm_signature(description_folded)
 WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen') AND type = 'phan_anh' AND merged_into_id IS NULL
   AND description_folded IS NOT NULL;

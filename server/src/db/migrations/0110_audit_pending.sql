-- Audit entries are written in the transaction of the change they describe, but no longer linked into the chain
-- there: linking needs one global order (a lock held until commit), which serialised every case change in the
-- city. A change now inserts its entry here, without any lock; the worker's sealer (one at a time, under the
-- chain's advisory lock) moves committed entries into audit_log in order, computing seq, prev_hash and hash.
-- Readers of the chain (verify, export) seal first, so they always see every committed change.
CREATE TABLE audit_pending (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id  uuid NOT NULL REFERENCES cases (id),
  at       timestamptz NOT NULL,
  actor    text NOT NULL,
  action   text NOT NULL,
  payload  jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- The catalogue of administrative procedures (thủ tục hành chính) citizens look up on the portal, seeded from
-- reference-data/procedures/ward-procedures.json on every start (commands/seed-procedures.ts).
CREATE TABLE procedures (
  code             text PRIMARY KEY,             -- national procedure code (mã TTHC), e.g. 1.001193
  name             text NOT NULL,
  short_name       text NOT NULL,
  field            text NOT NULL,
  level            text NOT NULL,
  -- false: only the code and the name are known (listed, not described)
  has_details      boolean NOT NULL,
  agency           text,
  processing_time  jsonb,                        -- {text, working_days, ...}
  fees             jsonb NOT NULL DEFAULT '[]',  -- [{text, amount_vnd, ...}]
  documents        jsonb NOT NULL DEFAULT '[]',  -- [text]
  result           text,
  legal_basis      jsonb NOT NULL DEFAULT '[]',  -- [text]
  notes            jsonb NOT NULL DEFAULT '[]',  -- [text]
  sources          jsonb NOT NULL DEFAULT '[]',  -- [source key]
  -- per fact: true when the data says it was not verified in a source (shown as "cần kiểm tra")
  needs_check      jsonb NOT NULL DEFAULT '{}',
  -- lower case without diacritics (f_unaccent), the text trigram search compares with
  search_name      text NOT NULL,
  search_vector    tsvector NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX procedures_search_name_trgm_idx ON procedures USING gin (search_name gin_trgm_ops);
CREATE INDEX procedures_search_vector_idx ON procedures USING gin (search_vector);

-- Words citizens use for procedures ("sao y" for chứng thực bản sao, "hộ khẩu" for cư trú): a query containing
-- `phrase` is also searched with it replaced by `means`. Both are stored folded (lower case, no diacritics).
CREATE TABLE procedure_synonyms (
  phrase  text PRIMARY KEY,
  means   text NOT NULL
);

-- Keys for integrations (Open311 clients). Only a SHA-256 of the key is stored; the key is printed once.
CREATE TABLE api_keys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  -- cases opened with this key go to this unit (the city when null)
  unit_id       uuid REFERENCES units (id),
  key_hash      text NOT NULL UNIQUE,
  key_prefix    text NOT NULL,   -- first characters, to tell keys apart in listings
  created_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  last_used_at  timestamptz
);

-- Service requests received through Open311 GeoReport v2: what the client sent beyond the case itself.
CREATE TABLE open311_requests (
  case_id         uuid PRIMARY KEY REFERENCES cases (id),
  api_key_id      uuid NOT NULL REFERENCES api_keys (id),
  service_code    text NOT NULL,
  address_string  text,
  address_id      text,
  media_url       text,
  device_id       text,
  attributes      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL
);
-- GET requests lists public cases by date (the default window is the last 90 days).
CREATE INDEX cases_created_at_idx ON cases (created_at DESC);

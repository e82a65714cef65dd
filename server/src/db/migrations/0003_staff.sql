CREATE TABLE staff_users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('city_admin', 'unit_admin', 'officer', 'triage_operator', 'viewer')),
  unit_id        uuid NOT NULL REFERENCES units (id),
  password_hash  text NOT NULL,
  is_active      boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz
);
CREATE UNIQUE INDEX staff_users_email_idx ON staff_users (lower(email));

-- Only a hash of the session token is stored, so a database read does not yield live sessions.
CREATE TABLE staff_sessions (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES staff_users (id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id);

-- A connected provider account (a Facebook Page, a Zalo OA) owned by a unit. Credentials are stored encrypted
-- (AES-256-GCM, see lib/secret-box.ts); only the SHA-256 of Meta's verify token is kept in clear for the handshake.
CREATE TABLE channel_accounts (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel                   text NOT NULL CHECK (channel IN ('facebook', 'zalo')),
  account_id                text NOT NULL,
  name                      text,
  unit_id                   uuid NOT NULL REFERENCES units (id),
  secrets                   text NOT NULL,
  verify_token_hash         text,
  health                    text NOT NULL DEFAULT 'healthy' CHECK (health IN ('healthy', 'unhealthy', 'needs_reauth')),
  health_reason             text,
  health_changed_at         timestamptz,
  access_token_expires_at   timestamptz,
  refresh_token_expires_at  timestamptz,
  -- Lease that lets one process at a time refresh a single-use refresh token.
  refresh_locked_until      timestamptz,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  UNIQUE (channel, account_id)
);

-- Raw webhook deliveries, stored before the 200 is sent and processed later by the worker. The key is the
-- SHA-256 of the raw bytes: a provider's redelivery of the same request is stored once.
CREATE TABLE inbound_events (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel          text NOT NULL,
  account_id       text NOT NULL,
  dedup_key        text NOT NULL,
  raw_body         text NOT NULL,
  received_at      timestamptz NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'done', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  locked_until     timestamptz,
  locked_by        text,
  last_error       text,
  processed_at     timestamptz,
  UNIQUE (channel, dedup_key)
);
CREATE INDEX inbound_events_due_idx ON inbound_events (next_attempt_at, id) WHERE status IN ('pending', 'processing');
CREATE INDEX inbound_events_account_idx ON inbound_events (channel, account_id, received_at DESC);

-- Who follows an OA/Page now (follow and unfollow events are replayed idempotently).
CREATE TABLE channel_followers (
  channel     text NOT NULL,
  account_id  text NOT NULL,
  user_id     text NOT NULL,
  following   boolean NOT NULL,
  changed_at  timestamptz NOT NULL,
  PRIMARY KEY (channel, account_id, user_id)
);

-- Personal data a citizen chose to share (e.g. Zalo user_submit_info): the record of their consent.
CREATE TABLE citizen_consents (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  citizen_id   uuid NOT NULL REFERENCES citizens (id),
  channel      text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('contact_shared')),
  fields       text[] NOT NULL,
  given_at     timestamptz NOT NULL
);

ALTER TABLE outbound_messages ADD COLUMN delivered_at timestamptz;
ALTER TABLE outbound_messages ADD COLUMN read_at timestamptz;
CREATE INDEX outbound_messages_provider_idx ON outbound_messages (channel, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Photos, files, stickers and links a channel message carried (provider URLs), as [{type, url, name?}].
ALTER TABLE messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb;

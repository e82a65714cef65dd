-- Outgoing messages: written in the same transaction as the change that causes them, delivered by the worker.
-- This table is its own queue: the worker claims due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbound_messages (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Creation order, also within one transaction: per-conversation ordering follows it.
  seq                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  message_id           uuid NOT NULL UNIQUE REFERENCES messages (id),
  case_id              uuid NOT NULL REFERENCES cases (id),
  channel              text NOT NULL,
  channel_account      text NOT NULL DEFAULT '',
  recipient_id         text,
  -- Per-conversation ordering: a message is not sent before earlier ones of the same conversation.
  conversation_key     text NOT NULL,
  idempotency_key      text NOT NULL UNIQUE,
  status               text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'held', 'dead')),
  attempts             integer NOT NULL DEFAULT 0,
  max_attempts         integer NOT NULL DEFAULT 8,
  next_attempt_at      timestamptz NOT NULL,
  locked_until         timestamptz,
  locked_by            text,
  provider_message_id  text,
  last_error_code      text,
  last_error           text,
  created_at           timestamptz NOT NULL,
  sent_at              timestamptz
);
CREATE INDEX outbound_messages_due_idx ON outbound_messages (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX outbound_messages_conversation_idx ON outbound_messages (conversation_key, seq) WHERE status IN ('queued', 'sending', 'held');

-- Editable message templates; unit_id NULL is the city-wide default a unit may override.
CREATE TABLE message_templates (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     uuid REFERENCES units (id),
  kind        text NOT NULL CHECK (kind IN ('acknowledgement')),
  locale      text NOT NULL CHECK (locale IN ('vi', 'en')),
  body        text NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  uuid REFERENCES staff_users (id)
);
CREATE UNIQUE INDEX message_templates_unit_idx ON message_templates (coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, locale);

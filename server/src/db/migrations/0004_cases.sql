CREATE TABLE citizens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name  text,
  phone         text,
  email         text,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- One citizen may write from several channels; each channel account knows them by its own id.
CREATE TABLE citizen_identities (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id       uuid NOT NULL REFERENCES citizens (id),
  channel          text NOT NULL,
  channel_account  text NOT NULL DEFAULT '',
  external_id      text NOT NULL,
  display_name     text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (channel, channel_account, external_id)
);
CREATE INDEX citizen_identities_citizen_idx ON citizen_identities (citizen_id);

CREATE TABLE cases (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tracking_code          text NOT NULL UNIQUE,
  type                   text NOT NULL CHECK (type IN ('thu_tuc', 'phan_anh', 'hoi_dap', 'gop_y', 'khieu_nai', 'to_cao', 'khac')),
  status                 text NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'waiting_citizen', 'resolved', 'closed', 'rejected')),
  unit_id                uuid NOT NULL REFERENCES units (id),
  citizen_id             uuid REFERENCES citizens (id),
  identity_id            uuid REFERENCES citizen_identities (id),
  channel                text NOT NULL,
  intake_method          text NOT NULL CHECK (intake_method IN ('channel', 'portal', 'phone', 'counter', 'email', 'letter')),
  description            text NOT NULL,
  category               text,
  procedure_code         text,
  location_lat           double precision,
  location_lng           double precision,
  address_text           text,
  assignee_id            uuid REFERENCES staff_users (id),
  created_by_staff_id    uuid REFERENCES staff_users (id),
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  first_response_at      timestamptz,
  resolved_at            timestamptz,
  closed_at              timestamptz,
  last_citizen_message_at timestamptz,
  CHECK ((location_lat IS NULL) = (location_lng IS NULL))
);
CREATE INDEX cases_unit_status_idx ON cases (unit_id, status, created_at DESC);
CREATE INDEX cases_assignee_idx ON cases (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX cases_identity_open_idx ON cases (identity_id) WHERE status NOT IN ('closed', 'rejected');

-- Message content in both directions. Provider ids make redelivered inbound messages harmless.
CREATE TABLE messages (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id              uuid NOT NULL REFERENCES cases (id),
  direction            text NOT NULL CHECK (direction IN ('in', 'out')),
  channel              text NOT NULL,
  identity_id          uuid REFERENCES citizen_identities (id),
  author_staff_id      uuid REFERENCES staff_users (id),
  kind                 text NOT NULL CHECK (kind IN ('citizen', 'acknowledgement', 'reply', 'notification')),
  body                 text NOT NULL,
  provider_message_id  text,
  created_at           timestamptz NOT NULL
);
CREATE INDEX messages_case_idx ON messages (case_id, created_at);
CREATE UNIQUE INDEX messages_provider_idx ON messages (channel, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- The case timeline. Append-only: corrections are new events, never edits.
CREATE TABLE case_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      uuid NOT NULL REFERENCES cases (id),
  kind         text NOT NULL CHECK (kind IN ('case.opened', 'message.received', 'message.sent', 'status.changed', 'case.assigned', 'note.added')),
  actor_type   text NOT NULL CHECK (actor_type IN ('citizen', 'staff', 'system')),
  actor_id     uuid,
  message_id   uuid REFERENCES messages (id),
  visibility   text NOT NULL CHECK (visibility IN ('public', 'internal')),
  data         jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION forbid_row_change();

-- Photos and files. Uploaded first (with an unguessable token), then claimed by the case they belong to.
CREATE TABLE attachments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  upload_token  text NOT NULL UNIQUE,
  case_id       uuid REFERENCES cases (id),
  message_id    uuid REFERENCES messages (id),
  content_type  text NOT NULL,
  byte_size     integer NOT NULL,
  width         integer,
  height        integer,
  sha256        text NOT NULL,
  data          bytea NOT NULL,
  is_public     boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL
);
CREATE INDEX attachments_case_idx ON attachments (case_id) WHERE case_id IS NOT NULL;

-- Reply templates officers insert into the reply box, with {variables} filled from the case. A unit's templates
-- are offered for its own cases and for those of every unit below it, so the city's are city-wide.
CREATE TABLE reply_templates (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     uuid NOT NULL REFERENCES units (id),
  locale      text NOT NULL CHECK (locale IN ('vi', 'en')),
  title       text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
  body        text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
  created_at  timestamptz NOT NULL,
  created_by  uuid REFERENCES staff_users (id),
  updated_at  timestamptz NOT NULL,
  updated_by  uuid REFERENCES staff_users (id)
);
CREATE INDEX reply_templates_unit_idx ON reply_templates (unit_id, locale, title);

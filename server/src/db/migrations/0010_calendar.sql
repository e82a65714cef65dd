-- Working calendars. calendar_days holds the days that differ from the ordinary week: public holidays, other
-- days off (compensatory, swapped) and make-up working days. unit_id NULL is city-wide; a unit's own row for a
-- date wins over the city's. Rows shipped in reference-data are origin 'seed' (refreshed from the data on start);
-- rows a city administrator edited become origin 'admin' and are never overwritten. Deactivate, don't delete:
-- a deleted seed row comes back with the next start.
CREATE TABLE calendar_days (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     uuid REFERENCES units (id),
  on_date     date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_day')),
  name        text NOT NULL,
  name_en     text,
  basis       text,
  status      text NOT NULL CHECK (status IN ('law', 'computed', 'announced', 'needs_checking')),
  is_active   boolean NOT NULL DEFAULT true,
  origin      text NOT NULL CHECK (origin IN ('seed', 'admin')),
  updated_at  timestamptz NOT NULL,
  updated_by  uuid REFERENCES staff_users (id)
);
CREATE UNIQUE INDEX calendar_days_unit_date_idx ON calendar_days ((coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid)), on_date);

-- Working periods per weekday (0 = Sunday … 6 = Saturday) in minutes after midnight, Vietnam time.
-- unit_id NULL is the city default; a unit with rows of its own uses only those.
CREATE TABLE unit_working_hours (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id       uuid REFERENCES units (id),
  weekday       smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_minute  integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
  end_minute    integer NOT NULL CHECK (end_minute <= 1440),
  CHECK (end_minute > start_minute)
);
CREATE UNIQUE INDEX unit_working_hours_idx ON unit_working_hours ((coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid)), weekday, start_minute);

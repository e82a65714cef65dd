-- The on-time report counts the cases finished in a period, per unit and category, on time or late. Read from the
-- cases themselves that is one index entry per finished case (130,000 for a month of a 2-million-case city:
-- 150–230 ms). This table keeps the same counts per Vietnamese calendar day, maintained by triggers in the
-- transaction of every change, so whole days of a period are read from it (a few thousand rows whatever the
-- volume) and only the partial days at the edges from the cases (reports.repo.ts).
--
-- A case counts when it is finished (resolved, closed, rejected) with a due time and a finish instant
-- coalesce(resolved_at, closed_at): on time when that instant is not after the due time. The day is the finish
-- instant's date in Vietnam (UTC+7 all year).
CREATE TABLE on_time_daily (
  unit_id   uuid NOT NULL REFERENCES units (id),
  category  text NOT NULL,   -- '' for cases without a category, as the report groups them
  day       date NOT NULL,
  on_time   integer NOT NULL,
  late      integer NOT NULL,
  PRIMARY KEY (day, unit_id, category)
);

CREATE FUNCTION on_time_day(finished timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT ((finished AT TIME ZONE 'UTC') + interval '7 hours')::date $$;

-- Adds (sign 1) or removes (sign -1) one case's contribution; nothing for a case that does not count.
CREATE FUNCTION on_time_daily_add(c cases, sign integer) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  finished timestamptz := coalesce(c.resolved_at, c.closed_at);
  is_on_time integer;
BEGIN
  IF c.status NOT IN ('resolved', 'closed', 'rejected') OR c.due_at IS NULL OR finished IS NULL THEN
    RETURN;
  END IF;
  is_on_time := CASE WHEN finished <= c.due_at THEN 1 ELSE 0 END;
  INSERT INTO on_time_daily AS d (unit_id, category, day, on_time, late)
  VALUES (c.unit_id, coalesce(c.category, ''), on_time_day(finished), sign * is_on_time, sign * (1 - is_on_time))
  ON CONFLICT (day, unit_id, category) DO UPDATE SET on_time = d.on_time + EXCLUDED.on_time, late = d.late + EXCLUDED.late;
END $$;

CREATE FUNCTION on_time_daily_track() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- Cases are never deleted (their timeline and messages reference them), so inserts and updates are all.
  IF TG_OP = 'UPDATE' THEN
    PERFORM on_time_daily_add(OLD, -1);
  END IF;
  PERFORM on_time_daily_add(NEW, 1);
  RETURN NULL;
END $$;

-- Only rows that count (or counted) call the function: a new open case, or an update that leaves the counted
-- facts alone (the deadline sweep's markers, assignment, a note), costs nothing more.
CREATE TRIGGER cases_on_time_daily_insert AFTER INSERT ON cases FOR EACH ROW
  WHEN (NEW.status IN ('resolved', 'closed', 'rejected') AND NEW.due_at IS NOT NULL)
  EXECUTE FUNCTION on_time_daily_track();
CREATE TRIGGER cases_on_time_daily_update AFTER UPDATE OF status, resolved_at, closed_at, due_at, unit_id, category ON cases FOR EACH ROW
  WHEN ((OLD.status IN ('resolved', 'closed', 'rejected') OR NEW.status IN ('resolved', 'closed', 'rejected'))
        AND (OLD.status, OLD.resolved_at, OLD.closed_at, OLD.due_at, OLD.unit_id, OLD.category)
            IS DISTINCT FROM (NEW.status, NEW.resolved_at, NEW.closed_at, NEW.due_at, NEW.unit_id, NEW.category))
  EXECUTE FUNCTION on_time_daily_track();

-- The cases finished before this migration.
INSERT INTO on_time_daily (unit_id, category, day, on_time, late)
SELECT unit_id, coalesce(category, ''), on_time_day(coalesce(resolved_at, closed_at)),
       count(*) FILTER (WHERE coalesce(resolved_at, closed_at) <= due_at), count(*) FILTER (WHERE coalesce(resolved_at, closed_at) > due_at)
  FROM cases
 WHERE status IN ('resolved', 'closed', 'rejected') AND due_at IS NOT NULL AND coalesce(resolved_at, closed_at) IS NOT NULL
 GROUP BY 1, 2, 3;
ANALYZE on_time_daily;

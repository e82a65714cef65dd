-- The organisations that serve citizens: the city, its departments and its wards/communes (2025 structure).
-- For wards the code is the GSO code of the unit that is valid now; departments get a product code.
CREATE TABLE units (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code          text NOT NULL UNIQUE,
  kind          text NOT NULL CHECK (kind IN ('city', 'department', 'ward', 'commune', 'special_zone')),
  name          text NOT NULL,
  full_name     text NOT NULL,
  name_en       text,
  parent_id     uuid REFERENCES units (id),
  -- Materialised path of unit codes from the root ('79/26734'), for subtree scoping.
  path          text NOT NULL,
  gso_code      text,
  gso_valid_from date,
  gso_valid_to   date,
  area_km2      double precision,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_path_idx ON units (path text_pattern_ops);

-- Administrative geography across reforms. GSO codes were reused for different wards in 2025, so a code is
-- only meaningful together with its validity period.
CREATE TABLE admin_areas (
  id              serial PRIMARY KEY,
  gso_code        text NOT NULL,
  level           text NOT NULL CHECK (level IN ('province', 'district', 'ward')),
  name            text NOT NULL,
  full_name       text NOT NULL,
  type            text NOT NULL,
  province_code   text NOT NULL,
  district_code   text,
  district_name   text,
  valid_from      date NOT NULL,
  valid_to        date,
  UNIQUE (gso_code, level, valid_from)
);
CREATE INDEX admin_areas_name_idx ON admin_areas (f_unaccent(lower(name)));

-- Which area became which at a reform. share = 'partial' when the old area was split between several new ones.
CREATE TABLE admin_area_successions (
  from_area_id  integer NOT NULL REFERENCES admin_areas (id),
  to_area_id    integer NOT NULL REFERENCES admin_areas (id),
  share         text NOT NULL CHECK (share IN ('full', 'partial')),
  effective_on  date NOT NULL,
  legal_basis   text,
  PRIMARY KEY (from_area_id, to_area_id)
);
CREATE INDEX admin_area_successions_to_idx ON admin_area_successions (to_area_id);

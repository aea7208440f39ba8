-- Carbon accounting: the factor library, regional inventories, enterprise GHG reports.
-- Runs on PGlite (PG 18) and PostgreSQL 15: keep to PG 15 syntax.

-- A factor set is an immutable, versioned snapshot (src/core/factors). `content` is the set as plain data;
-- it is restored with restoreFactorSet, which recomputes the fingerprint: a row changed behind the
-- platform's back no longer matches `fingerprint` and is refused. A new version is a new row.
create table factor_sets (
  id integer generated always as identity primary key,
  name text not null,
  version integer not null check (version >= 1),
  parent_id integer references factor_sets (id),
  parent_fingerprint text,
  fingerprint text not null unique,
  record_count integer not null,
  note text,
  -- sha-256 of the reference data a seed set was built from (null for user versions)
  seed_hash text unique,
  content jsonb not null,
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  unique (name, version)
);

-- 区域碳排放清单: the balance as given (`input`, shuangtan.regional-balance/1) and the result computed from it
-- with one factor set (`result`, shuangtan.regional-inventory/1, lineage included).
create table inventories (
  id integer generated always as identity primary key,
  region_id integer not null references regions (id),
  year integer not null check (year between 1990 and 2100),
  factor_set_id integer not null references factor_sets (id),
  factor_set_fingerprint text not null,
  input_hash text not null,
  calculator text not null,
  source_name text,                 -- the imported file, if any
  input jsonb not null,
  result jsonb not null,
  summary jsonb not null,           -- key figures, so lists do not read whole results
  created_by integer references users (id),
  created_at timestamptz not null,
  unique (region_id, year, factor_set_id, input_hash)
);
create index inventories_region_year on inventories (region_id, year);

-- 企业温室气体排放报告: one per enterprise and year; a draft may be replaced, a submitted report is locked.
create table enterprise_reports (
  id integer generated always as identity primary key,
  organisation_id integer not null references organisations (id),
  region_id integer not null references regions (id),
  year integer not null check (year between 1990 and 2100),
  status text not null check (status in ('draft', 'submitted')),
  factor_set_id integer not null references factor_sets (id),
  factor_set_fingerprint text not null,
  input_hash text not null,
  calculator text not null,
  input jsonb not null,
  result jsonb not null,
  summary jsonb not null,
  created_by integer references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (organisation_id, year)
);
create index enterprise_reports_region_year on enterprise_reports (region_id, year);

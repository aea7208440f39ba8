-- Scenario files (driver-based projections of a region) and their stored runs, each with the exact input.

create table scenario_files (
  id integer generated always as identity primary key,
  region_id integer not null references regions (id),
  name text not null,
  input jsonb not null,
  created_by integer references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (region_id, name)
);

create table scenario_runs (
  id integer generated always as identity primary key,
  file_id integer not null references scenario_files (id) on delete cascade,
  draws integer not null,
  seed bigint not null,
  input jsonb not null,       -- the file as it was when run: a later edit never changes a stored result
  report jsonb not null,
  created_by integer references users (id),
  created_at timestamptz not null
);
create index scenario_runs_file on scenario_runs (file_id, id desc);

-- Plans, targets, actions, tasks with their units, indicator observations.

create table indicators (
  code text primary key,
  name text not null,
  name_en text not null,
  unit text not null,
  direction text not null check (direction in ('higher_better', 'lower_better')),
  aggregation text not null,
  category text not null,
  computed_from text[] not null default '{}',
  updated_at timestamptz not null default now()
);

create table plans (
  id integer generated always as identity primary key,
  region_id integer not null references regions (id),
  title text not null,
  doc_number text,                  -- 文号
  issuer text,
  issued_on date,
  period_start integer not null,
  period_end integer not null,
  status text not null check (status in ('draft', 'issued')),
  parent_plan_id integer references plans (id),
  source_name text,
  source_text text not null,        -- verbatim, as imported
  warnings jsonb not null default '[]',
  reviewed boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start)
);
create index plans_region on plans (region_id);

create table plan_actions (
  id integer generated always as identity primary key,
  plan_id integer not null references plans (id) on delete cascade,
  ordinal integer not null,
  number text not null,
  title text not null,
  parent text not null default '',
  unique (plan_id, ordinal)
);

create table plan_tasks (
  id integer generated always as identity primary key,
  plan_id integer not null references plans (id) on delete cascade,
  action_id integer references plan_actions (id) on delete cascade,
  ref text not null,
  number text,
  title text not null,
  deadline integer,
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'completed')),
  damaged boolean not null default false,
  span_start integer,
  span_end integer,
  updated_at timestamptz not null default now(),
  unique (plan_id, ref)
);

create table task_units (
  task_id integer not null references plan_tasks (id) on delete cascade,
  role text not null check (role in ('lead', 'cooperating', 'supporting', 'responsible')),
  ordinal integer not null,
  unit_name text not null,
  organisation_id integer references organisations (id),
  primary key (task_id, role, unit_name)
);
create index task_units_org on task_units (organisation_id);

create table targets (
  id integer generated always as identity primary key,
  plan_id integer not null references plans (id) on delete cascade,
  task_id integer references plan_tasks (id) on delete set null,
  ref text not null,
  indicator_code text references indicators (code),
  indicator_name text not null,
  phrase text not null default '',
  year integer,
  value double precision,
  value_max double precision,
  unit text,
  qualifier text not null,
  strength text not null,
  kind text not null check (kind in ('level', 'share', 'reduction', 'increase', 'cap', 'cumulative')),
  annual boolean not null default false,
  baseline_year integer,
  baseline_value double precision,
  deferred boolean not null default false,
  main boolean not null default false,
  binding boolean not null default false,
  quote text not null default '',
  quote_original text not null default '',
  span_start integer,
  span_end integer,
  section text not null default '',
  review_status text not null default 'draft' check (review_status in ('draft', 'accepted', 'edited', 'rejected')),
  updated_at timestamptz not null default now(),
  unique (plan_id, ref),
  check (year is not null or deferred or review_status in ('draft', 'rejected'))
);
create index targets_indicator on targets (indicator_code);

-- One value per indicator, region and year; who entered and approved it is in the audit log.
create table observations (
  id integer generated always as identity primary key,
  indicator_code text not null references indicators (code),
  region_id integer not null references regions (id),
  year integer not null,
  value double precision not null,
  unit text not null,
  source text not null check (source in ('entered', 'imported', 'computed')),
  status text not null check (status in ('draft', 'submitted', 'approved', 'rejected')),
  note text,
  entered_by integer references users (id),
  organisation_id integer references organisations (id),
  updated_at timestamptz not null default now(),
  unique (indicator_code, region_id, year)
);

-- Data-quality alarms of monitoring points: what the quality rules (src/core/monitoring-quality) found,
-- one row per point, rule, series (factor, kind) and period (CST day YYYY-MM-DD, or month YYYY-MM), so that
-- evaluating the same data again updates the alarm instead of adding one. A closed alarm stays closed: the
-- same finding in the same period does not reopen it. Runs on PGlite (PG 18) and PostgreSQL 15.
create table monitoring_alarms (
  id integer generated always as identity primary key,
  point_id integer not null references monitoring_points (id) on delete cascade,
  organisation_id integer not null references organisations (id),
  rule text not null check (rule ~ '^[a-z_]{1,40}$'),
  -- the series (e10001, min-Cou); completeness and gaps name the upload period (min); '' for the device
  factor text not null default '',
  kind text not null default '',
  period text not null check (period ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
  severity text not null check (severity in ('info', 'warning', 'critical')),
  -- data time of the first and last finding of the period
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  occurrences integer not null check (occurrences >= 1),
  -- the worst finding's figures, in `unit`; deviation = (value − expected) / |expected|
  value double precision,
  expected double precision,
  deviation double precision,
  unit text not null default '',
  detail_zh text not null,
  detail_en text not null,
  status text not null default 'open' check (status in ('open', 'acknowledged', 'closed')),
  acknowledged_by integer references users (id) on delete set null,
  acknowledged_at timestamptz,
  acknowledge_note text,
  closed_by integer references users (id) on delete set null,
  closed_at timestamptz,
  close_note text,
  created_at timestamptz not null,
  -- the last evaluation that saw it, or the last transition
  updated_at timestamptz not null,
  unique (point_id, rule, factor, kind, period)
);
create index monitoring_alarms_org on monitoring_alarms (organisation_id, status, last_seen desc);
create index monitoring_alarms_recent on monitoring_alarms (last_seen desc, id desc);

-- Online monitoring (在线监测): monitoring points of enterprises, their readings (partitioned by month),
-- hourly/daily/monthly rollups kept current by the ingest writer, and the ingest event log.
-- Runs on PGlite (PG 18) and PostgreSQL 15: keep to PG 15 syntax.

-- A monitoring point: one HJ 212 data logger (MN) of an enterprise and what it measures.
create table monitoring_points (
  id integer generated always as identity primary key,
  organisation_id integer not null references organisations (id),
  mn text not null unique check (mn ~ '^[0-9A-Za-z_.-]{1,64}$'),
  pw text not null check (length(pw) between 1 and 64),
  protocol text not null default '2017' check (protocol in ('2005', '2017', '2025')),
  name text not null,
  -- electricity, natural_gas, coal, heat, steam, water, co2_concentration, flue_gas_flow, o2, other
  quantity text not null,
  interval_seconds integer not null default 60 check (interval_seconds between 1 and 86400),
  -- the energy or emission item the point feeds (e.g. purchased_electricity, natural_gas_combustion)
  feeds text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index monitoring_points_org on monitoring_points (organisation_id);

-- The HJ 212 factor codes a point reports, with unit and meter constants (value stored = raw × multiplier + offset).
create table monitoring_point_factors (
  point_id integer not null references monitoring_points (id) on delete cascade,
  code text not null check (code ~ '^[0-9A-Za-z_.]{1,32}$'),
  unit text not null default '',
  multiplier double precision not null default 1,
  "offset" double precision not null default 0,
  min_value double precision,
  max_value double precision,
  primary key (point_id, code)
);

-- Readings. kind = period-suffix of the upload: rt-Rtd (2011), min-Avg/min-Cou (2051), hour-Avg (2061), day-Cou (2031) …
-- Idempotent on (point, time, factor, kind): a resent packet inserts nothing (`on conflict do nothing`).
-- Partitions are months (UTC boundaries), created ahead by readings_ensure_month (the writer calls it).
create table readings (
  point_id integer not null,
  time timestamptz not null,
  factor text not null,
  kind text not null,
  value double precision not null,
  flag text,
  primary key (point_id, time, factor, kind)
) partition by range (time);
create index readings_time_brin on readings using brin (time);

create function readings_ensure_month(m date) returns void language plpgsql as $$
declare
  start date := date_trunc('month', m)::date;
  name text := 'readings_' || to_char(date_trunc('month', m), 'YYYYMM');
begin
  perform pg_advisory_xact_lock(727006);
  if to_regclass(name) is null then
    execute format('create table %I partition of readings for values from (%L) to (%L)', name,
      to_char(start, 'YYYY-MM-DD') || ' 00:00:00+00', to_char((start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
  end if;
end $$;

-- Rollups, local time of China (UTC+8) for day and month. n/sum/min/max of the readings of the bucket.
create table readings_hourly (
  point_id integer not null, bucket timestamptz not null, factor text not null, kind text not null,
  n integer not null, sum double precision not null, min double precision not null, max double precision not null,
  primary key (point_id, bucket, factor, kind)
);
create table readings_daily (
  point_id integer not null, day date not null, factor text not null, kind text not null,
  n integer not null, sum double precision not null, min double precision not null, max double precision not null,
  primary key (point_id, day, factor, kind)
);
create table readings_monthly (
  point_id integer not null, month date not null, factor text not null, kind text not null,
  n integer not null, sum double precision not null, min double precision not null, max double precision not null,
  primary key (point_id, month, factor, kind)
);

-- What ingestion noticed: refused connections (unknown MN, wrong PW), content warnings, framing errors.
create table monitoring_events (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  point_id integer references monitoring_points (id) on delete set null,
  mn text,
  remote text,
  code text not null,
  detail text
);
create index monitoring_events_point on monitoring_events (point_id, at);

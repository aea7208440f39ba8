-- Foundation: regions, organisations, users and roles, sessions, the audit log, settings.
-- Runs on PGlite (PG 18) and PostgreSQL 15: keep to PG 15 syntax.

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- Region hierarchy: province → city → county/district → development zone / park.
-- GB/T 2260 six-digit codes where they exist; development zones and cross-region areas get local codes.
create table regions (
  id integer generated always as identity primary key,
  code text not null unique,
  code_kind text not null check (code_kind in ('gbt2260', 'local')),
  name text not null,
  name_en text not null,
  level text not null check (level in ('country', 'province', 'city', 'county', 'zone', 'cross_region')),
  parent_id integer references regions (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (code_kind <> 'gbt2260' or code ~ '^[1-8][0-9]{5}$')
);
create index regions_parent on regions (parent_id);

-- A cross-region area (成渝地区双城经济圈) spans several regions without being their parent.
create table region_members (
  region_id integer not null references regions (id) on delete cascade,
  member_id integer not null references regions (id) on delete cascade,
  primary key (region_id, member_id)
);

create table organisations (
  id integer generated always as identity primary key,
  region_id integer not null references regions (id),
  kind text not null check (kind in ('office', 'department', 'enterprise', 'verifier')),
  name text not null,
  name_en text,
  short_name text,
  credit_code text unique,          -- 统一社会信用代码 (GB 32100-2015), required for enterprises
  industry_code text,               -- GB/T 4754-2017
  key_energy_user boolean not null default false,  -- 重点用能单位
  key_emitter boolean not null default false,      -- 重点排放单位
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (region_id, name),
  check (kind <> 'enterprise' or credit_code is not null)
);
create index organisations_region on organisations (region_id, kind);

create table users (
  id integer generated always as identity primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table user_roles (
  id integer generated always as identity primary key,
  user_id integer not null references users (id) on delete cascade,
  role text not null check (role in ('admin', 'office', 'department', 'district', 'enterprise', 'verifier', 'viewer')),
  region_id integer references regions (id),
  organisation_id integer references organisations (id),
  unique nulls not distinct (user_id, role, region_id, organisation_id)
);
create index user_roles_user on user_roles (user_id);

create table sessions (
  token_hash text primary key,      -- sha-256 of the cookie value; the token itself is never stored
  user_id integer not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  user_agent text,
  ip text
);
create index sessions_user on sessions (user_id);

-- Append-only, hash-chained audit log of every change to business data.
-- hash = sha256(canonical JSON of the entry incl. prev_hash); the chain is checked by `audit verify`.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id integer,
  actor_name text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  region_id integer,
  organisation_id integer,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null unique
);
create index audit_entity on audit_log (entity_type, entity_id, seq);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

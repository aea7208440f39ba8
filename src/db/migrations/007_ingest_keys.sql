-- API keys of enterprises for batch ingestion over HTTP (and MQTT on the embedded broker).
-- Only the SHA-256 of the key is kept; the key itself is shown once, when it is created.
-- Runs on PGlite (PG 18) and PostgreSQL 15: keep to PG 15 syntax.

create table ingest_keys (
  id integer generated always as identity primary key,
  organisation_id integer not null references organisations (id),
  name text not null check (length(name) between 1 and 100),
  -- the start of the key (stk_ + 12 hex digits): how users tell their keys apart
  prefix text not null unique check (prefix ~ '^stk_[0-9a-f]{12}$'),
  secret_hash text not null unique check (secret_hash ~ '^[0-9a-f]{64}$'),
  created_by integer references users (id),
  created_by_name text not null,
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by integer references users (id)
);
create index ingest_keys_org on ingest_keys (organisation_id);

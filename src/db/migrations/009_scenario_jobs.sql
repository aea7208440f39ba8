-- A stored scenario run is a job: queued, running (with its progress), done (with its report) or failed (with
-- the bilingual error). Runs stored before this migration were computed in the request: they are done.
-- heartbeat_at is refreshed by the process working on a job; a job whose heartbeat stopped was interrupted.

alter table scenario_runs
  add column status text not null default 'done' check (status in ('queued', 'running', 'done', 'failed')),
  add column percent smallint not null default 100 check (percent between 0 and 100),
  add column options jsonb not null default '{}',
  add column error jsonb,
  add column started_at timestamptz,
  add column finished_at timestamptz,
  add column heartbeat_at timestamptz,
  alter column report drop not null;

alter table scenario_runs add constraint scenario_runs_report_when_done check (status <> 'done' or report is not null);
create index scenario_runs_active on scenario_runs (status) where status in ('queued', 'running');

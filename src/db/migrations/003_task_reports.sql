-- Task progress reports (清单化、闭环化): a department reports on a task for a period, the office reviews.

create table task_reports (
  id integer generated always as identity primary key,
  task_id integer not null references plan_tasks (id) on delete cascade,
  organisation_id integer not null references organisations (id),
  period text not null check (period ~ '^[0-9]{4}(-(H[12]|Q[1-4]))?$'),  -- 2024, 2024-H1, 2024-Q3
  narrative text not null,
  percent integer not null check (percent between 0 and 100),
  status text not null check (status in ('submitted', 'approved', 'returned')),
  submitted_by integer references users (id),
  submitted_at timestamptz not null,
  reviewed_by integer references users (id),
  reviewed_at timestamptz,
  review_comment text,
  unique (task_id, organisation_id, period)
);
create index task_reports_period on task_reports (period, status);

create table report_files (
  id integer generated always as identity primary key,
  report_id integer not null references task_reports (id) on delete cascade,
  name text not null,
  mime text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null
);
create index report_files_report on report_files (report_id);

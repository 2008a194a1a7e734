-- One row per imported dataset, its version counted up in the transaction of every import that
-- changes it (DataChanges). Each running service compares the versions with those it has seen,
-- every few seconds, and refreshes what it keeps in memory from a dataset that changed, whichever
-- process or node imported it. Rows are never claimed or deleted, so every node sees every change.
create table platform_data_version (
  dataset text primary key,
  version bigint not null,
  changed_at timestamptz not null default now()
);

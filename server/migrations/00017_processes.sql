-- Several server processes on one database.
-- The Socket.IO PostgreSQL adapter sends a broadcast larger than NOTIFY allows (8,000 bytes) as
-- a row here and notifies its id; each process deletes rows older than 30 s.
create table socket_io_attachments (
  id          bigserial unique,
  created_at  timestamptz default now(),
  payload     bytea
);

-- Scheduled work done once for the whole deployment: the process that inserts a job's slot
-- (its hour, its night) does the work; the others find the row and skip it.
create table job_run (
  job         text not null,
  slot        text not null,
  started_at  timestamptz not null,
  primary key (job, slot)
);

-- The register is its history: a correction is a new row with its reason, and the current mark
-- (attendance_mark) follows inserts only. The database refuses edits and deletions, so no
-- path, script or hand-typed statement can rewrite what a day said. A restore empties the
-- table with TRUNCATE, which this does not cover.
create function attendance_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'attendance_log is append-only: % refused; record a correction as a new row', tg_op
    using errcode = 'feature_not_supported';
end
$$;

create trigger attendance_log_append_only before update or delete on attendance_log
  for each statement execute function attendance_log_append_only();

-- The current mark of each pupil-day: the newest attendance_log row for it, kept by the database
-- on every insert into the log. The log stays the register (append-only, every correction kept);
-- this is where "the newest row wins" is decided once, so readers look a pupil-day up instead of
-- sorting its whole history (the guidance view sorted a school's year: 200,000 rows).
create table attendance_mark (
  pupil_id   integer not null references pupil(id),
  date       date not null,
  school_id  integer not null references school(id),
  log_id     bigint not null references attendance_log(id),
  -- Null: the mark was cleared (a withdrawn report), as in the log.
  code_id    integer references attendance_code(id),
  -- The mark counts exactly like no mark: a plain 出席 or a cleared one. A code's meaning never
  -- changes once it exists (codes are only ever added), so this can be decided when the row is written.
  plain      boolean not null,
  primary key (pupil_id, date)
);
-- A day's marks (the board's snapshot, the 9:00 notices).
create index on attendance_mark (school_id, date);
-- The register's counts and the guidance view read only the marks that count: about one in ten.
create index on attendance_mark (school_id, pupil_id, date) where not plain;

-- Whether a mark with this code counts exactly like no mark (null: a cleared mark).
create function attendance_code_plain(code_id integer) returns boolean language sql stable as $$
  select coalesce((select not (k.excused or k.counts_absent or k.is_late or k.is_early_leave or k.provisional)
                   from attendance_code k where k.id = code_id), true)
$$;

-- ... and the database holds the code to it: `plain` was decided from these columns.
create function attendance_code_meaning_fixed() returns trigger language plpgsql as $$
begin
  raise exception 'the meaning of attendance code % cannot change once it exists; add a new code instead', old.code;
end
$$;

create trigger attendance_code_meaning_fixed before update of counts_absent, excused, is_late, is_early_leave, provisional on attendance_code
  for each row when ((old.counts_absent, old.excused, old.is_late, old.is_early_leave, old.provisional)
                     is distinct from (new.counts_absent, new.excused, new.is_late, new.is_early_leave, new.provisional))
  execute function attendance_code_meaning_fixed();

create function attendance_mark_follow() returns trigger language plpgsql as $$
begin
  insert into attendance_mark (pupil_id, date, school_id, log_id, code_id, plain)
  select distinct on (a.pupil_id, a.date) a.pupil_id, a.date, a.school_id, a.id, a.code_id, attendance_code_plain(a.code_id)
  from added a
  order by a.pupil_id, a.date, a.id desc
  -- Ids are handed out in insert order, so of two transactions marking the same pupil-day the
  -- later row wins whichever commits first, as it does when the log is read newest first.
  on conflict (pupil_id, date) do update
    set log_id = excluded.log_id, code_id = excluded.code_id, plain = excluded.plain
    where attendance_mark.log_id < excluded.log_id;
  return null;
end
$$;

create trigger attendance_mark_follow after insert on attendance_log
  referencing new table as added for each statement execute function attendance_mark_follow();

insert into attendance_mark (pupil_id, date, school_id, log_id, code_id, plain)
select distinct on (l.pupil_id, l.date) l.pupil_id, l.date, l.school_id, l.id, l.code_id, attendance_code_plain(l.code_id)
from attendance_log l
order by l.pupil_id, l.date, l.id desc;

-- Issue 5: class and grade closures, school events, guidance notes, and an index for
-- per-pupil register reads over a date range.

-- 学級閉鎖・学年閉鎖 over a range of days: the days stay school days for the school, but are
-- 出席停止・忌引等 for the pupils of the class (or grade) closed.
create table class_closure (
  id              integer generated always as identity primary key,
  school_id       integer not null references school(id),
  school_year_id  integer not null references school_year(id),
  class_id        integer references school_class(id),
  grade           integer check (grade between 1 and 9),
  from_date       date not null,
  to_date         date not null,
  label           text not null default '',
  created_by      integer references staff(id),
  created_at      timestamptz not null default now(),
  check (from_date <= to_date),
  -- Exactly one of a class or a grade.
  check ((class_id is null) <> (grade is null))
);
create index on class_closure (school_id, from_date, to_date);

-- School events (行事) shown on the calendar, to staff and, when marked so, to guardians.
create table calendar_event (
  id                    integer generated always as identity primary key,
  school_id             integer not null references school(id),
  from_date             date not null,
  to_date               date not null,
  title                 text not null check (length(title) between 1 and 100),
  visible_to_guardians  boolean not null default true,
  created_by            integer references staff(id),
  created_at            timestamptz not null default now(),
  check (from_date <= to_date)
);
create index on calendar_event (school_id, from_date);

-- 生徒指導: a memo per pupil and year, the long-absence reason category staff chose for the
-- board-of-education list, and when the pupil was reported to the board.
create table guidance_note (
  school_id               integer not null references school(id),
  school_year_id          integer not null references school_year(id),
  pupil_id                integer not null references pupil(id),
  memo                    text not null default '',
  long_absence_reason     text check (long_absence_reason in ('illness', 'economic', 'truancy', 'other')),
  reported_to_board_at    timestamptz,
  updated_by              integer references staff(id),
  updated_at              timestamptz not null default now(),
  primary key (school_year_id, pupil_id)
);

-- The register and the badges read one pupil's current marks over a range.
create index on attendance_log (school_id, pupil_id, date, id desc);

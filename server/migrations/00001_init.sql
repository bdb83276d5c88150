-- Asagao: the foundation. Every row belongs to a school (guardians are city-wide people,
-- linked to a school through their pupils). Times are timestamptz; school dates are date.

create table school (
  id          integer generated always as identity primary key,
  name        text not null check (length(name) between 1 and 100),
  time_zone   text not null default 'Asia/Tokyo',
  settings    jsonb not null default '{}',
  -- The school's change sequence: every committed change takes the next number.
  seq         bigint not null default 0,
  created_at  timestamptz not null default now()
);

create table school_year (
  id           integer generated always as identity primary key,
  school_id    integer not null references school(id),
  fiscal_year  integer not null check (fiscal_year between 2000 and 2100),
  starts_on    date not null,
  ends_on      date not null,
  unique (school_id, fiscal_year),
  check (starts_on <= ends_on)
);

-- Vacations, closures and extra school days; national holidays come from a data package.
create table calendar_day (
  school_id  integer not null references school(id),
  date       date not null,
  kind       text not null check (kind in ('closed', 'extra_school_day')),
  label      text not null default '',
  primary key (school_id, date)
);

create table school_class (
  id              integer generated always as identity primary key,
  school_id       integer not null references school(id),
  school_year_id  integer not null references school_year(id),
  grade           integer not null check (grade between 1 and 9),
  name            text not null check (length(name) between 1 and 20),
  sort_order      integer not null default 0,
  unique (school_year_id, grade, name)
);
create index on school_class (school_id, school_year_id);

create table pupil (
  id            integer generated always as identity primary key,
  school_id     integer not null references school(id),
  family_name   text not null,
  given_name    text not null,
  family_kana   text not null default '',
  given_kana    text not null default '',
  enrolled_on   date not null,
  left_on       date,
  created_at    timestamptz not null default now()
);
create index on pupil (school_id);

-- A pupil's class and attendance number in one school year.
create table class_membership (
  school_id          integer not null references school(id),
  school_year_id     integer not null references school_year(id),
  pupil_id           integer not null references pupil(id),
  class_id           integer not null references school_class(id),
  attendance_number  integer not null check (attendance_number between 1 and 99),
  primary key (school_year_id, pupil_id),
  unique (class_id, attendance_number)
);
create index on class_membership (class_id);

create table staff (
  id             integer generated always as identity primary key,
  school_id      integer not null references school(id),
  login_id       text not null,
  password_hash  text not null,
  family_name    text not null,
  given_name     text not null,
  roles          text[] not null check (roles <@ array['admin','principal','vice_principal','teacher','support','nurse']),
  disabled_at    timestamptz,
  created_at     timestamptz not null default now()
);
create unique index staff_login on staff (lower(login_id));

create table homeroom_assignment (
  school_id  integer not null references school(id),
  class_id   integer not null references school_class(id),
  staff_id   integer not null references staff(id),
  is_main    boolean not null default true,
  primary key (class_id, staff_id)
);
create index on homeroom_assignment (staff_id);

create table guardian (
  id             integer generated always as identity primary key,
  login_id       text not null,
  password_hash  text not null,
  family_name    text not null,
  given_name     text not null,
  email          text,
  phone          text,
  disabled_at    timestamptz,
  created_at     timestamptz not null default now()
);
create unique index guardian_login on guardian (lower(login_id));

create table guardian_pupil (
  school_id     integer not null references school(id),
  guardian_id   integer not null references guardian(id),
  pupil_id      integer not null references pupil(id),
  relationship  text not null default '',
  linked_at     timestamptz not null default now(),
  primary key (guardian_id, pupil_id)
);
create index on guardian_pupil (pupil_id);

-- Marks with meaning: code asks these columns, never the code's name.
create table attendance_code (
  id                   integer generated always as identity primary key,
  school_id            integer not null references school(id),
  code                 text not null,
  label                text not null,
  short_label          text not null,
  on_site              boolean not null,
  counts_absent        boolean not null,
  excused              boolean not null,
  is_late              boolean not null,
  is_early_leave       boolean not null,
  provisional          boolean not null,
  guardian_selectable  boolean not null,
  future_allowed       boolean not null,
  sort_order           integer not null default 0,
  unique (school_id, code)
);

create table school_reason (
  id                 integer generated always as identity primary key,
  school_id          integer not null references school(id),
  label              text not null,
  category           text not null check (category in ('illness','injury','family','suspension','bereavement','appointment','other')),
  suggested_code_id  integer not null references attendance_code(id),
  sort_order         integer not null default 0,
  active             boolean not null default true,
  unique (school_id, label)
);

-- One guardian submission (one form, one or several children); the idempotency key makes
-- a double tap or a retry return the same receipt.
create table guardian_submission (
  id               integer generated always as identity primary key,
  guardian_id      integer not null references guardian(id),
  idempotency_key  text not null,
  request_hash     text not null,
  created_at       timestamptz not null default now(),
  unique (guardian_id, idempotency_key)
);

-- What the family said: evidence, never edited; withdrawal is a timestamp.
create table guardian_report (
  id              integer generated always as identity primary key,
  school_id       integer not null references school(id),
  submission_id   integer not null references guardian_submission(id),
  guardian_id     integer not null references guardian(id),
  pupil_id        integer not null references pupil(id),
  kind            text not null check (kind in ('absent','late','early_leave')),
  from_date       date not null,
  to_date         date not null,
  reason_id       integer not null references school_reason(id),
  symptoms        text[] not null default '{}',
  temperature     numeric(3,1),
  expected_time   time,
  message         text not null default '',
  submitted_at    timestamptz not null default now(),
  withdrawn_at    timestamptz,
  check (from_date <= to_date)
);
create index on guardian_report (guardian_id, submitted_at desc);
create index on guardian_report (pupil_id);

-- The school days a report covers (a range skips non-school days).
create table guardian_report_day (
  school_id  integer not null references school(id),
  report_id  integer not null references guardian_report(id),
  pupil_id   integer not null references pupil(id),
  date       date not null,
  primary key (report_id, date)
);
create index on guardian_report_day (school_id, date);

create table report_acknowledgement (
  report_id        integer primary key references guardian_report(id),
  school_id        integer not null references school(id),
  staff_id         integer not null references staff(id),
  acknowledged_at  timestamptz not null default now()
);

-- The register: append-only. The current mark of a pupil-day is its newest row;
-- a row with a null code clears the mark (e.g. a withdrawn report).
create table attendance_log (
  id                 bigint generated always as identity primary key,
  school_id          integer not null references school(id),
  seq                bigint not null,
  pupil_id           integer not null references pupil(id),
  date               date not null,
  code_id            integer references attendance_code(id),
  suggested_code_id  integer references attendance_code(id),
  source             text not null check (source in ('guardian','phone','teacher','office','system')),
  actor_staff_id     integer references staff(id),
  actor_guardian_id  integer references guardian(id),
  report_id          integer references guardian_report(id),
  at_time            time,
  note               text not null default '',
  recorded_at        timestamptz not null default now()
);
create index on attendance_log (school_id, date, pupil_id, id desc);
create index on attendance_log (pupil_id, date, id desc);

-- Every committed change, numbered by the school's sequence (pages resync by it).
create table school_event (
  school_id   integer not null references school(id),
  seq         bigint not null,
  kind        text not null,
  payload     jsonb not null,
  created_at  timestamptz not null default now(),
  primary key (school_id, seq)
);

create table board_device (
  id                   integer generated always as identity primary key,
  school_id            integer not null references school(id),
  name                 text not null,
  pairing_code_hash    text,
  pairing_expires_at   timestamptz,
  token_hash           text unique,
  paired_at            timestamptz,
  revoked_at           timestamptz,
  last_seen_at         timestamptz,
  created_by           integer references staff(id),
  created_at           timestamptz not null default now()
);
create index on board_device (pairing_code_hash);

-- Server-side sessions for people; the cookie holds a random token, the table its hash.
create table user_session (
  token_hash    text primary key,
  staff_id      integer references staff(id),
  guardian_id   integer references guardian(id),
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  last_seen_at  timestamptz not null default now(),
  user_agent    text not null default '',
  check ((staff_id is null) <> (guardian_id is null))
);
create index on user_session (staff_id);
create index on user_session (guardian_id);

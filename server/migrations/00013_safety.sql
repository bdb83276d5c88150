-- 安否確認: a confirmation sent to every family of its target, their answers per child, reminders.

create table safety_confirmation (
  id                      integer generated always as identity primary key,
  school_id               integer not null references school(id),
  school_year_id          integer not null references school_year(id),
  template                text not null check (template in ('earthquake', 'storm', 'intruder', 'fire', 'drill', 'free')),
  situation               text not null check (situation in ('in_school', 'out_of_school')),
  drill                   boolean not null,
  title                   text not null check (length(title) between 1 and 100),
  message                 text not null,
  -- As the staff chose it (school, grades or classes); the pupils it reached are safety_target.
  target                  jsonb not null,
  reminder_every_minutes  integer check (reminder_every_minutes in (15, 30, 60)),
  started_by              integer not null references staff(id),
  started_at              timestamptz not null,
  closed_by               integer references staff(id),
  closed_at               timestamptz
);
-- One open confirmation per school: the board has one safety mode, families one question.
create unique index safety_confirmation_open on safety_confirmation (school_id) where closed_at is null;
create index on safety_confirmation (school_id, started_at desc);

-- The pupils asked, with their class, fixed when the confirmation starts so the tally does
-- not move with the roster. The counting answer is kept here (the first guardian to answer,
-- their newest answer), so the tally is one scan of this table.
create table safety_target (
  confirmation_id       integer not null references safety_confirmation(id),
  pupil_id              integer not null references pupil(id),
  class_id              integer not null references school_class(id),
  counting_guardian_id  integer references guardian(id),
  status                text check (status in ('safe', 'injured', 'unknown', 'other')),
  answered_at           timestamptz,
  primary key (confirmation_id, pupil_id)
);
create index on safety_target (pupil_id);

-- Every answer of every guardian, never rewritten: a change is a new row.
create table safety_answer (
  id               integer generated always as identity primary key,
  confirmation_id  integer not null,
  pupil_id         integer not null,
  guardian_id      integer not null references guardian(id),
  status           text not null check (status in ('safe', 'injured', 'unknown', 'other')),
  whereabouts      text check (whereabouts in ('home', 'school', 'shelter', 'other')),
  pickup           text check (pickup in ('parent', 'other_person', 'wait_at_school', 'undecided')),
  pickup_time      time,
  note             text not null default '',
  answered_at      timestamptz not null,
  foreign key (confirmation_id, pupil_id) references safety_target (confirmation_id, pupil_id)
);
create index on safety_answer (confirmation_id, pupil_id, id);

-- Reminders to the families that had not answered: by hand (sent_by) or on the schedule (null).
create table safety_reminder (
  id               integer generated always as identity primary key,
  confirmation_id  integer not null references safety_confirmation(id),
  sent_by          integer references staff(id),
  sent_at          timestamptz not null,
  families         integer not null,
  pupils           integer not null
);
create index on safety_reminder (confirmation_id, sent_at);

-- The outbox carries confirmation e-mail too: a row belongs to a notice or to a confirmation.
alter table outbox alter column notice_id drop not null;
alter table outbox add column safety_id integer references safety_confirmation(id);
create index on outbox (safety_id);

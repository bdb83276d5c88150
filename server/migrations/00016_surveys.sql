-- アンケート: surveys staff build and families answer. The questions are kept as written
-- (jsonb, checked by the shared schema at the boundary) and frozen once published.
create table survey (
  id            integer generated always as identity primary key,
  school_id     integer not null references school(id),
  school_year_id integer not null references school_year(id),
  title         text not null,
  description   text not null default '',
  per           text not null check (per in ('child', 'family')),
  target        jsonb not null,
  questions     jsonb not null,
  deadline      timestamptz not null,
  remind_at     timestamptz,
  status        text not null check (status in ('draft', 'open', 'closed')) default 'draft',
  created_by    integer not null references staff(id),
  created_at    timestamptz not null,
  published_at  timestamptz,
  closed_at     timestamptz,
  -- The last reminder (by hand or the scheduled one); the scheduled one is sent once.
  reminded_at   timestamptz,
  scheduled_reminder_done boolean not null default false
);
create index on survey (school_id, status);
create index survey_due_reminder on survey (remind_at) where status = 'open' and not scheduled_reminder_done;

-- Who the survey went to, fixed when it was published: each pupil with their class then, and
-- the family they belong to (the lowest pupil id among children sharing a guardian), which
-- keys a per-family answer.
create table survey_pupil (
  survey_id   integer not null references survey(id) on delete cascade,
  pupil_id    integer not null references pupil(id),
  class_id    integer not null references school_class(id),
  family_key  integer not null,
  primary key (survey_id, pupil_id)
);
create index on survey_pupil (pupil_id);

-- One answer per child, or per family: `subject` is the pupil id or the family key. A second
-- answer (another guardian, a change before the deadline) replaces it.
create table survey_answer (
  survey_id    integer not null references survey(id) on delete cascade,
  subject      integer not null,
  guardian_id  integer not null references guardian(id),
  answers      jsonb not null,
  answered_at  timestamptz not null,
  first_answered_at timestamptz not null,
  primary key (survey_id, subject)
);

-- Reminders go through the same outbox as the not-arrived notices.
alter table outbox alter column notice_id drop not null;
alter table outbox add column survey_id integer references survey(id) on delete cascade;

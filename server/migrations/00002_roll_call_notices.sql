-- issue 4: the morning roll call and the follow-up of pupils who have not arrived.

-- Whether a class's roll was taken on a day, by whom and when. The first confirmation
-- stands: a later tap does not rewrite who took the roll.
create table roll_call (
  school_id  integer not null references school(id),
  class_id   integer not null references school_class(id),
  date       date not null,
  staff_id   integer not null references staff(id),
  taken_at   timestamptz not null,
  primary key (class_id, date)
);
create index on roll_call (school_id, date);

-- Staff-only notes on a pupil ("足の怪我は大丈夫?"); never shown to guardians or the board.
create table staff_note (
  id          integer generated always as identity primary key,
  school_id   integer not null references school(id),
  pupil_id    integer not null references pupil(id),
  staff_id    integer not null references staff(id),
  date        date not null,
  body        text not null check (length(body) between 1 and 1000),
  created_at  timestamptz not null default now()
);
create index on staff_note (pupil_id, created_at desc);

-- "Your child has not arrived": one notice per pupil and day at most (never twice by accident).
-- The text is rendered once from the school's template and kept as sent (evidence).
create table not_arrived_notice (
  id              integer generated always as identity primary key,
  school_id       integer not null references school(id),
  pupil_id        integer not null references pupil(id),
  date            date not null,
  sent_by         integer not null references staff(id),
  sent_at         timestamptz not null,
  subject         text not null,
  body            text not null,
  answer          text check (answer in ('late', 'absent', 'should_be_at_school', 'will_call')),
  answer_time     time,
  answer_reason_id integer references school_reason(id),
  answer_message  text not null default '',
  answered_by     integer references guardian(id),
  answered_at     timestamptz,
  unique (pupil_id, date)
);
create index on not_arrived_notice (school_id, date);

-- What is to be delivered, written in the transaction that decides to send. The worker
-- delivers e-mail with retries; in-app delivery is the notice itself ('sent' at once).
create table outbox (
  id               integer generated always as identity primary key,
  school_id        integer not null references school(id),
  notice_id        integer not null references not_arrived_notice(id),
  guardian_id      integer not null references guardian(id),
  channel          text not null check (channel in ('in_app', 'email')),
  recipient        text not null,
  subject          text not null,
  body             text not null,
  status           text not null check (status in ('pending', 'sending', 'sent', 'captured', 'failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  last_error       text,
  sent_at          timestamptz,
  created_at       timestamptz not null
);
create index on outbox (status, next_attempt_at);
create index on outbox (notice_id);

-- The office's phone calls to families that did not answer.
create table call_record (
  id           integer generated always as identity primary key,
  school_id    integer not null references school(id),
  pupil_id     integer not null references pupil(id),
  date         date not null,
  staff_id     integer not null references staff(id),
  called_at    timestamptz not null,
  outcome      text not null check (outcome in ('reached', 'no_answer', 'left_message')),
  note         text not null default ''
);
create index on call_record (pupil_id, date);

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

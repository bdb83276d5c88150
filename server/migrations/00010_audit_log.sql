-- Who read health notes or a pupil's history, and who corrected the register: one row per
-- audited act. Kept five years (the legal period of the 出席簿) and then pruned.
create table audit_log (
  id          bigint generated always as identity primary key,
  school_id   integer not null references school(id),
  at          timestamptz not null,
  staff_id    integer references staff(id),
  roles       text[] not null,
  action      text not null,
  pupil_id    integer references pupil(id),
  class_id    integer references school_class(id),
  date_from   date,
  date_to     date,
  detail      text not null default '',
  address     text not null,
  -- Set for reads logged once per session and day (the live board's health notes): a repeat is ignored.
  once_key    text,
  check (date_from is null or date_to is null or date_from <= date_to)
);
create index on audit_log (school_id, at desc, id desc);
create index on audit_log (at);
create unique index on audit_log (school_id, once_key) where once_key is not null;

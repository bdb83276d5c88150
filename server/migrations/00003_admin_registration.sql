-- Issue 6: roster import, guardian registration codes, password reset codes.

-- The roster file's own pupil number (学籍番号 etc.), when the school's export has one:
-- re-imports match pupils by it, otherwise by name and kana.
alter table pupil add column external_id text;
create unique index pupil_external_id on pupil (school_id, external_id) where external_id is not null;
-- The guardian's name from the roster, printed on the registration letter.
alter table pupil add column guardian_name text not null default '';
-- Why a pupil left: 'graduated' (進級 without the top grade) or 'left' (missing from a roster).
alter table pupil add column left_reason text check (left_reason in ('graduated', 'left'));

-- The admin maps the export's Japanese header once; the mapping is remembered per school.
create table roster_mapping (
  school_id   integer primary key references school(id),
  mapping     jsonb not null,
  updated_at  timestamptz not null default now()
);

-- A registration code printed on a letter. Kept readable (not hashed) because letters are
-- reprinted; it is single-use, expires, and guessing is rate-limited.
create table registration_code (
  id                 integer generated always as identity primary key,
  school_id          integer not null references school(id),
  pupil_id           integer not null references pupil(id),
  code               text not null unique,
  expires_at         timestamptz not null,
  created_by         integer references staff(id),
  created_at         timestamptz not null default now(),
  revoked_at         timestamptz,
  used_at            timestamptz,
  used_by_guardian   integer references guardian(id)
);
create index on registration_code (school_id, pupil_id);

-- A one-time password reset code a staff member hands over (works without e-mail).
create table password_reset_code (
  code_hash     text primary key,
  staff_id      integer references staff(id),
  guardian_id   integer references guardian(id),
  school_id     integer not null references school(id),
  created_by    integer not null references staff(id),
  expires_at    timestamptz not null,
  used_at       timestamptz,
  created_at    timestamptz not null default now(),
  check ((staff_id is null) <> (guardian_id is null))
);

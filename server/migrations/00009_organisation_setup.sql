-- First run without the demo: the organisation that runs the schools (a 市区町村 or a 学校法人),
-- its administrators, the schools' 学校コード and the one-time setup link.

create table organisation (
  id          integer generated always as identity primary key,
  kind        text not null check (kind in ('municipality', 'school_corporation')),
  name        text not null check (length(name) between 1 and 100),
  created_at  timestamptz not null default now()
);

alter table school add column organisation_id integer references organisation(id);
-- 文部科学省の学校コード (13 characters), optional; unique where given.
alter table school add column school_code text check (school_code ~ '^[A-H][0-9]{12}$');
create unique index school_code_unique on school (school_code) where school_code is not null;
create index on school (organisation_id);

-- A city administrator belongs to an organisation, not to a school: exactly one of the two.
alter table staff alter column school_id drop not null;
alter table staff add column organisation_id integer references organisation(id);
alter table staff drop constraint staff_roles_check;
alter table staff add constraint staff_roles_check
  check (roles <@ array['admin','principal','vice_principal','teacher','support','nurse','city_admin']);
alter table staff add constraint staff_school_or_organisation check (
  (school_id is not null and organisation_id is null and not ('city_admin' = any(roles)))
  or (school_id is null and organisation_id is not null and roles = array['city_admin']));

-- The setup link printed at first start: only the hash of its token is kept.
create table setup_token (
  token_hash  text primary key,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz
);

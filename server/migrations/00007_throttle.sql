-- Attempt counters for logins, password resets, registration and pairing codes. Kept in the
-- database so every server process counts together, and counted in the same statement that
-- checks them, before any password or code is looked at.
create table throttle (
  key           text primary key,
  window_start  timestamptz not null,
  window_ms     integer not null check (window_ms > 0),
  attempts      integer not null check (attempts >= 0)
);
create index on throttle (window_start);

-- Browsers that logged in to an account before. A correct password from one of them gets
-- through a lock that other people's guessing put on the account.
create table known_device (
  token_hash    text not null,
  login_key     text not null,
  created_at    timestamptz not null,
  last_used_at  timestamptz not null,
  primary key (token_hash, login_key)
);

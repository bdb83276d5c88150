-- Web Push: a guardian's devices that asked for notifications, and what is queued for them.

-- The server's VAPID key pair, made on the first start. It lives beside the subscriptions
-- because every subscription is bound to this public key: a backup restored elsewhere, or a
-- second server process, must push with the same pair or every device stops receiving.
create table push_vapid (
  id           boolean primary key default true check (id),
  public_key   text not null,
  private_key  text not null,
  created_at   timestamptz not null
);

-- One row per browser that subscribed (the push service's endpoint is the browser's address).
-- The browser decides the endpoint, so a second guardian logging in on a shared device takes
-- the row over rather than adding one.
create table push_subscription (
  id               integer generated always as identity primary key,
  guardian_id      integer not null references guardian(id) on delete cascade,
  endpoint         text not null unique,
  p256dh           text not null,
  auth             text not null,
  user_agent       text not null default '',
  created_at       timestamptz not null,
  last_success_at  timestamptz
);
create index on push_subscription (guardian_id);

-- Pushes to deliver, written in the transaction that decides to send, one per device; the
-- outbox worker sends them. A device that is gone (404/410) takes its queue with it.
create table push_outbox (
  id               integer generated always as identity primary key,
  school_id        integer not null references school(id),
  subscription_id  integer not null references push_subscription(id) on delete cascade,
  kind             text not null,
  payload          text not null,
  urgency          text not null check (urgency in ('very-low', 'low', 'normal', 'high')),
  status           text not null check (status in ('pending', 'sending', 'sent', 'failed', 'expired')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  expires_at       timestamptz not null,
  last_error       text,
  sent_at          timestamptz,
  created_at       timestamptz not null
);
create index on push_outbox (status, next_attempt_at);
create index on push_outbox (subscription_id);

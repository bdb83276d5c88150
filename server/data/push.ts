import type { Q } from '../db/types.js'

/** Web Push: the server's key pair, guardians' subscribed devices, and the push queue. */

export interface VapidKeys {
  publicKey: string
  privateKey: string
}

/** Keeps `fresh` only if no pair exists yet, and returns the pair that does: every process ends up with the same one. */
export async function keepVapidKeys(q: Q, fresh: VapidKeys, now: string): Promise<VapidKeys> {
  await q`insert into push_vapid (public_key, private_key, created_at) values (${fresh.publicKey}, ${fresh.privateKey}, ${now}) on conflict (id) do nothing`
  const [row] = await q<VapidKeys[]>`select public_key, private_key from push_vapid`
  return row!
}

export async function readVapidKeys(q: Q): Promise<VapidKeys | null> {
  const [row] = await q<VapidKeys[]>`select public_key, private_key from push_vapid`
  return row ?? null
}

export interface NewSubscription {
  guardianId: number
  endpoint: string
  p256dh: string
  auth: string
  userAgent: string
  now: string
}

/**
 * Saves a browser's subscription for this guardian. The endpoint names the browser, so the
 * same endpoint again (new keys, or another guardian on a shared device) replaces the row.
 */
export async function upsertSubscription(q: Q, s: NewSubscription): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into push_subscription (guardian_id, endpoint, p256dh, auth, user_agent, created_at)
    values (${s.guardianId}, ${s.endpoint}, ${s.p256dh}, ${s.auth}, ${s.userAgent.slice(0, 200)}, ${s.now})
    on conflict (endpoint) do update set guardian_id = excluded.guardian_id, p256dh = excluded.p256dh, auth = excluded.auth,
      user_agent = excluded.user_agent, created_at = case when push_subscription.guardian_id = excluded.guardian_id then push_subscription.created_at else excluded.created_at end
    returning id`
  return row!.id
}

/** Removes one of the guardian's subscriptions, by endpoint or id; false when it was not theirs or not there. */
export async function removeSubscription(q: Q, guardianId: number, which: { endpoint: string } | { id: number }): Promise<boolean> {
  const rows = 'endpoint' in which
    ? await q`delete from push_subscription where guardian_id = ${guardianId} and endpoint = ${which.endpoint} returning id`
    : await q`delete from push_subscription where guardian_id = ${guardianId} and id = ${which.id} returning id`
  return rows.length > 0
}

export interface DeviceRow {
  id: number
  userAgent: string
  /** ISO instants, as the connection parses them. */
  createdAt: string
  lastSuccessAt: string | null
}

export async function devicesOf(q: Q, guardianId: number): Promise<DeviceRow[]> {
  return q<DeviceRow[]>`
    select id, user_agent, created_at, last_success_at from push_subscription
    where guardian_id = ${guardianId} order by created_at, id`
}

export interface PushTarget {
  subscriptionId: number
  guardianId: number
  language: string | null
}

/** The subscribed devices of these guardians (disabled accounts left out). */
export async function devicesOfGuardians(q: Q, guardianIds: readonly number[]): Promise<PushTarget[]> {
  return q<PushTarget[]>`
    select s.id as subscription_id, g.id as guardian_id, g.language
    from push_subscription s join guardian g on g.id = s.guardian_id
    where g.id = any(${[...guardianIds]}::int[]) and g.disabled_at is null
    order by s.id`
}

/** The subscribed devices of every guardian linked to these pupils, each device once. */
export async function devicesOfPupils(q: Q, pupilIds: readonly number[]): Promise<PushTarget[]> {
  return q<PushTarget[]>`
    select s.id as subscription_id, g.id as guardian_id, g.language
    from push_subscription s join guardian g on g.id = s.guardian_id
    where g.disabled_at is null
      and g.id in (select guardian_id from guardian_pupil where pupil_id = any(${[...pupilIds]}::int[]))
    order by s.id`
}

export interface PushOutboxRow {
  schoolId: number
  subscriptionId: number
  kind: string
  payload: string
  urgency: 'very-low' | 'low' | 'normal' | 'high'
  status: 'pending'
  nextAttemptAt: string
  expiresAt: string
  createdAt: string
}

/** Rows go in slices: one statement's parameters stay well under PostgreSQL's limit of 65,535. */
export async function insertPushOutbox(q: Q, rows: readonly PushOutboxRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await q`insert into push_outbox ${q(rows.slice(i, i + 2000) as PushOutboxRow[])}`
}

export interface ClaimedPush {
  id: number
  subscriptionId: number
  kind: string
  payload: string
  urgency: PushOutboxRow['urgency']
  attempts: number
  expiresAt: string
  endpoint: string
  p256dh: string
  auth: string
}

/**
 * Claims due pushes ('sending', with a lease) in one statement, so two workers never send the
 * same row. Rows whose time to live ran out while waiting are marked 'expired' first: a late
 * alarm is worse than none once the school has moved on.
 */
export async function claimPushes(q: Q, now: string, leaseUntil: string, limit: number): Promise<ClaimedPush[]> {
  await q`
    update push_outbox set status = 'expired'
    where status in ('pending', 'sending') and next_attempt_at <= ${now} and expires_at <= ${now}`
  return q<ClaimedPush[]>`
    with claimed as (
      update push_outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ${leaseUntil}
      where id in (
        select id from push_outbox
        where status in ('pending', 'sending') and next_attempt_at <= ${now}
        order by id limit ${limit}
        for update skip locked
      )
      returning id, subscription_id, kind, payload, urgency, attempts, expires_at
    )
    select c.*, s.endpoint, s.p256dh, s.auth
    from claimed c join push_subscription s on s.id = c.subscription_id
    order by c.id`
}

/** Marks pushes the services accepted, and their devices' last success, in two statements for the lot. */
export async function markPushesSent(q: Q, sent: readonly { id: number; subscriptionId: number }[], now: string): Promise<void> {
  if (sent.length === 0) return
  await q`update push_outbox set status = 'sent', sent_at = ${now}, last_error = null where id = any(${sent.map((r) => r.id)}::int[])`
  await q`update push_subscription set last_success_at = ${now} where id = any(${[...new Set(sent.map((r) => r.subscriptionId))]}::int[])`
}

export async function markPushRetry(q: Q, id: number, status: 'pending' | 'failed', retryAt: string, error: string): Promise<void> {
  await q`update push_outbox set status = ${status}, next_attempt_at = ${retryAt}, last_error = ${error.slice(0, 500)} where id = ${id}`
}

/** The push service says the device is gone: the subscription goes, and its queue with it. */
export async function dropSubscription(q: Q, subscriptionId: number): Promise<void> {
  await q`delete from push_subscription where id = ${subscriptionId}`
}

/** Gives claimed rows back at a stop: due at once for the next process, the attempt not counted. */
export async function releasePushes(q: Q, ids: readonly number[], now: string): Promise<void> {
  if (ids.length === 0) return
  await q`
    update push_outbox set status = 'pending', attempts = attempts - 1, next_attempt_at = ${now}
    where id = any(${[...ids]}::int[]) and status = 'sending'`
}

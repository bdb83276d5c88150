import { z } from 'zod'
import { Instant, Ok } from './primitives.js'
import { get, IdParams, post } from './route.js'

/** A browser's push subscription as `PushSubscription.toJSON()` gives it. */
export const PushSubscribeRequest = z.object({
  /** Push services answer on HTTPS only; the server posts nowhere else. */
  endpoint: z.string().max(2048).url().regex(/^https:\/\//, 'must be an https address'),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The browser's P-256 public key: 65 bytes, uncompressed (0x04…), base64url. */
    p256dh: z.string().regex(/^B[A-Za-z0-9_-]{86}=?$/, 'must be an uncompressed P-256 key'),
    /** The 16-byte authentication secret, base64url. */
    auth: z.string().regex(/^[A-Za-z0-9_-]{22}(==)?$/, 'must be 16 bytes'),
  }),
})
export type PushSubscribeRequest = z.infer<typeof PushSubscribeRequest>

export const PushUnsubscribeRequest = z.object({ endpoint: z.string().max(2048) })

export const PushKey = z.object({
  /** The server's VAPID public key (base64url): the browser's `applicationServerKey`. */
  publicKey: z.string(),
})

export const PushDevice = z.object({
  id: z.number().int(),
  userAgent: z.string(),
  createdAt: Instant,
  lastSuccessAt: Instant.nullable(),
})
export type PushDevice = z.infer<typeof PushDevice>
export const PushDevices = z.object({ devices: z.array(PushDevice) })

/** A guardian's devices that receive notifications (Web Push). */
export const pushRoutes = {
  key: get('/api/guardian/push/key', { response: PushKey }),
  devices: get('/api/guardian/push/devices', { response: PushDevices }),
  /** This browser receives notifications; subscribing again with the same endpoint updates it. */
  subscribe: post('/api/guardian/push/devices', { body: PushSubscribeRequest, response: z.object({ ok: z.literal(true), id: z.number().int() }) }),
  /** This browser stops (the page knows its endpoint, not its id). */
  unsubscribe: post('/api/guardian/push/unsubscribe', { body: PushUnsubscribeRequest, response: Ok }),
  /** Another of the guardian's devices stops, from the list. */
  removeDevice: post('/api/guardian/push/devices/:id/remove', { params: IdParams, response: Ok }),
}

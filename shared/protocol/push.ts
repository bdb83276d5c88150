import { z } from 'zod'

/**
 * What a push carries to a guardian's device. Kept small on purpose: a push service sees when
 * it is sent and the device may show it on a locked screen, so the payload says only that
 * there is something to open and where; the details are read on the page after logging in.
 */
export const PUSH_LIMITS = { title: 80, body: 200, url: 300, tag: 64 } as const

export const PushPayload = z.object({
  title: z.string().min(1).max(PUSH_LIMITS.title),
  body: z.string().max(PUSH_LIMITS.body).default(''),
  /** A path on this server (the guardian page), opened when the notification is tapped. */
  url: z.string().max(PUSH_LIMITS.url).regex(/^\/(?!\/)/, 'must be a path on this server'),
  /** Notifications with the same tag replace each other on the device (one per confirmation, say). */
  tag: z.string().max(PUSH_LIMITS.tag).optional(),
  /** The `lang` of the text, so the device reads it in the right voice. */
  lang: z.string().max(16).optional(),
})
export type PushPayload = z.output<typeof PushPayload>
export type PushMessage = z.input<typeof PushPayload>

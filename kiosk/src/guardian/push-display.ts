import type { PushPayload } from '../../../shared/protocol/push.js'

/**
 * What the guardian pages' service worker shows for a push and opens on a tap, kept apart
 * from the worker so it can be tested on its own. No imports at run time: it is bundled into
 * the worker, which must stay a small classic script.
 */

export const HOME = '/guardian/'

/**
 * The two catalogue routes the worker calls itself when the browser renews a subscription
 * (both POST). Spelled out because the catalogue would bring zod into the worker; a test
 * holds them equal to `routes.push.subscribe` and `routes.push.unsubscribe`.
 */
export const WORKER_ROUTES = { subscribe: '/api/guardian/push/devices', unsubscribe: '/api/guardian/push/unsubscribe' } as const
/** Shown when a payload cannot be read: the guardian still learns that the school wrote. */
const FALLBACK_TITLE = '学校からのお知らせ'

export interface ShownNotification {
  title: string
  options: { body: string; tag?: string; lang?: string; data: { url: string }; renotify?: boolean }
}

/** Only a path on this server: a push must never send a guardian to another site. */
export function safePath(url: unknown): string {
  return typeof url === 'string' && /^\/(?!\/)/.test(url) && !/[\\\s]/.test(url) ? url : HOME
}

/** The notification for a push's text; a payload that is not ours shows the fallback and opens the home page. */
export function notificationFor(text: string | null | undefined): ShownNotification {
  let p: Partial<Record<keyof PushPayload, unknown>> = {}
  try {
    const parsed: unknown = JSON.parse(text ?? '')
    if (parsed && typeof parsed === 'object') p = parsed as typeof p
  } catch {
    // Not JSON: the fallback below.
  }
  const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '')
  const tag = str(p.tag, 64)
  const lang = str(p.lang, 16)
  return {
    title: str(p.title, 80) || FALLBACK_TITLE,
    options: {
      body: str(p.body, 200),
      data: { url: safePath(p.url) },
      // A newer push with the same tag replaces the old one, and still alerts.
      ...(tag ? { tag, renotify: true } : {}),
      ...(lang ? { lang } : {}),
    },
  }
}

/** The absolute address a tap opens, on the worker's own origin. */
export function clickTarget(data: unknown, origin: string): string {
  const url = data && typeof data === 'object' ? (data as { url?: unknown }).url : undefined
  return new URL(safePath(url), origin).href
}

/**
 * Which open window a tap brings forward: one already at the address, else any guardian page
 * (it is navigated there), else none and a new window opens.
 */
export function windowFor<W extends { url: string }>(windows: readonly W[], target: string): { window: W; navigate: boolean } | null {
  const exact = windows.find((w) => w.url === target)
  if (exact) return { window: exact, navigate: false }
  const origin = new URL(target).origin
  const guardian = windows.find((w) => w.url.startsWith(origin + HOME))
  return guardian ? { window: guardian, navigate: true } : null
}

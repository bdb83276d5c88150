/**
 * The guardian pages' service worker (/guardian/sw.js, scope /guardian/): shows the school's
 * pushes and opens the page on a tap. It caches nothing: the pages stay always-fresh.
 */
import { clickTarget, notificationFor, windowFor, WORKER_ROUTES } from './push-display.js'

// The DOM library has no service-worker scope; these are the few parts this worker uses.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void
}
interface PushEvent extends ExtendableEvent {
  data: { text(): string } | null
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification
}
interface PushSubscriptionChangeEvent extends ExtendableEvent {
  oldSubscription: PushSubscription | null
  newSubscription: PushSubscription | null
}
interface WindowClient {
  url: string
  focus(): Promise<WindowClient>
  navigate(url: string): Promise<WindowClient | null>
}
interface WorkerScope {
  location: Location
  registration: ServiceWorkerRegistration
  clients: { matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>; openWindow(url: string): Promise<unknown>; claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void
  addEventListener(type: 'push', listener: (e: PushEvent) => void): void
  addEventListener(type: 'notificationclick', listener: (e: NotificationEvent) => void): void
  addEventListener(type: 'pushsubscriptionchange', listener: (e: PushSubscriptionChangeEvent) => void): void
}
const worker = self as unknown as WorkerScope

worker.addEventListener('install', (e) => e.waitUntil(worker.skipWaiting()))
worker.addEventListener('activate', (e) => e.waitUntil(worker.clients.claim()))

worker.addEventListener('push', (e) => {
  const { title, options } = notificationFor(e.data?.text())
  e.waitUntil(worker.registration.showNotification(title, options))
})

worker.addEventListener('notificationclick', (e) => {
  e.notification.close()
  e.waitUntil(open(clickTarget(e.notification.data, worker.location.origin)))
})

async function open(target: string): Promise<void> {
  const found = windowFor(await worker.clients.matchAll({ type: 'window', includeUncontrolled: true }), target)
  if (!found) {
    await worker.clients.openWindow(target)
    return
  }
  const focused = await found.window.focus()
  // A window this worker does not control cannot be navigated: a new one opens instead.
  if (found.navigate) await focused.navigate(target).catch(() => worker.clients.openWindow(target))
}

// The browser renewed the subscription (its push service rotated it): the server learns the
// new one before the old endpoint starts answering 410. With no session the request is
// refused and the page re-sends the subscription at the guardian's next visit.
worker.addEventListener('pushsubscriptionchange', (e) => {
  e.waitUntil(renew(e.oldSubscription, e.newSubscription).catch(() => undefined))
})

async function renew(old: PushSubscription | null, renewed: PushSubscription | null): Promise<void> {
  const sub = renewed ?? (old ? await worker.registration.pushManager.subscribe(old.options) : null)
  if (!sub) return
  const json = sub.toJSON()
  await post(WORKER_ROUTES.subscribe, { endpoint: sub.endpoint, expirationTime: json.expirationTime ?? null, keys: json.keys })
  if (old && old.endpoint !== sub.endpoint) await post(WORKER_ROUTES.unsubscribe, { endpoint: old.endpoint })
}

function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

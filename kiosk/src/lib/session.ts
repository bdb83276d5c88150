import type { Me } from '../../../shared/protocol/index.js'
import { ApiError, call } from './api.js'
import { followAccountLanguage } from './staffLanguage.js'
import { routes } from '../../../shared/protocol/routes.js'

/**
 * Who is logged in, or null when nobody is (any other failure is thrown). A staff account whose
 * remembered language is not the one this page shows reloads the page in it, and this never
 * resolves.
 */
export async function currentUser(): Promise<Me | null> {
  try {
    const { me } = await call(routes.session.me)
    return followAccountLanguage(me) ? me : new Promise<never>(() => {})
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) return null
    throw err
  }
}

/** A page's socket controller: closed for good when the person signs out. */
export interface LiveLink {
  stop(): void
}

/**
 * Signs the person out: ends the session on the server, closes the page's socket (`live`) and
 * lets the page forget who was signed in and what it showed (`forget`). Without `failed` the
 * page forgets even when the request fails: the session may be gone already (expired, ended
 * on another device), and a staff-room PC must not look signed in. With it, a failure is
 * reported there instead and the person stays signed in, as the server may still hold the session.
 */
export async function signOut(live: LiveLink | null | undefined, forget: () => void, failed?: (err: unknown) => void): Promise<void> {
  try {
    await call(routes.session.logout)
  } catch (err) {
    if (failed) return failed(err)
  }
  live?.stop()
  forget()
}

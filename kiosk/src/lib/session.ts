import type { Me } from '../../../shared/protocol/index.js'
import { ApiError, call } from './api.js'
import { routes } from '../../../shared/protocol/routes.js'

/** Who is logged in, or null when nobody is (any other failure is thrown). */
export async function currentUser(): Promise<Me | null> {
  try {
    return (await call(routes.session.me)).me
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) return null
    throw err
  }
}

export async function logout(): Promise<void> {
  await call(routes.session.logout)
}

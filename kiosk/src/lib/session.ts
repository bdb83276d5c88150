import type { Me, MeResponse } from '../../../shared/protocol/index.js'
import { api, ApiError } from './api.js'

/** Who is logged in, or null when nobody is (any other failure is thrown). */
export async function currentUser(): Promise<Me | null> {
  try {
    return (await api<MeResponse>('GET', '/api/session')).me
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) return null
    throw err
  }
}

export async function logout(): Promise<void> {
  await api('DELETE', '/api/session')
}

/**
 * The push services browsers use. The server posts to whatever endpoint a page hands it, so
 * it accepts only these hosts: otherwise a guardian's account could make the server send
 * requests into the school's own network.
 */
export const PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com', // Chrome, Android, Opera, Samsung Internet
  'android.googleapis.com', // older Chrome subscriptions
  'push.services.mozilla.com', // Firefox
  'push.apple.com', // Safari on macOS and iOS 16.4+ (web.push.apple.com)
  'notify.windows.com', // Edge on Windows
] as const

/** Whether the server may post pushes to this endpoint: HTTPS on a known push service (or one of `extraHosts`). */
export function pushEndpointAllowed(endpoint: string, extraHosts: readonly string[] = []): boolean {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false
  const host = url.hostname.toLowerCase()
  if (extraHosts.includes(url.host.toLowerCase()) || extraHosts.includes(host)) return true
  return (url.port === '' || url.port === '443') && PUSH_SERVICE_HOSTS.some((h) => host === h || host.endsWith('.' + h))
}

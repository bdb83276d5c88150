/**
 * Small pieces of running unattended: keeping the screen awake, and reloading for a new
 * server build without ever looping.
 */

/**
 * Holds a Screen Wake Lock while the page is visible. The browser releases the lock whenever
 * the page is hidden (another tab, screen off), so it is requested again each time the page
 * becomes visible. Returns a function that stops doing so.
 */
export function keepScreenAwake(): () => void {
  let sentinel: WakeLockSentinel | null = null
  const request = async () => {
    if (document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return
    try {
      sentinel = await navigator.wakeLock.request('screen')
    } catch {
      // Refused (battery saver, no permission): the board still works, the screen may sleep.
    }
  }
  const onVisibility = () => void request()
  document.addEventListener('visibilitychange', onVisibility)
  void request()
  return () => {
    document.removeEventListener('visibilitychange', onVisibility)
    void sentinel?.release().catch(() => undefined)
  }
}

const RELOADED_KEY = 'asagao-board-reloaded-for'

/**
 * Reloads once for a server build. If the page that comes back still differs (a cache or
 * proxy serving the old files), it does not reload again for the same build, so a board can
 * never end up reloading in a loop.
 */
export function reloadForNewBuild(serverBuildId: string): void {
  try {
    if (sessionStorage.getItem(RELOADED_KEY) === serverBuildId) return
    sessionStorage.setItem(RELOADED_KEY, serverBuildId)
  } catch {
    // No storage (rare): reload anyway; the reloaded page normally carries the new build id.
  }
  location.reload()
}

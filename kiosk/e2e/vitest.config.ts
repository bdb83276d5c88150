import { defineConfig } from 'vitest/config'

/** Browser journeys: real Chromium against the real server and built pages. */
export default defineConfig({
  test: {
    root: import.meta.dirname + '/../..',
    include: ['kiosk/e2e/**/*.e2e.ts'],
    globalSetup: ['kiosk/e2e/buildPages.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A browser on a busy two-core CI machine can take more than a second to start a service
    // worker or repaint; a poll still fails if the page never gets there.
    expect: { poll: { timeout: 10_000 } },
  },
})

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'kiosk/src/**/*.test.ts'],
    globalSetup: ['server/test/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file owns a database; a couple of files at a time keeps 2-core machines responsive.
    maxWorkers: 2,
  },
})

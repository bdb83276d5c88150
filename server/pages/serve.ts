import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type Express } from 'express'

/** Serves the built pages: /board/, /teacher/, /guardian/ and the landing page. */
export function servePages(app: Express, dir: string): void {
  if (!existsSync(dir)) return
  // Hashed assets never change; HTML must always be fresh so a new build reaches every page.
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d' }))
  app.use(express.static(dir, { setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }))
}

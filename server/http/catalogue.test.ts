import type { Express } from 'express'
import { describe, expect, it } from 'vitest'
import { routes, type Route } from '../../shared/protocol/routes.js'
import { createApp } from '../app.js'
import { ManualClock } from '../clock.js'

const quiet = { info() {}, warn() {}, error() {} }

/** Builds the app without a database: mounting routes reads nothing. */
function build() {
  return createApp(
    { sql: undefined as never, dbMode: 'postgres', clock: new ManualClock(0), log: quiet, buildId: 'test', version: 'test' },
    { allowedOrigins: [], secureCookies: false },
  )
}

const catalogue: Route[] = Object.values(routes).flatMap((group) => Object.values(group) as Route[])
const name = (r: Route) => `${r.method} ${r.path}`

type Layer = { route?: { methods: Record<string, boolean> }; handle: unknown }

/** Every method of every route layer in the app, mounted routers included. */
function routeLayers(stack: Layer[]): number {
  let n = 0
  for (const layer of stack) {
    if (layer.route) n += Object.keys(layer.route.methods).length
    else if ((layer.handle as { stack?: Layer[] }).stack) n += routeLayers((layer.handle as { stack: Layer[] }).stack)
  }
  return n
}

describe('the route catalogue', () => {
  it('names each route once', () => {
    expect(new Set(catalogue.map(name)).size).toBe(catalogue.length)
  })

  it('is exactly what the server mounts: every entry once, nothing else', () => {
    const { mounted } = build()
    expect(mounted.map(name).sort()).toEqual(catalogue.map(name).sort())
    for (const r of catalogue) expect(mounted.filter((m) => m === r), name(r)).toHaveLength(1)
  })

  it('leaves no route mounted around the catalogue', () => {
    const { app, mounted } = build()
    expect(routeLayers((app as Express & { router: { stack: Layer[] } }).router.stack)).toBe(mounted.length)
  })
})

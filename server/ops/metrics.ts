import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Clock } from '../clock.js'
import { poolUsageOf } from '../db/poolUsage.js'
import type { Sql } from '../db/types.js'

export type SocketKind = 'board' | 'staff' | 'guardian' | 'city'

/** What the server measures for `/metrics`; one registry per app, so tests can run several. */
export interface Metrics {
  registry: Registry
  reportsCreated: Counter<'kind'>
  /** From the start of a guardian's report write to the hand-over of its event to the sockets. */
  reportPublishSeconds: Histogram
  snapshotsBuilt: Counter<'reader'>
  snapshotSeconds: Histogram<'reader'>
  loginFailures: Counter<'reason'>
}

export interface MetricSources {
  sql: Sql
  clock: Clock
  /** Open sockets by kind, read at each scrape. */
  sockets: () => Record<SocketKind, number>
}

/** An outbox probe longer than this keeps the last figures: a scrape must not wait on a busy pool. */
const OUTBOX_PROBE_MS = 200

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry()
  const registers = [registry]
  const latency = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

  new Gauge({
    name: 'asagao_sockets',
    help: 'Open sockets by kind of page',
    labelNames: ['kind'],
    registers,
    collect() {
      for (const [kind, n] of Object.entries(sources.sockets())) this.set({ kind }, n)
    },
  })
  new Gauge({
    name: 'asagao_db_pool_busy',
    help: 'Queries and transactions running or waiting for a database connection',
    registers,
    collect() {
      this.set(poolUsageOf(sources.sql)?.busy ?? 0)
    },
  })
  new Gauge({
    name: 'asagao_db_pool_waiting',
    help: 'Queries and transactions waiting for a database connection',
    registers,
    collect() {
      this.set(poolUsageOf(sources.sql)?.waiting ?? 0)
    },
  })
  new Gauge({
    name: 'asagao_db_pool_size',
    help: 'Connections the database pool may open',
    registers,
    collect() {
      this.set(poolUsageOf(sources.sql)?.size ?? 0)
    },
  })

  let outbox = { depth: 0, oldestSeconds: 0 }
  let pushes = { depth: 0, oldestSeconds: 0 }
  const readOutbox = async () => {
    const [row] = await sources.sql<{ depth: number; oldest: string | null; pushDepth: number; pushOldest: string | null }[]>`
      select e.depth, e.oldest, p.depth as push_depth, p.oldest as push_oldest
      from (select count(*)::int as depth, min(created_at) as oldest from outbox where status in ('pending', 'sending')) e,
           (select count(*)::int as depth, min(created_at) as oldest from push_outbox where status in ('pending', 'sending')) p`
    const age = (oldest: string | null) => (oldest ? Math.max(0, (sources.clock.now() - Date.parse(oldest)) / 1000) : 0)
    outbox = { depth: row!.depth, oldestSeconds: age(row!.oldest) }
    pushes = { depth: row!.pushDepth, oldestSeconds: age(row!.pushOldest) }
  }
  // The outbox gauges are collected in parallel: they share one probe per scrape.
  let probing: Promise<void> | null = null
  const refreshOutbox = () => {
    if (probing) return probing
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, OUTBOX_PROBE_MS)))
    probing = Promise.race([readOutbox().catch(() => {}), late]).finally(() => {
      clearTimeout(timer)
      probing = null
    })
    return probing
  }
  new Gauge({
    name: 'asagao_outbox_depth',
    help: 'E-mails waiting to be sent (pending or being sent)',
    registers,
    async collect() {
      await refreshOutbox()
      this.set(outbox.depth)
    },
  })
  new Gauge({
    name: 'asagao_outbox_oldest_seconds',
    help: 'Age of the oldest e-mail waiting to be sent',
    registers,
    async collect() {
      await refreshOutbox()
      this.set(outbox.oldestSeconds)
    },
  })
  new Gauge({
    name: 'asagao_push_outbox_depth',
    help: 'Pushes waiting to be sent to guardians\' devices (pending or being sent)',
    registers,
    async collect() {
      await refreshOutbox()
      this.set(pushes.depth)
    },
  })
  new Gauge({
    name: 'asagao_push_outbox_oldest_seconds',
    help: 'Age of the oldest push waiting to be sent',
    registers,
    async collect() {
      await refreshOutbox()
      this.set(pushes.oldestSeconds)
    },
  })

  return {
    registry,
    reportsCreated: new Counter({ name: 'asagao_reports_created_total', help: 'Guardian reports created (one per pupil)', labelNames: ['kind'], registers }),
    reportPublishSeconds: new Histogram({ name: 'asagao_report_publish_seconds', help: 'From the start of a report write to its event handed to the sockets', buckets: latency, registers }),
    snapshotsBuilt: new Counter({ name: 'asagao_snapshots_built_total', help: 'Day snapshots built for pages', labelNames: ['reader'], registers }),
    snapshotSeconds: new Histogram({ name: 'asagao_snapshot_seconds', help: 'Time to build a day snapshot', labelNames: ['reader'], buckets: latency, registers }),
    loginFailures: new Counter({ name: 'asagao_login_failures_total', help: 'Refused logins: wrong id or password, or throttled', labelNames: ['reason'], registers }),
  }
}

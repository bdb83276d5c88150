import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { CityPrincipal, StaffPrincipal } from '../auth/principal.js'
import { hashPassword } from '../auth/password.js'
import { cityDay } from '../city/day.js'
import { cityLongAbsenceCsv } from '../city/exports.js'
import { buildSnapshot } from '../day/snapshot.js'
import type { Q } from '../db/types.js'
import { guidanceView } from '../guidance/view.js'
import { seedCity } from '../seed/city.js'
import { DEFAULT_DATABASE_URL, openEmbedded, openPostgres, postgresAnswers, redactUrl, type BenchDatabase } from './databases.js'
import { databaseModes, int, ints, readFlags } from './flags.js'
import { startReportBench } from './latency.js'
import { machineLine } from './report.js'
import { summarize } from './stats.js'

/**
 * `npm run bench:city`: the same figures on cities of 1, 10 and 50 schools (the demo city of
 * `npm run seed -- --city N`, each school with its school year up to 18 March), so growth with
 * the city's size shows: a snapshot and the guidance view of the city's first school (the same
 * school in every city), the city view's aggregate (every school read afresh, one school
 * changed, nothing changed), the monthly 長期欠席 CSV, and report → last of 20 boards on a
 * further school of the same database. Prints figures; never asserts a time.
 */
const USAGE = `usage: npm run bench:city -- [--sizes 1,10,50] [--mode embedded|postgres|both] [--calls N]
  --sizes    city sizes in schools (default 1,10,50)
  --mode     database mode(s) (default both; PostgreSQL is skipped when it does not answer)
  --calls    calls per figure (default 10)
  DATABASE_URL  PostgreSQL server to use (default ${DEFAULT_DATABASE_URL})`

/** The seeded day: late in the school year, so a year of marks is behind it. */
const NOW = '2027-03-18T09:40:00+09:00'
const DATE = '2027-03-18'
const BOARDS = 20
const REPORTS = 40

interface Options { sizes: number[]; mode: 'embedded' | 'postgres' | 'both'; calls: number }

function parse(argv: string[]): Options {
  return readFlags(argv, { sizes: ints([1, 10, 50]), mode: databaseModes(), calls: int(10) }, USAGE)
}

type Row = { figure: string; p50: number; p99: number; first: number; last: number }

async function timed(calls: number, run: (i: number) => Promise<unknown>): Promise<Omit<Row, 'figure'>> {
  const times: number[] = []
  for (let i = 0; i < calls; i++) {
    const t = performance.now()
    await run(i)
    times.push(performance.now() - t)
  }
  const s = summarize(times)
  return { p50: s.p50, p99: s.p99, first: times[0]!, last: times.at(-1)! }
}

async function measureSize(db: BenchDatabase, schools: number, calls: number): Promise<{ rows: Row[]; seeded: string }> {
  const t0 = performance.now()
  const city = await seedCity(db.sql, { schools, nowMs: Date.parse(NOW), passwordHash: await hashPassword('bench horse 7') })
  const seeded = `${schools} schools, ${city.pupils.toLocaleString('en')} pupils, ${city.marks.toLocaleString('en')} marks, seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`
  const q: Q = db.sql
  const first = city.schoolIds[0]!
  const principal: StaffPrincipal = { kind: 'staff', staffId: 0, schoolId: first, roles: ['vice_principal'], homeroomClassIds: [], name: 'bench', sessionHash: '' }
  const cityAdmin: CityPrincipal = { kind: 'city', staffId: city.cityAdminId, cityId: city.organisationId, name: 'bench', sessionHash: '' }
  const view = () => cityDay(q, cityAdmin, { date: DATE, today: DATE, time: '09:40' })
  const rows: Row[] = []
  const add = async (figure: string, run: (i: number) => Promise<unknown>, n = calls) => rows.push({ figure, ...(await timed(n, run)) })

  await add('snapshot, first school', () => buildSnapshot(db.sql, { schoolId: first, date: DATE, buildId: 'bench', forBoard: false, healthNotes: true }))
  await add('guidance view, first school', () => guidanceView(q, principal, DATE))
  // Every school's sequence moves: the view reads every school afresh (a restart, the first page of the day).
  await add('city view, every school read', async () => {
    await q`update school set seq = seq + 1 where organisation_id = ${city.organisationId}`
    await view()
  })
  // One school changed since the last read: what each city:changed costs at the morning peak.
  await add('city view, one school changed', async (i) => {
    await q`update school set seq = seq + 1 where id = ${city.schoolIds[i % city.schoolIds.length]!}`
    await view()
  })
  await add('city view, nothing changed', () => view())
  await add('long-absence CSV, every school', () => cityLongAbsenceCsv(q, cityAdmin, DATE.slice(0, 7), DATE), Math.min(calls, 3))

  const bench = await startReportBench(db, { boards: BOARDS, reports: REPORTS })
  try {
    const lastBoard: number[] = []
    for (let i = 0; i < REPORTS; i++) lastBoard.push((await bench.submit(i)).lastBoard)
    const s = summarize(lastBoard)
    rows.push({ figure: `report → last of ${BOARDS} boards`, p50: s.p50, p99: s.p99, first: lastBoard[0]!, last: lastBoard.at(-1)! })
  } finally {
    await bench.close()
  }
  return { rows, seeded }
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1)).padStart(7)

async function runMode(mode: 'embedded' | 'postgres', o: Options, url: string): Promise<void> {
  const results: { size: number; rows: Row[] }[] = []
  for (const size of o.sizes) {
    const db = mode === 'embedded' ? await openEmbedded() : await openPostgres(url)
    try {
      if (results.length === 0) console.log(`\n${mode} — ${db.serverVersion}`)
      const { rows, seeded } = await measureSize(db, size, o.calls)
      console.log(`  city of ${seeded} (load average ${loadavg()[0]!.toFixed(1)})`)
      results.push({ size, rows })
    } finally {
      await db.close()
    }
  }
  const figures = results[0]!.rows.map((r) => r.figure)
  const width = Math.max(...figures.map((f) => f.length)) + 2
  console.log(`\n  ${'figure (ms, p50 / p99)'.padEnd(width)}${results.map((r) => `${r.size} school${r.size > 1 ? 's' : ''}`.padStart(18)).join('')}   ${results.length > 1 ? `${results.at(-1)!.size}÷${results[0]!.size} p50` : ''}`)
  for (const [i, f] of figures.entries()) {
    const cells = results.map((r) => `${ms(r.rows[i]!.p50)} /${ms(r.rows[i]!.p99)}`.padStart(18)).join('')
    const ratio = results.length > 1 ? (results.at(-1)!.rows[i]!.p50 / results[0]!.rows[i]!.p50).toFixed(2) + '×' : ''
    console.log(`  ${f.padEnd(width)}${cells}   ${ratio}`)
  }
  console.log(`\n  ${'call 1 → call N (plan cache)'}`)
  for (const [i, f] of figures.entries()) {
    console.log(`  ${f.padEnd(width)}${results.map((r) => `${ms(r.rows[i]!.first)} →${ms(r.rows[i]!.last)}`.padStart(18)).join('')}`)
  }
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2))
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  console.log(`bench:city — cities of ${o.sizes.join(', ')} schools, ${o.calls} calls a figure; ${machineLine()}`)
  if (o.mode !== 'postgres') await runMode('embedded', o, url)
  if (o.mode !== 'embedded') {
    if (await postgresAnswers(url)) await runMode('postgres', o, url)
    else {
      console.log(`\npostgres — skipped: no PostgreSQL answered at ${redactUrl(url)} (set DATABASE_URL)`)
      if (o.mode === 'postgres') return 1
    }
  }
  return 0
}

main().then(
  // Exit explicitly: PGlite and the pools may keep timers alive after everything is closed.
  (status) => process.exit(status),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)

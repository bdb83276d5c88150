import { performance } from 'node:perf_hooks'
import type { StaffPrincipal } from '../auth/principal.js'
import { schoolYearOn } from '../data/schools.js'
import { dayBadges } from '../day/badges.js'
import { loadEntries } from '../day/entries.js'
import type { Q } from '../db/types.js'
import { guidanceView } from '../guidance/view.js'
import { registerMonth } from '../register/month.js'
import { seedCity, type BenchCity } from './city.js'
import { DEFAULT_DATABASE_URL, openEmbedded, openPostgres, postgresAnswers, redactUrl, type BenchDatabase } from './databases.js'
import { databaseModes, int, readFlags, toggle } from './flags.js'

/**
 * `npm run bench:plans`: the heavy queries of a school's day on a city of schools sharing one
 * database, call by call. PostgreSQL plans a prepared statement's first five executions with
 * their parameters and may then switch to one generic plan; a query whose generic plan is bad
 * gets slow from the sixth call on and stays slow. Each query is called ten times, each call
 * for the next school of the city (as the schools' pages would), under the default plan cache
 * mode on fresh statements, then forced generic and forced custom for comparison. Prints
 * figures; never asserts a time.
 */
const USAGE = `usage: npm run bench:plans -- [--schools N] [--mode embedded|postgres|both] [--quick]
  --schools N   schools in the city (default 50), 300 pupils each with a year of marks
  --mode M      database mode(s) (default both; PostgreSQL is skipped when it does not answer)
  --quick       smoke run: 6 schools of 150 pupils
  DATABASE_URL  PostgreSQL server to use (default ${DEFAULT_DATABASE_URL})`

const CALLS = 10
const FISCAL_YEAR = 2025
const MODES = ['auto', 'force_generic_plan', 'force_custom_plan'] as const
type PlanMode = (typeof MODES)[number]

interface Options { schools: number; classesPerGrade: number; mode: 'embedded' | 'postgres' | 'both' }

function parse(argv: string[]): Options {
  const { schools, mode, quick } = readFlags(argv, { schools: int(), mode: databaseModes(), quick: toggle() }, USAGE)
  // --quick only lowers what was not given explicitly, so `--quick --schools 10` still works.
  return { schools: schools ?? (quick ? 6 : 50), classesPerGrade: quick ? 1 : 2, mode }
}

/** One heavy query, called for the city's school number `i`. */
interface HeavyQuery { name: string; run: (q: Q, schoolIndex: number) => Promise<unknown> }

function heavyQueries(city: BenchCity): HeavyQuery[] {
  const school = (i: number) => city.schools[i % city.schools.length]!
  const principal = (i: number): StaffPrincipal => ({
    kind: 'staff', staffId: 0, schoolId: school(i).schoolId, roles: ['vice_principal'], homeroomClassIds: [], name: 'bench', sessionHash: '',
  })
  const yearOf = async (q: Q, i: number) => (await schoolYearOn(q, school(i).schoolId, city.date))!
  return [
    { name: 'day entries (snapshot)', run: async (q, i) => loadEntries(q, school(i).schoolId, await yearOf(q, i), city.date) },
    { name: 'streak + 累計 badges, all pupils', run: async (q, i) => (await dayBadges(q, school(i).schoolId, await yearOf(q, i), city.date, school(i).pupilIds))(0) },
    { name: 'guidance view', run: (q, i) => guidanceView(q, principal(i), city.date) },
    { name: 'one class, monthly register', run: (q, i) => registerMonth(q, principal(i), school(i).classIds[1]!, city.date.slice(0, 7), city.date) },
  ]
}

/** Calls 1–10 of each query on one connection, under `mode`. */
async function measure(q: Q, queries: HeavyQuery[], mode: PlanMode): Promise<number[][]> {
  await q.unsafe(`set plan_cache_mode = ${mode}`)
  const out: number[][] = []
  for (const hq of queries) {
    const times: number[] = []
    for (let call = 0; call < CALLS; call++) {
      const t = performance.now()
      await hq.run(q, call)
      times.push(performance.now() - t)
    }
    out.push(times)
  }
  return out
}

async function benchOne(label: string, db: BenchDatabase, o: Options): Promise<void> {
  const t0 = performance.now()
  const city = await seedCity(db.sql, { schools: o.schools, fiscalYear: FISCAL_YEAR, classesPerGrade: o.classesPerGrade, pupilsPerClass: 25 })
  const pupils = city.schools.reduce((n, s) => n + s.pupilIds.length, 0)
  console.log(`\n${label} — ${db.serverVersion}`)
  console.log(`city: ${city.schools.length} schools, ${pupils} pupils, ${city.logRows} attendance_log rows, ${city.reports} reports on ${city.date} (built in ${((performance.now() - t0) / 1000).toFixed(0)} s)`)
  const queries = heavyQueries(city)
  // One connection throughout, so "fresh statements" and the plan cache mode mean that connection's.
  const conn = db.mode === 'embedded' ? null : await db.sql.reserve()
  const q: Q = conn ?? db.sql
  try {
    for (const mode of MODES) {
      const rows = await measure(q, queries, mode)
      console.log(`\n  plan_cache_mode = ${mode}${mode === 'auto' ? ' (the default; statements prepared fresh)' : ''}   ms per call, calls 1–${CALLS}`)
      for (const [i, times] of rows.entries()) {
        const sorted = [...times].sort((a, b) => a - b)
        const median = sorted[Math.floor(sorted.length / 2)]!
        console.log(`  ${queries[i]!.name.padEnd(34)} ${times.map((t) => t.toFixed(1).padStart(7)).join('')}   median ${median.toFixed(1)}, max/min ${(sorted.at(-1)! / sorted[0]!).toFixed(1)}×`)
      }
    }
    await q.unsafe('reset plan_cache_mode')
  } finally {
    conn?.release()
  }
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2))
  console.log(`bench:plans — ${o.schools} schools × ${6 * o.classesPerGrade * 25} pupils, a school year of marks each`)
  if (o.mode !== 'postgres') {
    const db = await openEmbedded()
    try { await benchOne('embedded (PGlite)', db, o) } finally { await db.close() }
  }
  if (o.mode !== 'embedded') {
    const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
    if (!(await postgresAnswers(url))) {
      console.log(`\npostgres — skipped: no PostgreSQL answered at ${redactUrl(url)} (set DATABASE_URL)`)
      return o.mode === 'postgres' ? 1 : 0
    }
    const db = await openPostgres(url)
    try { await benchOne('postgres', db, o) } finally { await db.close() }
  }
  return 0
}

process.exitCode = await main()

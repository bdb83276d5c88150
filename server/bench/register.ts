import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import postgres from 'postgres'
import type { StaffPrincipal } from '../auth/principal.js'
import { connectPostgres } from '../db/connect.js'
import { connectEmbedded } from '../db/embedded.js'
import { migrate } from '../db/migrate.js'
import type { Database } from '../db/types.js'
import { guidanceView } from '../guidance/view.js'
import { generateYear } from '../test/generateYear.js'
import { registerMonth } from '../register/month.js'
import { buildSnapshot } from '../day/snapshot.js'
import { planEachCall } from '../db/planEachCall.js'
import { analyzeAfterBulkLoad } from '../db/analyze.js'

/**
 * `npm run bench:register`: the guidance view, one class's monthly register and the day's
 * snapshot on a school of 1,020 pupils with a mark on every pupil-day of a full school year
 * (plus corrections), next to a bare `select count(*)` over the same log rows and a bare
 * select of them as the baselines. Embedded PGlite by
 * default; a fresh PostgreSQL database (dropped afterwards) when DATABASE_URL is set.
 * Prints medians and ratios; never asserts a time.
 */
const FY = 2026
const RUNS = Number(process.env.BENCH_RUNS ?? 10)

async function open(): Promise<Database> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const db = await connectEmbedded()
    await migrate(db.sql)
    return db
  }
  const name = `asagao_bench_${randomBytes(4).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const u = new URL(url)
  u.pathname = `/${name}`
  const db = await connectPostgres(u.toString(), 4)
  await migrate(db.sql)
  return { ...db, async close() { await db.close(); await admin.unsafe(`drop database if exists ${name} with (force)`); await admin.end() } }
}

async function median(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn() // warm-up: plans and caches
  const calls: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await fn()
    calls.push(performance.now() - t)
  }
  const times = [...calls].sort((a, b) => a - b)
  const m = times[Math.floor(times.length / 2)]!
  console.log(`${label.padEnd(46)} median ${m.toFixed(1).padStart(8)} ms  (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, ${RUNS} runs)`)
  // In call order: PostgreSQL may plan a prepared statement anew from its sixth call on.
  console.log(`${''.padEnd(46)} calls 2–${RUNS + 1}: ${calls.map((c) => c.toFixed(0)).join(' ')}`)
  return m
}

const db = await open()
try {
  const t0 = performance.now()
  const y = await generateYear(db.sql, { name: 'ベンチ小学校', fiscalYear: FY, grades: 6, classesPerGrade: 5, pupilsPerClass: 34, seed: 2026, markEveryDay: true })
  await analyzeAfterBulkLoad(db.sql)
  console.log(`database: ${db.mode}; ${y.pupilIds.length} pupils, ${y.classIds.length} classes, ${y.logRows} attendance_log rows (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const who: StaffPrincipal = { kind: 'staff', staffId: 0, schoolId: y.schoolId, roles: ['vice_principal'], homeroomClassIds: [], name: 'bench', sessionHash: '' }
  const today = `${FY + 1}-03-24`
  // The baselines are planned for their values at every call too, as the product's reads are (planEachCall).
  const baseline = await median('baseline: select count(*) over the year\'s rows', () =>
    planEachCall(db.sql`select count(*) from attendance_log where school_id = ${y.schoolId} and date between ${`${FY}-04-01`} and ${today}`))
  const guidance = await median('guidance view (all pupils, whole year)', async () => {
    const v = await guidanceView(db.sql, who, today)
    if (v.pupils.length !== y.pupilIds.length) throw new Error('guidance view lost pupils')
  })
  const register = await median('one class, monthly register (March, year so far)', async () => {
    await registerMonth(db.sql, who, y.classIds[7]!, `${FY + 1}-03`, today)
  })
  // Nearly every pupil has a mark on the day (not those who left, nor cleared marks), so the
  // snapshot lists almost all of them and their badges read the whole year's rows.
  const rows = await median('baseline: select of the rows a snapshot reads', () =>
    planEachCall(db.sql`select pupil_id, date, code_id from attendance_log where school_id = ${y.schoolId} and date between ${`${FY}-04-01`} and ${today}`))
  let listed = 0
  const snapshot = await median('day snapshot (pupils listed, with badges)', async () => {
    listed = (await buildSnapshot(db.sql, { schoolId: y.schoolId, date: today, buildId: 'bench', forBoard: false, healthNotes: true })).entries.length
  })
  console.log(`ratio snapshot / select of its rows: ${(snapshot / rows).toFixed(1)}× (/ count(*): ${(snapshot / baseline).toFixed(1)}×; ${listed} pupils listed)`)
  console.log(`ratio guidance / count(*): ${(guidance / baseline).toFixed(1)}×`)
  console.log(`ratio register / count(*): ${(register / baseline).toFixed(1)}×`)
} finally {
  await db.close()
}

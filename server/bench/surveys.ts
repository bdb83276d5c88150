import { performance } from 'node:perf_hooks'
import { SURVEY_TEMPLATES } from '../../shared/domain/surveyTemplates.js'
import type { GuardianPrincipal, StaffPrincipal } from '../auth/principal.js'
import { ManualClock } from '../clock.js'
import type { Deps } from '../deps.js'
import { silentLog } from '../log.js'
import { answerSurvey } from '../surveys/answers.js'
import { createSurvey, publishSurvey } from '../surveys/build.js'
import { remindNow } from '../surveys/remind.js'
import { surveyResults } from '../surveys/results.js'
import { openEmbedded, openPostgres } from './databases.js'
import { seedBenchSchool } from './school.js'

/**
 * `npm run bench:surveys`: a survey to a 1,000-pupil school (500 families of two): publishing,
 * 700 answers one after another through the answer service (each a change with its sequence
 * number and event), the results page's read with every class, and the reminder to the 150
 * families left; next to a bare read of the survey's pupils as the baseline. Embedded PGlite
 * by default; a fresh PostgreSQL database (dropped afterwards) when DATABASE_URL is set.
 * Prints figures; never asserts a time.
 */
const db = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openEmbedded()
try {
  const school = await seedBenchSchool(db.sql, { pupils: 1000, fiscalYear: 2026 })
  const [admin] = await db.sql<{ id: number }[]>`select id from staff where login_id = ${school.adminLoginId}`
  const who: StaffPrincipal = { kind: 'staff', staffId: admin!.id, schoolId: school.schoolId, roles: ['admin'], homeroomClassIds: [], name: '管理 先生', sessionHash: 'bench' }
  let events = 0
  const deps: Deps = {
    sql: db.sql, dbMode: db.mode, clock: new ManualClock(Date.parse('2026-11-30T07:45:00+09:00')), log: silentLog,
    publish: () => void events++, buildId: 'bench', version: 'bench', mail: { mode: 'capture', publicUrl: null },
  }
  const event = SURVEY_TEMPLATES.find((t) => t.key === 'event')!.draft
  const id = await createSurvey(deps, who, { ...event, description: '', target: { kind: 'school' }, deadline: '2026-12-04T17:00:00+09:00', remindAt: null })
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now()
    await fn()
    return performance.now() - t
  }
  const publishMs = await timed(() => publishSurvey(deps, who, id))
  const guardians = await db.sql<{ id: number; pupils: number[] }[]>`
    select g.id, array_agg(gp.pupil_id order by gp.pupil_id) as pupils from guardian g join guardian_pupil gp on gp.guardian_id = g.id
    where gp.school_id = ${school.schoolId} group by g.id order by g.id`
  const answers: number[] = []
  for (const g of guardians.slice(0, Math.round(guardians.length * 0.7))) {
    const guardian: GuardianPrincipal = { kind: 'guardian', guardianId: g.id, name: '保護者', sessionHash: 'bench', pupilIds: g.pupils }
    for (const pupilId of g.pupils) answers.push(await timed(() => answerSurvey(deps, guardian, id, { pupilId, answers: { q1: 0, q2: 1 } })))
  }
  const results: number[] = []
  const baseline: number[] = []
  for (let i = 0; i < 20; i++) {
    results.push(await timed(() => surveyResults(db.sql, who, id)))
    baseline.push(await timed(() => db.sql`select pupil_id, class_id, family_key from survey_pupil where survey_id = ${id}`))
  }
  let reminded = 0
  const remindMs = await timed(async () => (reminded = await remindNow(deps, who, id)))
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(1)
  console.log(`surveys bench (${db.mode}), 1,000 pupils, 500 families`)
  console.log(`  publish (fix 1,000 pupils with class and family): ${publishMs.toFixed(0)} ms`)
  console.log(`  ${answers.length} answers, one after another: p50 ${pct(answers, 0.5)} ms, p99 ${pct(answers, 0.99)} ms; ${events} events published`)
  console.log(`  results of every class: p50 ${pct(results, 0.5)} ms, p99 ${pct(results, 0.99)} ms (baseline, a bare read of the survey's pupils: p50 ${pct(baseline, 0.5)} ms)`)
  console.log(`  reminder to ${reminded} guardians of non-responders (outbox rows written): ${remindMs.toFixed(0)} ms`)
} finally {
  await db.close()
}

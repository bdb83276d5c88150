import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffPrincipal } from '../auth/principal.js'
import { schoolYearOn } from '../data/schools.js'
import type { Database, Q } from '../db/types.js'
import { guidanceView } from '../guidance/view.js'
import { generateYear, type GeneratedYear } from '../test/generateYear.js'
import { testDatabase } from '../test/db.js'
import type { Sql } from '../db/types.js'
import { loadClasses } from './classes.js'
import { loadEntries } from './entries.js'
import { reportThreads } from './reportThreads.js'
import { buildSnapshot } from './snapshot.js'

/**
 * The shape of the generic plans of a school's heavy queries (the plan a prepared statement
 * may keep after five calls): every table of the city is reached through an index that starts
 * with the school or through a key of the school's own rows, never scanned whole, and the
 * counting grid does not join the marks with the list of school days (the join whose size a
 * generic plan cannot see). Sequential scans are disabled so that the plan shows which index
 * paths the query's shape allows at all, whatever the size of this small test database.
 */
let db: Database
let schools: GeneratedYear[]
const FY = 2026
const DATE = `${FY}-11-17`

beforeAll(async () => {
  db = await testDatabase()
  schools = []
  for (const seed of [1, 2]) {
    schools.push(await generateYear(db.sql, { name: `計画${seed}小学校`, fiscalYear: FY, grades: 2, classesPerGrade: 1, pupilsPerClass: 6, seed, markEveryDay: false }))
  }
}, 120_000)
afterAll(async () => {
  await db?.close()
})

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Cond'?: string; 'Recheck Cond'?: string; Filter?: string; 'Join Filter'?: string; 'Hash Cond'?: string; 'Function Name'?: string; Plans?: PlanNode[] }

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)]
}

/** The generic plan of every statement prepared on this connection that reads the given table. */
async function genericPlans(q: Q, table: string): Promise<{ statement: string; text: string; plan: PlanNode[] }[]> {
  const prepared = await q<{ name: string; statement: string; parameterTypes: string[] }[]>`
    select name, statement, parameter_types::text[] as parameter_types from pg_prepared_statements
    where statement like ${`%${table}%`} and statement ~* '^[[:space:]]*(select|with)'`
  const out = []
  for (const p of prepared) {
    // A generic plan does not depend on the values: nulls of the right number will do.
    const args = p.parameterTypes.length ? `(${p.parameterTypes.map(() => 'null').join(', ')})` : ''
    const [row] = await q.unsafe(`explain (format json) execute "${p.name}"${args}`)
    const json = Object.values(row as Record<string, unknown>)[0]
    const [{ Plan }] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }]
    out.push({ statement: p.statement.replace(/\s+/g, ' ').trim().slice(0, 80), text: p.statement, plan: nodes(Plan) })
  }
  return out
}

describe('the generic plans of a school day', () => {
  it('reach the city tables through the school, and count without joining a day list', async () => {
    const school = schools[1]!
    const conn = await db.sql.reserve()
    try {
      await conn.unsafe('set plan_cache_mode = force_generic_plan')
      await conn.unsafe('set enable_seqscan = off')
      const year = (await schoolYearOn(conn, school.schoolId, DATE))!
      const entries = await loadEntries(conn, school.schoolId, year, DATE)
      await reportThreads(conn, school.schoolId, DATE)
      await buildSnapshot(conn as unknown as Sql, { schoolId: school.schoolId, date: DATE, buildId: 'x', forBoard: false })
      const who: StaffPrincipal = { kind: 'staff', staffId: 0, schoolId: school.schoolId, roles: ['vice_principal'], homeroomClassIds: [], name: 't', sessionHash: '' }
      const view = await guidanceView(conn, who, DATE)
      expect(view.pupils).toHaveLength(school.pupilIds.length)
      expect(entries.length).toBeGreaterThan(0)

      const markPlans = await genericPlans(conn, 'attendance_mark')
      // The day's entries and the snapshot's statement, with their badges' grid. The guidance view
      // and the register's counts are planned for their values at each call and keep no generic plan.
      expect(markPlans.length).toBeGreaterThanOrEqual(2)
      expect(markPlans.filter((p) => p.text.includes('month_absent')).map((p) => p.statement)).toEqual([])
      for (const { statement, text, plan } of markPlans) {
        const scans = plan.filter((n) => n['Relation Name'] === 'attendance_mark')
        expect(scans.length, statement).toBeGreaterThan(0)
        for (const s of scans) expect(s['Index Cond'] ?? s['Recheck Cond'] ?? '', statement).toMatch(/school_id = \$\d+/)
        // The log itself only for the row behind a current mark, by its key: never a pupil's history.
        for (const s of plan.filter((n) => n['Relation Name'] === 'attendance_log')) expect(s['Index Cond'] ?? '', statement).toMatch(/^\(id = \w+\.log_id\)$/)
        if (text.includes('first_pos')) {
          expect(plan.filter((n) => n['Function Name'] === 'unnest'), statement).toEqual([])
          // The marks of the counted span only: later ones (days ahead, the rest of the year) are not read at all.
          const spans = scans.map((s) => s['Index Cond'] ?? s['Recheck Cond'] ?? '').filter((c) => c.includes('date >= '))
          expect(spans.length, statement).toBeGreaterThan(0)
          for (const c of spans) expect(c, statement).toMatch(/date <= /)
        }
      }
      const reportPlans = await genericPlans(conn, 'guardian_report_day')
      expect(reportPlans.length).toBeGreaterThanOrEqual(2)
      for (const { statement, plan } of reportPlans) {
        for (const n of plan.filter((x) => x['Relation Name'] === 'guardian_report_day')) expect(n['Index Cond'] ?? n['Recheck Cond'] ?? '', statement).toMatch(/school_id = \$\d+/)
        for (const n of plan.filter((x) => x['Relation Name'])) expect(n['Node Type'], `${n['Relation Name']} in ${statement}`).not.toBe('Seq Scan')
      }
      // The classes' roll call: found by the school too, whichever way the plan joins it.
      await loadClasses(conn, school.schoolId, year.id, DATE)
      const rollPlans = await genericPlans(conn, 'roll_call')
      expect(rollPlans.length).toBeGreaterThanOrEqual(1)
      for (const { statement, plan } of rollPlans) {
        const scans = plan.filter((n) => n['Relation Name'] === 'roll_call')
        expect(scans.length, statement).toBeGreaterThan(0)
        for (const n of scans) {
          const conditions = [n['Index Cond'], n['Recheck Cond'], n.Filter, n['Join Filter'], n['Hash Cond']].join(' ')
          expect(conditions, statement).toMatch(/school_id = \$\d+/)
        }
      }
    } finally {
      await conn.unsafe('reset plan_cache_mode')
      await conn.unsafe('reset enable_seqscan')
      conn.release()
    }
  })
})

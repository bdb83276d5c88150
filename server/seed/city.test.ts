import { afterAll, beforeAll, expect, it } from 'vitest'
import { cityDay } from '../city/day.js'
import type { Database } from '../db/types.js'
import { testDatabase } from '../test/db.js'
import { CITY_ADMIN_LOGIN, seedCity, type SeededCity } from './city.js'

/** `npm run seed -- --city N` on five schools, at 9:40 on a Wednesday, read through the city view. */
const NOW = Date.parse('2026-12-02T09:40:00+09:00')
let db: Database
let city: SeededCity

beforeAll(async () => {
  db = await testDatabase()
  city = await seedCity(db.sql, { schools: 5, nowMs: NOW, passwordHash: 'not-a-real-hash' })
}, 300_000)
afterAll(async () => {
  await db?.close()
})

it('builds schools of 300–1,000 pupils with the school year so far, reports with symptoms, and a city administrator', async () => {
  expect(city.schoolIds).toHaveLength(5)
  const sizes = await db.sql<{ n: number }[]>`select count(*)::int as n from pupil group by school_id order by school_id`
  for (const { n } of sizes) expect(n).toBeGreaterThanOrEqual(300)
  for (const { n } of sizes) expect(n).toBeLessThanOrEqual(1000)
  const [admin] = await db.sql<{ roles: string[]; organisationId: number }[]>`select roles, organisation_id from staff where login_id = ${CITY_ADMIN_LOGIN}`
  expect(admin).toEqual({ roles: ['city_admin'], organisationId: city.organisationId })
  const [span] = await db.sql<{ first: string; last: string }[]>`select min(date)::text as first, max(date)::text as last from attendance_log`
  expect(span!.first < '2026-04-15').toBe(true)
  expect(span!.last).toBe('2026-12-02')
  expect(city.reports).toBeGreaterThan(0)
})

it("reads as a city day: today's counts, rolls taken but for the late school, closures and symptoms", async () => {
  const d = await cityDay(db.sql, { kind: 'city', staffId: 0, cityId: city.organisationId, name: '', sessionHash: '' }, { date: '2026-12-02', today: '2026-12-02', time: '09:40' })
  expect(d.schools.every((s) => s.schoolDay)).toBe(true)
  // The fifth school (index 4) is late with one to three classes; the others took every roll.
  expect(d.schools.map((s) => (s.rollMissing ?? -1) > 0)).toEqual([false, false, false, false, true])
  const t = d.totals
  expect(t.absent / t.enrolled).toBeGreaterThan(0.01)
  expect(t.absent / t.enrolled).toBeLessThan(0.08)
  expect(t.late).toBeGreaterThan(0)
  expect(d.symptoms.find((s) => s.symptom === '発熱')?.count).toBeGreaterThan(0)
})

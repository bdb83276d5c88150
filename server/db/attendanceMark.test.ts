import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateYear, type GeneratedYear } from '../test/generateYear.js'
import { testDatabase } from '../test/db.js'
import type { Database, Q } from './types.js'

/**
 * attendance_mark is the database's own answer to "what is this pupil-day's mark": the newest
 * attendance_log row, kept by a trigger on every insert. These tests hold it to the log read
 * newest first, the rule every reader relied on before.
 */
let db: Database
let year: GeneratedYear
const FY = 2026

beforeAll(async () => {
  db = await testDatabase()
  year = await generateYear(db.sql, { name: '現在小学校', fiscalYear: FY, grades: 2, classesPerGrade: 1, pupilsPerClass: 8, seed: 7, markEveryDay: false })
}, 120_000)
afterAll(async () => {
  await db?.close()
})

/** Every pupil-day whose kept mark differs from the newest log row (or is missing, or extra). */
async function disagreements(q: Q): Promise<object[]> {
  return [...(await q<object[]>`
    with newest as (
      select distinct on (pupil_id, date) pupil_id, date, school_id, id as log_id, code_id
      from attendance_log order by pupil_id, date, id desc
    ), expected as (
      select n.*, coalesce(not (k.excused or k.counts_absent or k.is_late or k.is_early_leave or k.provisional), true) as plain
      from newest n left join attendance_code k on k.id = n.code_id
    )
    (select 'missing or wrong' as what, * from expected except select 'missing or wrong', pupil_id, date, school_id, log_id, code_id, plain from attendance_mark)
    union all
    (select 'extra', pupil_id, date, school_id, log_id, code_id, plain from attendance_mark except select 'extra', * from expected)`)]
}

async function codeId(q: Q, code: string): Promise<number> {
  const [row] = await q<{ id: number }[]>`select id from attendance_code where school_id = ${year.schoolId} and code = ${code}`
  return row!.id
}

describe('attendance_mark, the current mark of each pupil-day', () => {
  it('agrees with the newest log row of every pupil-day after a year of marks, corrections and cleared marks', async () => {
    const [counts] = await db.sql<{ rows: number; corrected: number; cleared: number }[]>`
      select count(*)::int as rows,
             (select count(*)::int from (select 1 from attendance_log group by pupil_id, date having count(*) > 1) x) as corrected,
             count(*) filter (where code_id is null)::int as cleared
      from attendance_log`
    // The year must hold what the rule is about, or agreeing proves nothing.
    expect(counts!.rows).toBe(year.logRows)
    expect(counts!.corrected).toBeGreaterThan(0)
    expect(counts!.cleared).toBeGreaterThan(0)
    expect(await disagreements(db.sql)).toEqual([])
    const [plain] = await db.sql<{ plain: number; counted: number }[]>`
      select count(*) filter (where plain)::int as plain, count(*) filter (where not plain)::int as counted from attendance_mark`
    expect(plain!.plain).toBeGreaterThan(0)
    expect(plain!.counted).toBeGreaterThan(0)
  })

  it('refuses to change what an existing code counts as, which the kept marks were decided from', async () => {
    const present = await codeId(db.sql, 'present')
    await expect(db.sql`update attendance_code set counts_absent = true where id = ${present}`).rejects.toThrow(/cannot change/)
    await db.sql`update attendance_code set label = '出席(確認)' where id = ${present}`
    const [code] = await db.sql<{ label: string; countsAbsent: boolean }[]>`select label, counts_absent from attendance_code where id = ${present}`
    expect(code).toEqual({ label: '出席(確認)', countsAbsent: false })
  })

  it('refuses to edit or delete a row of the log, which the kept marks follow by insert', async () => {
    const [row] = await db.sql<{ id: string; codeId: number | null }[]>`select id, code_id from attendance_log order by id desc limit 1`
    await expect(db.sql`update attendance_log set note = 'rewritten' where id = ${row!.id}`).rejects.toThrow(/append-only: UPDATE refused/)
    await expect(db.sql`delete from attendance_log where id = ${row!.id}`).rejects.toThrow(/append-only: DELETE refused/)
    const [after] = await db.sql<{ id: string; codeId: number | null }[]>`select id, code_id from attendance_log where id = ${row!.id}`
    expect(after).toEqual(row)
  })

  it('keeps the last of several rows for one pupil-day written in one statement, and a cleared mark as plain', async () => {
    const pupil = year.pupilIds[0]!
    const date = `${FY}-12-01`
    const absent = await codeId(db.sql, 'absent_sick')
    const late = await codeId(db.sql, 'late')
    await db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source)
      values (${year.schoolId}, 1, ${pupil}, ${date}, ${absent}, 'office'), (${year.schoolId}, 1, ${pupil}, ${date}, ${late}, 'office')`
    const [mark] = await db.sql<{ codeId: number | null; plain: boolean }[]>`select code_id, plain from attendance_mark where pupil_id = ${pupil} and date = ${date}`
    expect(mark).toEqual({ codeId: late, plain: false })

    await db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${year.schoolId}, 2, ${pupil}, ${date}, null, 'office')`
    const [cleared] = await db.sql<{ codeId: number | null; plain: boolean }[]>`select code_id, plain from attendance_mark where pupil_id = ${pupil} and date = ${date}`
    expect(cleared).toEqual({ codeId: null, plain: true })
    expect(await disagreements(db.sql)).toEqual([])
  })

  it('does not let a row replace the mark of a newer one whose statement finished first', async () => {
    // A long insert takes its ids when it starts and updates the marks when it ends, so a short
    // one started later may have written a newer mark by then. Written here with an explicit
    // older id, as such a statement's rows would carry.
    const pupil = year.pupilIds[2]!
    const date = `${FY}-12-03`
    const present = await codeId(db.sql, 'present')
    const absent = await codeId(db.sql, 'absent_sick')
    await db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${year.schoolId}, 5, ${pupil}, ${date}, ${present}, 'teacher')`
    await db.sql`insert into attendance_log (id, school_id, seq, pupil_id, date, code_id, source) overriding system value
      values (-1, ${year.schoolId}, 5, ${pupil}, ${date}, ${absent}, 'office')`
    const [mark] = await db.sql<{ codeId: number; plain: boolean }[]>`select code_id, plain from attendance_mark where pupil_id = ${pupil} and date = ${date}`
    expect(mark).toEqual({ codeId: present, plain: true })
    expect(await disagreements(db.sql)).toEqual([])
  })

  it('applies the newer row of two open transactions marking the same pupil-day, the second waiting for the first', async () => {
    // PGlite has one connection: its transactions cannot overlap.
    if (db.mode !== 'postgres') return
    const pupil = year.pupilIds[1]!
    const date = `${FY}-12-02`
    const absent = await codeId(db.sql, 'absent_sick')
    const present = await codeId(db.sql, 'present')
    let releaseFirst!: () => void
    const firstMayCommit = new Promise<void>((r) => { releaseFirst = r })
    let firstWrote!: () => void
    const firstHasWritten = new Promise<void>((r) => { firstWrote = r })
    const first = db.sql.begin(async (tx) => {
      await tx`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${year.schoolId}, 3, ${pupil}, ${date}, ${absent}, 'office')`
      firstWrote()
      await firstMayCommit
    })
    await firstHasWritten
    // The second row gets the larger id; its mark waits on the first transaction's row.
    const second = db.sql.begin(async (tx) => {
      await tx`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${year.schoolId}, 4, ${pupil}, ${date}, ${present}, 'teacher')`
    })
    await new Promise((r) => setTimeout(r, 100))
    const [during] = await db.sql<{ codeId: number }[]>`select code_id from attendance_mark where pupil_id = ${pupil} and date = ${date}`
    expect(during).toBeUndefined()
    releaseFirst()
    await Promise.all([first, second])
    const [mark] = await db.sql<{ codeId: number; plain: boolean }[]>`select code_id, plain from attendance_mark where pupil_id = ${pupil} and date = ${date}`
    expect(mark).toEqual({ codeId: present, plain: true })
    expect(await disagreements(db.sql)).toEqual([])
  })
})

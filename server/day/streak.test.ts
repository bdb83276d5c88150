import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { codeIdByName } from '../data/reports.js'
import { schoolYearOn } from '../data/schools.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { loadEntries } from './entries.js'

let db: Database
let s: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'stk')
})
afterAll(async () => {
  await db?.close()
})

async function absent(pupilId: number, date: string) {
  const codeId = await codeIdByName(db.sql, s.schoolId, 'absent_sick')
  await db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${s.schoolId}, 0, ${pupilId}, ${date}, ${codeId}, 'teacher')`
}

describe('the board streak', () => {
  it('is not broken by a class closure or a weekend, but by a day attended', async () => {
    // Thu 12-03 absent, Fri 12-04 class closure (no mark), weekend, Mon 12-07 absent: 2 in a row.
    await absent(s.pupils.taro, '2026-12-03')
    await absent(s.pupils.taro, '2026-12-07')
    await db.sql`insert into class_closure (school_id, school_year_id, class_id, from_date, to_date, label)
      values (${s.schoolId}, ${s.yearId}, ${s.classes.c1}, '2026-12-04', '2026-12-04', '学級閉鎖')`
    // The same days for a pupil of the other class, which was not closed: the Friday breaks it.
    await absent(s.pupils.other, '2026-12-03')
    await absent(s.pupils.other, '2026-12-07')
    const year = (await schoolYearOn(db.sql, s.schoolId, '2026-12-07'))!
    const entries = await loadEntries(db.sql, s.schoolId, year, '2026-12-07')
    expect(entries.find((e) => e.pupilId === s.pupils.taro)!.consecutiveAbsences).toBe(2)
    expect(entries.find((e) => e.pupilId === s.pupils.other)!.consecutiveAbsences).toBe(1)
  })
})

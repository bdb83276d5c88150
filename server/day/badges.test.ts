import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { codeIdByName } from '../data/reports.js'
import { schoolYearOn } from '../data/schools.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { loadEntries } from './entries.js'

/** Hand-computed badges of the board's entries, on the cases where a second count used to disagree with the register. */
let db: Database
let s: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'bdg')
})
afterAll(async () => {
  await db?.close()
})

async function mark(pupilId: number, date: string, code = 'absent_sick') {
  const codeId = await codeIdByName(db.sql, s.schoolId, code)
  await db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${s.schoolId}, 0, ${pupilId}, ${date}, ${codeId}, 'teacher')`
}
async function entry(pupilId: number, date: string) {
  const year = (await schoolYearOn(db.sql, s.schoolId, date))!
  return (await loadEntries(db.sql, s.schoolId, year, date)).find((e) => e.pupilId === pupilId)
}

describe('the day badges', () => {
  it('follow a streak over a class closure and a weekend, and end it at a day attended', async () => {
    // Thu 12-03 absent, Fri 12-04 class closure of 1年1組, weekend, Mon 12-07 absent: 2 in a row.
    await mark(s.pupils.taro, '2026-12-03')
    await mark(s.pupils.taro, '2026-12-07')
    await db.sql`insert into class_closure (school_id, school_year_id, class_id, from_date, to_date, label)
      values (${s.schoolId}, ${s.yearId}, ${s.classes.c1}, '2026-12-04', '2026-12-04', '学級閉鎖')`
    // The same days for a pupil of 2年1組, which was not closed: Friday was attended.
    await mark(s.pupils.other, '2026-12-03')
    await mark(s.pupils.other, '2026-12-07')
    expect(await entry(s.pupils.taro, '2026-12-07')).toMatchObject({ consecutiveAbsences: 2, cumulativeAbsences: 2 })
    expect(await entry(s.pupils.other, '2026-12-07')).toMatchObject({ consecutiveAbsences: 1, cumulativeAbsences: 2 })
  })

  it('do not count a 欠席 on a day the class is closed', async () => {
    await db.sql`insert into class_closure (school_id, school_year_id, class_id, from_date, to_date, label)
      values (${s.schoolId}, ${s.yearId}, ${s.classes.c2}, '2026-10-14', '2026-10-14', '学級閉鎖')`
    await mark(s.pupils.jiro, '2026-10-14')
    expect(await entry(s.pupils.jiro, '2026-10-14')).toMatchObject({ status: 'absent', consecutiveAbsences: 0, cumulativeAbsences: 0 })
  })

  it('do not count a mark dated before the pupil enrolled, nor one on a Sunday', async () => {
    await db.sql`update pupil set enrolled_on = '2026-10-05' where id = ${s.pupils.hanako}`
    await mark(s.pupils.hanako, '2026-10-02')
    expect(await entry(s.pupils.hanako, '2026-10-02')).toMatchObject({ consecutiveAbsences: 0, cumulativeAbsences: 0 })
    await mark(s.pupils.hanako, '2026-10-05')
    await mark(s.pupils.hanako, '2026-10-11') // Sunday
    expect(await entry(s.pupils.hanako, '2026-10-05')).toMatchObject({ consecutiveAbsences: 1, cumulativeAbsences: 1 })
    // On the Sunday: the year so far ends on Friday 10-09, and 10-06…10-09 were attended.
    expect(await entry(s.pupils.hanako, '2026-10-11')).toMatchObject({ consecutiveAbsences: 0, cumulativeAbsences: 1 })
  })

  it('let 出席停止 neither count nor break a streak', async () => {
    // 2年1組 pupil 2 (other): absent Tue 11-10, 出席停止 Wed–Thu, absent Fri 11-13.
    await mark(s.pupils.other, '2026-11-10')
    await mark(s.pupils.other, '2026-11-11', 'suspension_infection')
    await mark(s.pupils.other, '2026-11-12', 'suspension_infection')
    await mark(s.pupils.other, '2026-11-13')
    expect(await entry(s.pupils.other, '2026-11-12')).toMatchObject({ status: 'excused', consecutiveAbsences: 1, cumulativeAbsences: 1 })
    expect(await entry(s.pupils.other, '2026-11-13')).toMatchObject({ consecutiveAbsences: 2, cumulativeAbsences: 2 })
  })
})

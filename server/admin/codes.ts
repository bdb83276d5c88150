import type { z } from 'zod'
import type { CreateCodeRequest } from '../../shared/protocol/index.js'
import { AppError } from '../http/errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'

/** Adds one of the school's own attendance codes, after the existing ones; its meaning is in its columns. */
export async function createAttendanceCode(deps: ChangeDeps, schoolId: number, c: z.output<typeof CreateCodeRequest>): Promise<void> {
  await runChange(deps, schoolId, async (tx, change) => {
    const [sort] = await tx<{ n: number }[]>`select coalesce(max(sort_order), 0)::int + 1 as n from attendance_code where school_id = ${schoolId}`
    const [created] = await tx`
      insert into attendance_code (school_id, code, label, short_label, on_site, counts_absent, excused, is_late, is_early_leave,
                                   provisional, guardian_selectable, future_allowed, sort_order)
      values (${schoolId}, ${c.code}, ${c.label}, ${c.shortLabel}, ${c.onSite}, ${c.countsAbsent}, ${c.excused}, ${c.isLate},
              ${c.isEarlyLeave}, false, ${c.guardianSelectable}, ${c.futureAllowed}, ${sort!.n})
      on conflict (school_id, code) do nothing returning id`
    if (!created) throw new AppError('CODE_EXISTS')
    change.school('codes')
  })
}
